package dev.redline.bench;

import dev.redline.article.ArticleText;
import dev.redline.diff.Diff;
import dev.redline.diff.DiffResult;
import dev.redline.diff.SplitText;
import java.util.List;

/**
 * Two versions as a store keeps them: each text with its sentence offsets
 * ({@link SplitText#offsets}, what {@code SplitStore} holds). {@link #compare} is what a stored
 * comparison pays once the rows are read ({@code SplitStore.splits}): the splits cut from the texts
 * (read together, so unchanged paragraphs share their sentences), then the diff.
 */
record Kept(ArticleText oldText, String oldOffsets, ArticleText newText, String newOffsets) {

    static Kept of(DiffCorpus.Pair pair) {
        return new Kept(pair.before(), SplitText.offsets(pair.before()), pair.after(), SplitText.offsets(pair.after()));
    }

    DiffResult compare() {
        List<SplitText> split = SplitText.ofOffsets(List.of(oldText, newText), List.of(oldOffsets, newOffsets));
        return Diff.compare(split.get(0), split.get(1), null, null);
    }
}
