package dev.redline.bench;

import dev.redline.article.ArticleText;
import dev.redline.diff.Diff;
import dev.redline.diff.DiffResult;
import dev.redline.diff.KeptSplit;
import dev.redline.diff.SplitText;

/**
 * Two versions as a store keeps them: each text with the kept form of its split
 * ({@link SplitText#kept()}: sentence offsets and key hashes, what {@code SplitStore} holds).
 * {@link #compare} is what a stored comparison pays once the rows are read
 * ({@code SplitStore.splits}): the splits read back from their kept form, then the diff.
 */
record Kept(ArticleText oldText, KeptSplit oldKept, ArticleText newText, KeptSplit newKept) {

    static Kept of(DiffCorpus.Pair pair) {
        return new Kept(pair.before(), SplitText.of(pair.before()).kept(), pair.after(), SplitText.of(pair.after()).kept());
    }

    DiffResult compare() {
        return Diff.compare(SplitText.ofKept(oldText, oldKept), SplitText.ofKept(newText, newKept), null, null);
    }
}
