package dev.redline.diff;

import dev.redline.article.ArticleText;
import dev.redline.text.Sentences;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The offsets form of a {@link SplitText} (its format in {@link SplitText#offsets}): writing it,
 * and reading it back with a plain scan, since reading runs for both sides of every stored
 * comparison, where a {@code split()} per field and a parse per number cost as much as the diff.
 * Stateless and thread-safe.
 */
final class Offsets {
    private Offsets() {
    }

    /**
     * One read: the split, and per paragraph where its field lies in the offsets and which
     * sentences it gave, so the next version can take over the sentences of an unchanged paragraph.
     */
    record Read(SplitText split, ArticleText text, String offsets, int[] fieldStart, int[] fieldEnd,
                int[] firstSentence, String[] sentences) {
    }

    static String of(ArticleText text) {
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

    /** Reads {@code offsets} against {@code text}; {@code previous} (or null) is the version before. */
    static Read read(ArticleText text, String offsets, Read previous) {
        List<String> paragraphs = text.paragraphs();
        int n = paragraphs.size();
        Map<String, Integer> before = previous == null ? Map.of() : paragraphIndex(previous.text().paragraphs());
        String[] sentences = new String[16];
        int count = 0;
        int[] fieldStart = new int[n];
        int[] fieldEnd = new int[n];
        int[] firstSentence = new int[n + 1];
        Integer[] starts = new Integer[n];
        int startCount = 0;
        int at = 0;
        int length = offsets.length();
        for (int p = 0; p < n; p++) {
            if (p > 0) {
                if (at >= length || offsets.charAt(at) != ';') {
                    throw misfit(offsets, "has fewer paragraphs than the text's " + n);
                }
                at++;
            }
            String paragraph = paragraphs.get(p);
            fieldStart[p] = at;
            firstSentence[p] = count;
            int fieldTo = offsets.indexOf(';', at);
            fieldTo = fieldTo < 0 ? length : fieldTo;
            Integer same = before.get(paragraph);
            boolean first = true;
            if (same != null && sameField(previous, same, offsets, at, fieldTo)) {
                // an unchanged paragraph cut the same way: the earlier version's sentence strings
                int from = previous.firstSentence()[same];
                int taken = previous.firstSentence()[same + 1] - from;
                if (count + taken > sentences.length) {
                    sentences = Arrays.copyOf(sentences, 2 * (count + taken));
                }
                System.arraycopy(previous.sentences(), from, sentences, count, taken);
                count += taken;
                first = taken == 0;
                at = fieldTo;
            }
            int end = 0;
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
                first = false;
                if (count == sentences.length) {
                    sentences = Arrays.copyOf(sentences, 2 * count);
                }
                sentences[count++] = paragraph.substring(from, end);
            }
            fieldEnd[p] = at;
            if (!first) {
                starts[startCount++] = firstSentence[p];
            }
        }
        if (at != length) {
            throw misfit(offsets, "has more paragraphs than the text's " + n);
        }
        firstSentence[n] = count;
        String[] all = Arrays.copyOf(sentences, count);
        SplitText split = new SplitText(text.title(), text.byline(), List.of(all), List.of(Arrays.copyOf(starts, startCount)));
        return new Read(split, text, offsets, fieldStart, fieldEnd, firstSentence, all);
    }

    private static Map<String, Integer> paragraphIndex(List<String> paragraphs) {
        Map<String, Integer> index = new HashMap<>(2 * paragraphs.size());
        for (int p = 0; p < paragraphs.size(); p++) {
            index.putIfAbsent(paragraphs.get(p), p);
        }
        return index;
    }

    private static boolean sameField(Read previous, int p, String offsets, int from, int to) {
        int length = previous.fieldEnd()[p] - previous.fieldStart()[p];
        return length == to - from && previous.offsets().regionMatches(previous.fieldStart()[p], offsets, from, length);
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
