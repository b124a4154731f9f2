-- Each version's body split into sentences once, when it is recorded, so that diffs read the
-- split instead of splitting again (SplitStore). Kept compactly as offsets into the version's own
-- paragraphs (dev.redline.diff.SplitText.offsets), with the splitting rules that made them
-- (Sentences.rules()). Derived data only: a version without a row, or with a row made under other
-- rules, is split again from its text on read, so existing stores need no data migration and this
-- table never holds anything that is not also in versions.
CREATE TABLE version_sentences (
    version_id BIGINT  NOT NULL PRIMARY KEY REFERENCES versions (id),
    rules      INTEGER NOT NULL,
    offsets    TEXT    NOT NULL
);
