package dev.redline.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;

/**
 * Word tokens. {@link #tokens} splits on whitespace and keeps punctuation attached ("7-2." stays
 * one token), for counting and for rules that look at whole words. {@link #pieces} cuts at ICU's
 * word boundaries instead, so a punctuation mark is a piece of its own while "3.5", "1,204" and
 * "don't" stay whole: the grain of a word diff, where "strike" → "strike:" is one inserted colon.
 * Thread-safe.
 */
public final class Words {
    private static final ThreadLocal<BreakIterator> WORD_BREAKER = ThreadLocal.withInitial(
            () -> BreakIterator.getWordInstance(ULocale.ENGLISH));

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

    /** The word-diff pieces of a text in order: words and numbers, and each punctuation mark alone. */
    public static List<Span> pieces(String text) {
        BreakIterator breaker = WORD_BREAKER.get();
        breaker.setText(text);
        List<Span> pieces = new ArrayList<>();
        int start = breaker.first();
        for (int end = breaker.next(); end != BreakIterator.DONE; start = end, end = breaker.next()) {
            if (!Normalize.isSpace(text.charAt(start))) {
                pieces.add(new Span(start, end));
            }
        }
        return pieces;
    }

    /** True when the text has whitespace right before {@code index} (false at its start). */
    public static boolean spaceBefore(String text, int index) {
        return index > 0 && Normalize.isSpace(text.charAt(index - 1));
    }
}
