package dev.redline.text;

import com.ibm.icu.text.BreakIterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cheap first pass of {@link Sentences}: cuts a paragraph where ICU's sentence breaker would,
 * judging the plain cases itself and asking ICU only about the rest. Every place ICU can end a
 * sentence follows a terminator ({@code . ! ?}) in Latin-script text, so the scan visits each
 * terminator: "x. The" after an ordinary word is an end, "3.5", "e.g. the" or "x.com" are not, and
 * anything else (a quote or bracket after the stop, a short capitalised word that may be an
 * abbreviation such as "Gen.", a listed abbreviation, an initial, "!" or "?" before a lower-case
 * word) is asked of ICU at that spot. Text ICU treats differently throughout (line or paragraph
 * separators, other scripts' terminators) goes to ICU whole. Equal to ICU everywhere (checked by
 * {@code SentencesTest} on generated and labelled text) at a fraction of its cost. Thread-safe.
 */
final class Boundaries {
    /** Capitalised words up to this long may be one of ICU's suppressed abbreviations ("Approx."). */
    private static final int SHORT_CAPITALISED = 6;
    /** Whether ICU ends a sentence after "word." followed by a capital, for short words seen so far. */
    private static final Map<String, Boolean> ICU_ENDS_AFTER = new ConcurrentHashMap<>();
    /** …remembering at most this many words, so memory stays bounded whatever the input. */
    private static final int REMEMBERED_WORDS = 10_000;

    private Boundaries() {
    }

    /** The parts of a paragraph between sentence boundaries, trimmed, blank parts left out. */
    static Spans of(String paragraph) {
        int n = paragraph.length();
        for (int k = 0; k < n; k++) {
            if (needsIcuThroughout(paragraph.charAt(k))) {
                return Sentences.icuSplit(paragraph);
            }
        }
        Spans parts = new Spans();
        int start = 0;
        int k = 0;
        while (k < n) {
            char c = paragraph.charAt(k);
            if (c != '.' && c != '!' && c != '?') {
                k++;
                continue;
            }
            int run = k;
            while (k < n && isTerminatorOrCloser(paragraph.charAt(k))) {
                k++;
            }
            int spaces = k;
            while (k < n && paragraph.charAt(k) == ' ') {
                k++;
            }
            if (k == n) {
                break;
            }
            Verdict verdict = judge(paragraph, run, spaces, k);
            if (verdict == Verdict.ASK_ICU && k == spaces + 1 && wordEnd(paragraph, k) > k
                    && !Character.isWhitespace(paragraph.charAt(k)) && Sentences.rejoins(paragraph.substring(start, spaces),
                    paragraph.substring(k, wordEnd(paragraph, k)))) {
                verdict = Verdict.NOT_END; // ICU may split here, but the merge pass would join again
            }
            if (verdict == Verdict.END) {
                start = cut(paragraph, start, k, parts);
            } else if (verdict == Verdict.ASK_ICU) {
                // ICU ends a sentence after any spaces, not only ASCII ones
                while (k < n && (Character.isWhitespace(paragraph.charAt(k)) || Character.isSpaceChar(paragraph.charAt(k)))) {
                    k++;
                }
                start = askIcu(paragraph, start, run, k, parts);
            }
            k = Math.max(k, spaces);
        }
        cut(paragraph, start, n, parts);
        return parts;
    }

    private enum Verdict { END, NOT_END, ASK_ICU }

    /**
     * ICU's boundaries after the terminator at {@code run} up to {@code reach}, from ICU run over a
     * window only: from the current sentence's start (what abbreviation rules look back at) to
     * the first letter after the spot (what ICU looks ahead to). Returns the new sentence start.
     */
    private static int askIcu(String p, int start, int run, int reach, Spans parts) {
        int end = reach;
        while (end < p.length() && !Character.isLetter(p.charAt(end))) {
            end++;
        }
        end = Math.min(p.length(), end + 1);
        BreakIterator icu = Sentences.breaker();
        // a substring, not a CharacterIterator over the range: ICU's abbreviation filter misreads ranges
        int offset = start;
        icu.setText(p.substring(start, end));
        for (int b = icu.following(run - offset); b != BreakIterator.DONE && b + offset <= reach && b + offset < end;
                b = icu.following(b)) {
            start = cut(p, start, b + offset, parts);
        }
        return start;
    }

