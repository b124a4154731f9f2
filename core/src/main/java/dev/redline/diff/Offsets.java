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
        Builder spans = new Builder(paragraphs, 4 * paragraphs.size());
        for (int p = 0; p < paragraphs.size(); p++) {
            int[] bounds = Sentences.bounds(paragraphs.get(p));
            for (int k = 0; k < bounds.length; k += 2) {
                spans.add(p, bounds[k], bounds[k + 1]);
            }
        }
        return spans.build(null);
    }

    static String of(ArticleText text) {
        return split(text).offsets();
    }

    /**
     * Reads {@code offsets} against {@code text}, with the key hashes of {@code keyHashes}
     * ({@link SentenceSpans#readKeyHashes}: left out when null or not fitting).
     */
    static SentenceSpans read(ArticleText text, String offsets, String keyHashes) {
        List<String> paragraphs = text.paragraphs();
        int n = paragraphs.size();
        Cursor in = new Cursor(offsets);
        // each sentence takes at least four characters ("0,1," or "0,1;"), so this many arrays never grow
        Builder spans = new Builder(paragraphs, offsets.length() / 4 + 1);
        for (int p = 0; p < n; p++) {
            if (p > 0 && !in.take(';')) {
                throw misfit(offsets, "has fewer paragraphs than the text's " + n);
            }
            int paragraphLength = paragraphs.get(p).length();
            int end = 0;
            boolean first = true;
            while (!in.atEnd() && !in.at(';')) {
                if (!first && !in.take(',')) {
                    throw misfit(offsets, "has no ',' between sentences at " + in.at);
                }
                int from = end + in.number();
                if (!in.take(',')) {
                    throw misfit(offsets, "has a gap without a length at " + in.at);
                }
                end = from + in.number();
                if (end == from || end > paragraphLength) {
                    throw misfit(offsets, "cuts outside paragraph " + p);
                }
                first = false;
                spans.add(p, from, end);
            }
        }
        if (!in.atEnd()) {
            throw misfit(offsets, "has more paragraphs than the text's " + n);
        }
        return spans.build(keyHashes);
    }

    /** A scan over the offsets' characters, copied once into an array: charAt per digit cost as much as the rest of the read. */
    private static final class Cursor {
        private final String offsets;
        private final char[] chars;
        int at;

        Cursor(String offsets) {
            this.offsets = offsets;
            this.chars = offsets.toCharArray();
        }

        boolean atEnd() {
            return at >= chars.length;
        }

        boolean at(char c) {
            return at < chars.length && chars[at] == c;
        }

        boolean take(char c) {
            if (at(c)) {
                at++;
                return true;
            }
            return false;
        }

        /** The number that starts here, of at most 9 digits. */
        int number() {
            int start = at;
            int value = 0;
            while (at < chars.length && chars[at] >= '0' && chars[at] <= '9') {
                value = 10 * value + (chars[at++] - '0');
            }
            if (at == start || at - start > 9) {
                throw misfit(offsets, "holds no number or too long a one at " + start);
            }
            return value;
        }
    }

    /** The spans of one version as they are found, in reading order. */
    private static final class Builder {
        private final List<String> paragraphs;
        private int[] paragraph;
        private int[] from;
        private int[] to;
        private int count;

        Builder(List<String> paragraphs, int expected) {
            this.paragraphs = paragraphs;
            int capacity = Math.max(expected, 1);
            this.paragraph = new int[capacity];
            this.from = new int[capacity];
            this.to = new int[capacity];
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

        SentenceSpans build(String keyHashes) {
            return new SentenceSpans(paragraphs, paragraph, from, to, count, SentenceSpans.readKeyHashes(keyHashes, count));
        }
    }

    private static IllegalArgumentException misfit(String offsets, String why) {
        String shown = offsets.length() > 40 ? offsets.substring(0, 40) + "…" : offsets;
        return new IllegalArgumentException("sentence offsets '" + shown + "' do not fit the text: " + why);
    }
}
