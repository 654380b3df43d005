-- ELLA's trigger functions again: every insert is validated and shadowed in plpgsql.

CREATE OR REPLACE FUNCTION annotation_schema_version() RETURNS trigger AS $$
BEGIN
    NEW.schema_version = schema_version(NEW.annotations, 'annotation', false);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION annotation_to_annotationshadow() RETURNS trigger AS $$
BEGIN
    IF (TG_OP = 'INSERT') THEN
        PERFORM delete_annotationshadow(NEW.allele_id);
        PERFORM insert_annotationshadowtranscript(NEW.allele_id, NEW.annotations);
        PERFORM insert_annotationshadowfrequency(NEW.allele_id, NEW.annotations);
        RETURN NEW;
    ELSIF (TG_OP = 'UPDATE') THEN
        IF (NEW.allele_id != OLD.allele_id OR NEW.annotations != OLD.annotations
            OR NEW.date_created != OLD.date_created) THEN
            RAISE EXCEPTION 'Update on one or more of the included columns for annotation table is disallowed';
        END IF;
        RETURN NEW;
    ELSIF (TG_OP = 'DELETE') THEN
        PERFORM delete_annotationshadow(OLD.allele_id);
        RETURN OLD;
    END IF;
END;
$$ LANGUAGE plpgsql;
