package dev.redline.diff;

import dev.redline.article.ArticleText;
import dev.redline.text.Sentences;
import java.util.List;
import java.util.Objects;

/**
 * A version as {@link Diff} compares it: headline, byline and the body split into sentences
 * ({@link Sentences}), with the sentences that begin a paragraph. Splitting is the costly part of
 * a comparison, so a store splits each version once, when it is stored, keeps its compact form
 * ({@link #kept()}: offsets into the paragraphs and a hash of each sentence's comparison key) and
 * diffs splits read back from it ({@link #ofKept}). A split made from a text holds its sentences
 * as spans of the paragraphs and makes a sentence's string only when it is asked for (see
 * {@link #sentences()}). Immutable and thread-safe.
 *
 * @param title           the headline, never null
 * @param byline          the byline, or null
 * @param sentences       the body's sentences in reading order, never null
 * @param paragraphStarts indexes into {@code sentences} that begin a paragraph, ascending
 */
public record SplitText(String title, String byline, List<String> sentences, List<Integer> paragraphStarts) {
    public SplitText {
        Objects.requireNonNull(title, "title");
        // a split made from a text keeps its spans, which make their strings on first use
        sentences = sentences instanceof SentenceSpans ? sentences : List.copyOf(sentences);
        paragraphStarts = List.copyOf(paragraphStarts);
        for (int k = 0; k < paragraphStarts.size(); k++) {
            int start = paragraphStarts.get(k);
            if (start < 0 || start >= sentences.size() || (k > 0 && start <= paragraphStarts.get(k - 1))) {
                throw new IllegalArgumentException("paragraph start " + start + " out of order or outside "
                        + sentences.size() + " sentences");
            }
        }
    }

    /** Splits a version's body into sentences, paragraph by paragraph. */
    public static SplitText of(ArticleText text) {
        return of(text, Offsets.split(text));
    }

    private static SplitText of(ArticleText text, SentenceSpans spans) {
        return new SplitText(text.title(), text.byline(), spans, spans.paragraphStarts());
    }

    /**
     * The compact form a store keeps of this split, to read it back with {@link #ofKept} instead
     * of splitting again: the {@link #offsets} of its sentences and the hash of each one's
     * comparison key, so that a comparison of two kept splits finds the unchanged sentences
     * without making their strings. Lets whoever split a version for its own use hand the split
     * to the store.
     *
     * @throws IllegalStateException when this split was not made from a text ({@link #of},
     *                               {@link #ofKept}) but from a list of sentences
     */
    public KeptSplit kept() {
        if (!(sentences instanceof SentenceSpans spans)) {
            throw new IllegalStateException("a split made from a list of sentences has no offsets into a text");
        }
        return new KeptSplit(spans.offsets(), SentenceSpans.keyHashesForm(sentences));
    }

    /**
     * Where {@link #of} cuts {@code text}, in the compact form a store keeps beside the text: for
     * each paragraph, the gap before and the length of each sentence ({@code "0,23,1,40"}: a
     * sentence at 0-23, one at 24-64), paragraphs separated by {@code ';'} (an empty field for a
     * paragraph without sentences). Made under {@link Sentences#rules()}; read back with
     * {@link #ofOffsets}.
     */
    public static String offsets(ArticleText text) {
        return Offsets.of(text);
    }

    /**
     * The split that {@link #offsets} described, cut from {@code text} without splitting again.
     *
     * @throws IllegalArgumentException when the offsets do not fit the text (not made from it)
     */
    public static SplitText ofOffsets(ArticleText text, String offsets) {
        return of(text, Offsets.read(text, offsets, null));
    }

    /**
     * The split that {@link #kept()} described, cut from {@code text} without splitting again. Key
     * hashes that are missing (null), of another edition or do not fit are left out: the split is
     * the same, only its comparisons make the strings they would have been spared.
     *
     * @throws IllegalArgumentException when the offsets do not fit the text (not made from it)
     */
    public static SplitText ofKept(ArticleText text, KeptSplit kept) {
        return of(text, Offsets.read(text, kept.offsets(), kept.keyHashes()));
    }
}
