package dev.redline.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a text as provenance compares them, and which of them are <em>keywords</em>: the
 * figures and names that survive a copier's rewording. Folding: NFC, apostrophes dropped inside
 * words ("don't", "don’t" and "dont" are one word), every other character that is not a letter,
 * digit or combining mark a separator; so quotes, dashes and lost punctuation change nothing.
 * Stateless and thread-safe.
 */
public final class Keywords {

    private Keywords() {
    }

    /** The words of a text in order, with their case. */
    public static List<String> tokens(String text) {
        List<String> words = new ArrayList<>();
        tokens(text, words, new ArrayList<>());
        return words;
    }

    /** Adds the text's words to {@code words}, and to {@code starts} whether each begins a sentence (or the text). */
    private static void tokens(String text, List<String> words, List<Boolean> starts) {
        String s = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder word = new StringBuilder();
        boolean start = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
                word.appendCodePoint(cp);
            } else if (isApostrophe(cp)) {
                continue;
            } else {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    starts.add(start);
                    word.setLength(0);
                    start = false;
                }
                if (cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == '"' || cp == '\u201C') {
                    start = true;
                }
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
            starts.add(start);
        }
    }

    /** The words of a text in order, lower-cased: the comparison form. */
    public static List<String> folded(String text) {
        return tokens(text).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * A document's words (with their case) in reading order, which of them are keywords, and where
     * each segment ends ({@code segmentEnds[i]}: the index after segment i's last word).
     */
    public record Marked(List<String> words, boolean[] keyword, int[] segmentEnds) {
    }

    /**
     * The words of a document (its segments: headline, paragraphs) and which are keywords: a word
     * holding a digit, or a capitalised word whose lower-case form the document never uses and
     * which occurs at least once other than first in a sentence (so "Kessington" and "Vale" are,
     * and a sentence's first "Critics" is not). Judged on the document alone, so a copy and its
     * source mark the words they share alike.
     */
    public static Marked mark(List<String> segments) {
        List<String> words = new ArrayList<>();
        List<Boolean> starts = new ArrayList<>();
        int[] ends = new int[segments.size()];
        for (int i = 0; i < ends.length; i++) {
            tokens(segments.get(i), words, starts);
            ends[i] = words.size();
        }
        Set<String> lowerUsed = new HashSet<>();
        Set<String> midSentence = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String t = words.get(i);
            if (!Character.isUpperCase(t.codePointAt(0))) {
                lowerUsed.add(t);
            } else if (!starts.get(i)) {
                midSentence.add(t);
            }
        }
        boolean[] keyword = new boolean[words.size()];
        for (int i = 0; i < keyword.length; i++) {
            String t = words.get(i);
            keyword[i] = hasDigit(t)
                    || (midSentence.contains(t) && !lowerUsed.contains(t.toLowerCase(Locale.ROOT)));
        }
        return new Marked(List.copyOf(words), keyword, ends);
    }

    /** True when the word holds a digit (a figure, a date, a score). */
    public static boolean hasDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '\u02BC' || cp == '\u0060' || cp == '\u00B4';
    }
}
