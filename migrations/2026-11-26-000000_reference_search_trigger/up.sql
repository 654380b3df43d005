-- Full-text search on references (datamodel.md §8.3). ELLA's `database make` creates this trigger
-- but its production path (`make-production`) never does, so `reference.search` stays NULL there
-- and reference search finds nothing. Created idempotently, so that databases taken over from
-- ELLA get it too, and existing rows are filled in once.

-- Authors and title weigh A, journal B, year C, with the built-in english configuration.
CREATE OR REPLACE FUNCTION reference_search_update() RETURNS trigger AS $$
BEGIN
    NEW.search =
        setweight(to_tsvector('pg_catalog.english', coalesce(NEW.authors, '')), 'A') ||
        setweight(to_tsvector('pg_catalog.english', coalesce(NEW.title, '')), 'A') ||
        setweight(to_tsvector('pg_catalog.english', coalesce(NEW.journal, '')), 'B') ||
        setweight(to_tsvector('pg_catalog.english', coalesce(NEW.year, '')), 'C');
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS reference_search_trigger ON reference;
CREATE TRIGGER reference_search_trigger BEFORE INSERT OR UPDATE ON reference
    FOR EACH ROW EXECUTE FUNCTION reference_search_update();

-- Fires the trigger for every existing row.
UPDATE reference SET search = NULL;
