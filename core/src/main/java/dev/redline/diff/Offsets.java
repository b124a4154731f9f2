package dev.redline.diff;

import dev.redline.article.ArticleText;
import dev.redline.text.Sentences;
import java.util.Arrays;
import java.util.List;

/**
 * Where a version's sentences lie in its paragraphs ({@link SentenceSpans}): cut by the splitter,
 * or read back from the offsets form of {@link SplitText#offsets} with a plain scan, since reading
 * runs for both sides of every stored comparison, where a {@code split()} per field and a parse
 * per number cost as much as the diff. Stateless and thread-safe.
 */
final class Offsets {
    private Offsets() {
    }

    /** Splits the text's paragraphs into sentence spans ({@link Sentences#bounds}). */
    static SentenceSpans split(ArticleText text) {
        List<String> paragraphs = text.paragraphs();
        Builder spans = new Builder(paragraphs);
        for (int p = 0; p < paragraphs.size(); p++) {
            int[] bounds = Sentences.bounds(paragraphs.get(p));
            for (int k = 0; k < bounds.length; k += 2) {
                spans.add(p, bounds[k], bounds[k + 1]);
            }
        }
        return spans.build();
    }

    static String of(ArticleText text) {
        return split(text).offsets();
    }

    /** Reads {@code offsets} against {@code text}. */
    static SentenceSpans read(ArticleText text, String offsets) {
        List<String> paragraphs = text.paragraphs();
        int n = paragraphs.size();
        Builder spans = new Builder(paragraphs);
        int at = 0;
        int length = offsets.length();
        for (int p = 0; p < n; p++) {
            if (p > 0) {
                if (at >= length || offsets.charAt(at) != ';') {
                    throw misfit(offsets, "has fewer paragraphs than the text's " + n);
                }
                at++;
            }
            int paragraphLength = paragraphs.get(p).length();
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
                if (end == from || end > paragraphLength) {
                    throw misfit(offsets, "cuts outside paragraph " + p);
                }
                first = false;
                spans.add(p, from, end);
            }
        }
        if (at != length) {
            throw misfit(offsets, "has more paragraphs than the text's " + n);
        }
        return spans.build();
    }

    /** The spans of one version as they are found, in reading order. */
    private static final class Builder {
        private final List<String> paragraphs;
        private int[] paragraph = new int[32];
        private int[] from = new int[32];
        private int[] to = new int[32];
        private int count;

        Builder(List<String> paragraphs) {
            this.paragraphs = paragraphs;
        }

        void add(int p, int start, int end) {
            if (count == from.length) {
                paragraph = Arrays.copyOf(paragraph, 2 * count);
                from = Arrays.copyOf(from, 2 * count);
                to = Arrays.copyOf(to, 2 * count);
            }
            paragraph[count] = p;
            from[count] = start;
            to[count] = end;
            count++;
        }

        SentenceSpans build() {
            return new SentenceSpans(paragraphs, Arrays.copyOf(paragraph, count), Arrays.copyOf(from, count),
                    Arrays.copyOf(to, count), null);
        }
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
