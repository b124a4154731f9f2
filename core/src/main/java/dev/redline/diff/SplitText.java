package dev.redline.diff;

import dev.redline.article.ArticleText;
import dev.redline.text.Sentences;
import java.util.ArrayList;
import java.util.Arrays;
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
        StringBuilder out = new StringBuilder(16 * text.paragraphs().size());
        for (int p = 0; p < text.paragraphs().size(); p++) {
            if (p > 0) {
                out.append(';');
            }
            int[] bounds = Sentences.bounds(text.paragraphs().get(p));
            int end = 0;
            for (int k = 0; k < bounds.length; k += 2) {
                if (k > 0) {
                    out.append(',');
                }
                out.append(bounds[k] - end).append(',').append(bounds[k + 1] - bounds[k]);
                end = bounds[k + 1];
            }
        }
        return out.toString();
    }

    /**
     * The split that {@link #offsets} described, cut from {@code text} without splitting again.
     *
     * @throws IllegalArgumentException when the offsets do not fit the text (not made from it)
     */
    public static SplitText ofOffsets(ArticleText text, String offsets) {
        // a plain scan: this runs for both sides of every stored comparison, where a split() per
        // field and a parse per number cost as much as the diff itself
        List<String> paragraphs = text.paragraphs();
        String[] sentences = new String[16];
        int count = 0;
        Integer[] starts = new Integer[paragraphs.size()];
        int startCount = 0;
        int at = 0;
        int length = offsets.length();
        for (int p = 0; p < paragraphs.size(); p++) {
            if (p > 0) {
                if (at >= length || offsets.charAt(at) != ';') {
                    throw misfit(offsets, "has fewer paragraphs than the text's " + paragraphs.size());
                }
                at++;
            }
            String paragraph = paragraphs.get(p);
            int end = 0;
            boolean first = true;
            while (at < length && offsets.charAt(at) != ';') {
                if (!first && offsets.charAt(at++) != ',') {
                    throw misfit(offsets, "has no ',' between sentences at " + (at - 1));
                }
                int gapEnd = digitsEnd(offsets, at);
                int from = end + parse(offsets, at, gapEnd);
                if (gapEnd >= length || offsets.charAt(gapEnd) != ',') {
                    throw misfit(offsets, "has a gap without a length at " + at);
                }
                at = gapEnd + 1;
                int lengthEnd = digitsEnd(offsets, at);
                end = from + parse(offsets, at, lengthEnd);
                at = lengthEnd;
                if (end == from || end > paragraph.length()) {
                    throw misfit(offsets, "cuts outside paragraph " + p);
                }
                if (first) {
                    starts[startCount++] = count;
                    first = false;
                }
                if (count == sentences.length) {
                    sentences = Arrays.copyOf(sentences, 2 * count);
                }
                sentences[count++] = paragraph.substring(from, end);
            }
        }
        if (at != length) {
            throw misfit(offsets, "has more paragraphs than the text's " + paragraphs.size());
        }
        return new SplitText(text.title(), text.byline(), List.of(Arrays.copyOf(sentences, count)),
                List.of(Arrays.copyOf(starts, startCount)));
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
            k++;
        }
        return k;
    }

    private static int parse(String s, int from, int to) {
        if (to == from || to - from > 9) {
            throw misfit(s, "holds no number or too long a one at " + from);
        }
        int value = 0;
        for (int k = from; k < to; k++) {
            value = 10 * value + (s.charAt(k) - '0');
        }
        return value;
    }

    private static IllegalArgumentException misfit(String offsets, String why) {
        String shown = offsets.length() > 40 ? offsets.substring(0, 40) + "…" : offsets;
        return new IllegalArgumentException("sentence offsets '" + shown + "' do not fit the text: " + why);
    }
}
