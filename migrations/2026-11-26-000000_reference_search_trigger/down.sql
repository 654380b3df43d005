-- Back to ELLA's production layout (no search trigger); the vectors already filled stay.
DROP TRIGGER IF EXISTS reference_search_trigger ON reference;
DROP FUNCTION IF EXISTS reference_search_update();
