-- The hash of each kept sentence's comparison key (dev.redline.diff.SplitText.kept), beside its
-- offsets, so that a comparison of two kept splits finds the sentences both versions share by
-- their hashes and makes no string for them. Derived data, like the offsets: a row without hashes
-- (every row from before this migration) is still read and diffed the same way, only slower, and
-- `redline splits` fills them in. Adding a nullable column touches no stored row.
ALTER TABLE version_sentences ADD COLUMN key_hashes TEXT;
