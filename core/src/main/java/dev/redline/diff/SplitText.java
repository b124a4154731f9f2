package dev.redline.diff;

import dev.redline.article.ArticleText;
import dev.redline.text.Sentences;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A version as {@link Diff} compares it: headline, byline and the body split into sentences
 * ({@link Sentences}), with the sentences that begin a paragraph. Splitting is the costly part of
 * a comparison, so a store splits each version once, when it is stored, keeps this and diffs
 * stored splits ({@link Diff#compare(SplitText, SplitText, java.time.Instant, java.time.Instant)}).
 * Immutable and thread-safe.
 *
 * @param title           the headline, never null
 * @param byline          the byline, or null
 * @param sentences       the body's sentences in reading order, never null
 * @param paragraphStarts indexes into {@code sentences} that begin a paragraph, ascending
 */
public record SplitText(String title, String byline, List<String> sentences, List<Integer> paragraphStarts) {
    public SplitText {
        Objects.requireNonNull(title, "title");
        sentences = List.copyOf(sentences);
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
        List<String> all = new ArrayList<>();
        List<Integer> starts = new ArrayList<>(text.paragraphs().size());
        for (String paragraph : text.paragraphs()) {
            int[] bounds = Sentences.bounds(paragraph);
            if (bounds.length > 0) {
                starts.add(all.size());
                for (int k = 0; k < bounds.length; k += 2) {
                    all.add(paragraph.substring(bounds[k], bounds[k + 1]));
                }
            }
        }
        return new SplitText(text.title(), text.byline(), all, starts);
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
        return Offsets.read(text, offsets, null).split();
    }

    /**
     * The splits of consecutive versions of one article from their offsets, as
     * {@link #ofOffsets(ArticleText, String)} each, but a paragraph a version shares with the one
     * before it (same text, same offsets) shares that version's sentence strings too: most of a
     * page is unchanged, and a comparison of equal instances is immediate.
     *
     * @throws IllegalArgumentException when some offsets do not fit their text
     */
    public static List<SplitText> ofOffsets(List<ArticleText> texts, List<String> offsets) {
        if (texts.size() != offsets.size()) {
            throw new IllegalArgumentException(texts.size() + " texts but " + offsets.size() + " offsets");
        }
        List<SplitText> splits = new ArrayList<>(texts.size());
        Offsets.Read previous = null;
        for (int k = 0; k < texts.size(); k++) {
            previous = Offsets.read(texts.get(k), offsets.get(k), previous);
            splits.add(previous.split());
        }
        return splits;
    }
}
