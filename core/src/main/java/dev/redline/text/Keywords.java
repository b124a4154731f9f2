package dev.redline.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
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
        return tokenize(text).words();
    }

    /**
     * One segment's words in order, with their case, and whether each begins a sentence (or the
     * segment). Immutable by convention: the array is never modified after construction.
     */
    public record Tokens(List<String> words, boolean[] starts) {
    }

    /**
     * A segment's words and sentence starts. Each word is a substring of the (NFC) text unless an
     * apostrophe inside it is dropped: most words cost one copy, not a character-by-character build.
     */
    public static Tokens tokenize(String text) {
        String s = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        List<String> words = new ArrayList<>();
        boolean[] starts = new boolean[Math.max(4, s.length() / 4)];
        int begin = -1; // where the word in progress began, or -1
        int end = 0; // after its last letter
        StringBuilder dropped = null; // the word in progress once an apostrophe was left out of it
        boolean start = true;
        for (int i = 0; i < s.length(); ) {
            int at = i;
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
                if (begin < 0) {
                    begin = at;
                } else if (dropped != null) {
                    dropped.appendCodePoint(cp);
                }
                end = i;
            } else if (isApostrophe(cp)) {
                if (begin >= 0 && dropped == null) {
                    dropped = new StringBuilder(end - begin + 16).append(s, begin, end);
                }
            } else {
                if (begin >= 0) {
                    starts = add(words, starts, dropped == null ? s.substring(begin, end) : dropped.toString(), start);
                    begin = -1;
                    dropped = null;
                    start = false;
                }
                if (cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == '"' || cp == '\u201C') {
                    start = true;
                }
            }
        }
        if (begin >= 0) {
            starts = add(words, starts, dropped == null ? s.substring(begin, end) : dropped.toString(), start);
        }
        return new Tokens(List.copyOf(words), Arrays.copyOf(starts, words.size()));
    }

    private static boolean[] add(List<String> words, boolean[] starts, String word, boolean start) {
        boolean[] out = words.size() == starts.length ? Arrays.copyOf(starts, starts.length * 2) : starts;
        out[words.size()] = start;
        words.add(word);
        return out;
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
        List<Tokens> tokens = segments.stream().map(Keywords::tokenize).toList();
        List<String> words = new ArrayList<>();
        int[] ends = new int[tokens.size()];
        for (int i = 0; i < ends.length; i++) {
            words.addAll(tokens.get(i).words());
            ends[i] = words.size();
        }
        return new Marked(List.copyOf(words), keywords(tokens), ends);
    }

    /**
     * Which words of a document, given as its segments' tokens, are keywords (as {@link #mark}
     * says), in reading order over all segments. For callers that tokenise each segment once and
     * reuse it (the fingerprints of an article's versions, which share most paragraphs).
     */
    public static boolean[] keywords(List<Tokens> segments) {
        Set<String> lowerUsed = new HashSet<>();
        Set<String> midSentence = new HashSet<>();
        int total = 0;
        for (Tokens segment : segments) {
            for (int i = 0; i < segment.words().size(); i++) {
                String t = segment.words().get(i);
                if (!Character.isUpperCase(t.codePointAt(0))) {
                    lowerUsed.add(t);
                } else if (!segment.starts()[i]) {
                    midSentence.add(t);
                }
            }
            total += segment.words().size();
        }
        boolean[] keyword = new boolean[total];
        int n = 0;
        for (Tokens segment : segments) {
            for (String t : segment.words()) {
                keyword[n++] = hasDigit(t) || (midSentence.contains(t) && !lowerUsed.contains(t.toLowerCase(Locale.ROOT)));
            }
        }
        return keyword;
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
