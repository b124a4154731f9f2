package dev.redline.bench;

import dev.redline.article.ArticleText;
import dev.redline.diff.Diff;
import dev.redline.diff.DiffResult;
import dev.redline.diff.SplitText;

/**
 * Two versions as a store keeps them: each text with its sentence offsets
 * ({@link SplitText#offsets}, what {@code SplitStore} holds). {@link #compare} is what a stored
 * comparison pays once the rows are read: the splits cut from the texts, then the diff.
 */
record Kept(ArticleText oldText, String oldOffsets, ArticleText newText, String newOffsets) {

    static Kept of(DiffCorpus.Pair pair) {
        return new Kept(pair.before(), SplitText.offsets(pair.before()), pair.after(), SplitText.offsets(pair.after()));
    }

    DiffResult compare() {
        return Diff.compare(SplitText.ofOffsets(oldText, oldOffsets), SplitText.ofOffsets(newText, newOffsets), null, null);
    }
}
