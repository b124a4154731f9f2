-- Per-source learned boilerplate (issue 9). As the tracker stores an article's first version it
-- counts the lines of the page's body candidates towards the article's source: a line shown by
-- many distinct articles is the source's boilerplate, a line shown by one is an article's own.
-- Ordinals count the articles a source has taught (1, 2, ...): they stand in for time, so that
-- the lens an article is read with (its learned_articles.lens) can be rebuilt exactly later.

CREATE TABLE learned_sources (
    source_id  BIGINT  NOT NULL PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
    articles   INTEGER NOT NULL,            -- articles counted so far: the latest ordinal
    copies     INTEGER NOT NULL,            -- articles not counted: copies of one counted before
    updated_at BIGINT  NOT NULL
);

CREATE TABLE learned_lines (
    source_id   BIGINT  NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    fingerprint BIGINT  NOT NULL,           -- LearnedLines.fingerprint of the line
    sample      TEXT    NOT NULL,           -- the line as last seen, for the source page
    learnable   INTEGER NOT NULL,           -- 1: may become boilerplate; 0: an article's text (copy check only)
    articles    INTEGER NOT NULL,           -- distinct articles that showed it
    first_seen  INTEGER NOT NULL,           -- ordinal of the first and of the latest of them
    last_seen   INTEGER NOT NULL,
    known_at    INTEGER,                    -- ordinal of the second article that showed it
    boiler_at   INTEGER,                    -- ordinal from which it is boilerplate
    retired_at  INTEGER,                    -- ordinal from which it is not any more (for good)
    PRIMARY KEY (source_id, fingerprint)
);

-- Which lens each article is read with, pinned at its first extraction so that all its versions
-- are compared through the same one, and whether (and as which ordinal) it taught its source.
CREATE TABLE learned_articles (
    article_id BIGINT  NOT NULL PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    lens       INTEGER NOT NULL,            -- the source's ordinal when the article was first read
    taught     INTEGER                      -- its own ordinal; 0 for a copy; null before counting
);
