-- SQLite side of what the two databases do differently.
-- Full-text index: a contentless FTS5 table (the text lives only in versions), rowid = versions.id,
-- fed by JdbcStore.appendVersion with pre-tokenised text so both databases see the same words.
CREATE VIRTUAL TABLE versions_fts USING fts5(title, byline, body, content = '', tokenize = 'unicode61 remove_diacritics 0');

-- A committed version is never changed or lost.
CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions
BEGIN
    SELECT RAISE(ABORT, 'versions are immutable');
END;
CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions
BEGIN
    SELECT RAISE(ABORT, 'versions are immutable');
END;