    /**
     * Whether the terminators and closers [run, spaces), then ASCII spaces up to {@code next},
     * end a sentence before {@code next}.
     */
    private static Verdict judge(String p, int run, int spaces, int next) {
        char mark = p.charAt(run);
        char after = p.charAt(next);
        boolean lone = spaces == run + 1;
        boolean spaced = next > spaces;
        if (!lone) {
            return Verdict.ASK_ICU;
        }
        if (mark != '.') {
            return spaced && isAsciiUpper(after) ? Verdict.END : Verdict.ASK_ICU;
        }
        if (!spaced) {
            if (isAsciiDigit(after) || isAsciiLower(after) || after == ',' || after == ';' || after == ':') {
                return Verdict.NOT_END;
            }
            boolean letterBefore = run > 0 && (isAsciiLower(p.charAt(run - 1)) || isAsciiUpper(p.charAt(run - 1)));
            return isAsciiUpper(after) && letterBefore ? Verdict.NOT_END : Verdict.ASK_ICU;
        }
        if (isAsciiLower(after)) {
            return Verdict.NOT_END;
        }
        return isAsciiUpper(after) && isOrdinaryWordBefore(p, run) ? Verdict.END : Verdict.ASK_ICU;
    }

    private static int wordEnd(String p, int from) {
        int end = from;
        while (end < p.length() && !Normalize.isSpace(p.charAt(end))) {
            end++;
        }
        return end;
    }

    /**
     * The word before the full stop at {@code dot} is plain letters or digits and no abbreviation
     * ICU keeps a sentence going after (its own list, asked once per word and remembered).
     */
    private static boolean isOrdinaryWordBefore(String p, int dot) {
        int from = dot;
        while (from > 0 && p.charAt(from - 1) != ' ') {
            from--;
        }
        int length = dot - from;
        if (length < 2) {
            return false;
        }
        for (int k = from; k < dot; k++) {
            char c = p.charAt(k);
            if (!isAsciiLower(c) && !isAsciiUpper(c) && !isAsciiDigit(c)) {
                return false;
            }
        }
        if ((isAsciiUpper(p.charAt(from)) && length <= SHORT_CAPITALISED) || length <= 4) {
            String word = p.substring(from, dot);
            Boolean ends = ICU_ENDS_AFTER.get(word);
            if (ends == null) {
                ends = Sentences.icuSplit("x " + word + ". The").size() == 2;
                if (ICU_ENDS_AFTER.size() < REMEMBERED_WORDS) {
                    ICU_ENDS_AFTER.put(word, ends);
                }
            }
            return ends;
        }
        return true;
    }

    private static int cut(String p, int start, int end, Spans parts) {
        parts.addStripped(p, start, end);
        return end;
    }

    /**
     * Characters around which ICU's rules differ from the scan's: controls and line or paragraph
     * separators, and scripts other than Latin (whose terminators the scan does not know). Curly
     * quotes, dashes and the spaces of General Punctuation are fine.
     */
    private static boolean needsIcuThroughout(char c) {
        if (c < ' ') {
            return true;
        }
        if (c < '\u0370') {
            return c == '\u0085';
        }
        return !((c >= '\u2000' && c <= '\u2023') || c == '\u2025' || c == '\u2027'
                || (c >= '\u2030' && c <= '\u203B') || (c >= '\u20A0' && c <= '\u20CF'));
    }

    private static boolean isTerminatorOrCloser(char c) {
        return c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c == ']' || c == '}'
                || c == '\u2019' || c == '\u201D' || c == '\u00BB' || c == '\u203A';
    }

    private static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
