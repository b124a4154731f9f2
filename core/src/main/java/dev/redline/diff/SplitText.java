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
            List<String> split = Sentences.split(paragraph);
            if (!split.isEmpty()) {
                starts.add(all.size());
                all.addAll(split);
            }
        }
        return new SplitText(text.title(), text.byline(), all, starts);
    }
}
