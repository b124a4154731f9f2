-- PostgreSQL side of what the two databases do differently.
-- Full-text index: a tsvector per version ('simple' configuration, no stemming, so SQLite and
-- PostgreSQL match the same words), written by JdbcStore.appendVersion, title weighted A.
ALTER TABLE versions ADD COLUMN search TSVECTOR;
CREATE INDEX versions_search ON versions USING GIN (search);

-- A committed version is never changed or lost.
CREATE FUNCTION redline_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'versions are immutable';
END;
$$;
CREATE TRIGGER versions_no_update BEFORE UPDATE OR DELETE ON versions
    FOR EACH ROW EXECUTE FUNCTION redline_versions_immutable();
