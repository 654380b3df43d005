-- Bulk annotation writes (docs/architecture.md, "The analysis import"; docs/compatibility.md).
--
-- The two row triggers on `annotation` validate each inserted document against the `jsonschema`
-- rows in plpgsql (`schema_version`) and rewrite the allele's shadow rows, about a millisecond
-- per row. They now skip that work on INSERT, and only on INSERT, when the writing transaction
-- declares with the transaction-local setting `ella.annotation_derived_by_writer = 'on'` that it
-- has done the same work itself: supplied the `schema_version` the trigger would pick and written
-- the shadow rows the trigger would write. Every other writer (ELLA's own Python code, psql, our
-- updates and deletes) gets exactly the behaviour of before.

CREATE OR REPLACE FUNCTION annotation_schema_version() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT'
        AND current_setting('ella.annotation_derived_by_writer', true) = 'on' THEN
        RETURN NEW;
    END IF;
    NEW.schema_version = schema_version(NEW.annotations, 'annotation', false);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- `database refresh` creates the shadow tables, their insert functions and the trigger; this
-- function does not depend on the configuration, so it lives here.
CREATE OR REPLACE FUNCTION annotation_to_annotationshadow() RETURNS trigger AS $$
BEGIN
    IF (TG_OP = 'INSERT') THEN
        IF current_setting('ella.annotation_derived_by_writer', true) = 'on' THEN
            RETURN NEW;
        END IF;
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
