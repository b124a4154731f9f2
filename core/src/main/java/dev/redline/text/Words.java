package dev.redline.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Word tokens. {@link #tokens} splits on whitespace and keeps punctuation attached ("7-2." stays
 * one token), for counting and for rules that look at whole words. {@link #pieces} cuts at word boundaries
 * instead (as ICU's do), so a punctuation mark is a piece of its own while "3.5", "1,204" and
 * "don't" stay whole: the grain of a word diff, where "strike" → "strike:" is one inserted colon.
 * Thread-safe.
 */
public final class Words {
    /** Where one piece of a text lies: {@code text.substring(start, end)}. */
    public record Span(int start, int end) {
    }

    private Words() {
    }

    /** The whitespace-separated tokens of a text, in order, with their punctuation. */
    public static List<String> tokens(String text) {
        // a plain scan rather than a regex split: it runs on every word of every edited sentence
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int k = 0; k < text.length(); k++) {
            if (Normalize.isSpace(text.charAt(k))) {
                if (start >= 0) {
                    tokens.add(text.substring(start, k));
                    start = -1;
                }
            } else if (start < 0) {
                start = k;
            }
        }
        if (start >= 0) {
            tokens.add(text.substring(start));
        }
        return tokens;
    }

    /** How many whitespace tokens of the text hold a letter or a digit (a lone ":" is no word). */
    public static int count(String text) {
        int words = 0;
        boolean inToken = false;
        boolean counted = false;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (Normalize.isSpace(c)) {
                inToken = false;
            } else {
                if (!inToken) {
                    counted = false;
                    inToken = true;
                }
                if (!counted && Character.isLetterOrDigit(c)) {
                    words++;
                    counted = true;
                }
            }
        }
        return words;
    }

    /**
     * The word-diff pieces of a text in order: words and numbers, and each punctuation mark alone.
     * A word is a run of letters, digits and combining marks; an apostrophe or full stop between
     * two letters ("don't", "U.S") and a comma, full stop or apostrophe between two digits
     * ("1,204", "3.5") stay inside it, as at ICU's word boundaries (UAX #29), but a plain scan:
     * ICU's word breaker cost an eighth of a whole alignment, and this runs on every word of
     * every edited sentence.
     */
    public static List<Span> pieces(String text) {
        int[] bounds = pieceBounds(text);
        List<Span> pieces = new ArrayList<>(bounds.length / 2);
        for (int k = 0; k < bounds.length; k += 2) {
            pieces.add(new Span(bounds[k], bounds[k + 1]));
        }
        return pieces;
    }

    /**
     * The {@link #pieces} of a text as flat bounds, start and end of each piece in turn: the form
     * the word diff reads, making no object per piece. A piece never holds whitespace.
     */
    public static int[] pieceBounds(String text) {
        int[] bounds = new int[16];
        int count = 0;
        int k = 0;
        int n = text.length();
        while (k < n) {
            int cp = text.codePointAt(k);
            if (Normalize.isSpace((char) cp) && Character.isBmpCodePoint(cp)) {
                k++;
                continue;
            }
            int start = k;
            k += Character.charCount(cp);
            if (isWordPart(cp)) {
                while (k < n) {
                    int next = text.codePointAt(k);
                    if (isWordPart(next)) {
                        k += Character.charCount(next);
                    } else if (k + 1 < n && joins(text.codePointBefore(k), next, text.codePointAt(k + 1))) {
                        k++;
                    } else {
                        break;
                    }
                }
            }
            if (count == bounds.length) {
                bounds = Arrays.copyOf(bounds, 2 * count);
            }
            bounds[count++] = start;
            bounds[count++] = k;
        }
        return Arrays.copyOf(bounds, count);
    }

    private static boolean isWordPart(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** Whether {@code mark} between {@code before} and {@code after} stays inside a word or number. */
    private static boolean joins(int before, int mark, int after) {
        if (Character.isLetter(before) && Character.isLetter(after)) {
            return mark == '\'' || mark == '\u2019' || mark == '.';
        }
        if (Character.isDigit(before) && Character.isDigit(after)) {
            return mark == ',' || mark == '.' || mark == '\'' || mark == '\u2019';
        }
        return false;
    }

    /** True when the text has whitespace right before {@code index} (false at its start). */
    public static boolean spaceBefore(String text, int index) {
        return index > 0 && Normalize.isSpace(text.charAt(index - 1));
    }
}
