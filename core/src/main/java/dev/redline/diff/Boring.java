package dev.redline.diff;

import dev.redline.text.Normalize;
import dev.redline.text.Words;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules that call a change "boring": cosmetic rather than news. A diff is boring when it has
 * at least one change and every change is boring by one of these rules; the flag names the rules
 * that fired. Boring changes are flagged, never hidden. Thread-safe.
 */
final class Boring {
    static final String PUNCTUATION = "whitespace or punctuation only";
    static final String TIMESTAMP = "timestamp line";
    static final String NUMERIC_TICK = "small numeric tick";

    /** A number may move by this share of its old value and still be a tick (1,204 → 1,219). */
    private static final double TICK_SHARE = 0.05;
    /** A timestamp line is short. */
    private static final int TIMESTAMP_MAX_WORDS = 14;
    /** …so longer text need not be looked at word by word. */
    private static final int TIMESTAMP_MAX_CHARS = 160;

    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Pattern AGO = Pattern.compile(
            "\\b(?:\\d+|an?|one)\\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?)\\s+ago\\b");
    private static final Pattern STAMP_WORD = Pattern.compile("\\b(?:updated|published|posted|modified|last updated)\\b");
    private static final Pattern CLOCK = Pattern.compile("\\b\\d{1,2}[:.]\\d{2}\\b");
    private static final Pattern DATE = Pattern.compile(
            "\\b\\d{1,2}\\s+" + MONTH + "\\s+\\d{4}\\b|\\b" + MONTH + "\\s+\\d{1,2},?\\s+\\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b");
    private static final Pattern NUMBER = Pattern.compile("^[^\\d]*?(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?[^\\d]*$");

    private Boring() {
    }

    /** Why an edit from {@code old} to {@code neu} is boring, or null when it is news. */
    static String editReason(String old, String neu) {
        if (Normalize.looseKey(old).equals(Normalize.looseKey(neu))) {
            return PUNCTUATION;
        }
        if (isTimestampLine(old) && isTimestampLine(neu)) {
            return TIMESTAMP;
        }
        if (isNumericTick(old, neu)) {
            return NUMERIC_TICK;
        }
        return null;
    }

    /** Why adding or deleting this sentence is boring, or null when it is news. */
    static String lineReason(String sentence) {
        return isTimestampLine(sentence) ? TIMESTAMP : null;
    }

    /** "Updated 3 minutes ago", "22 January 2015 Last updated at 10:33", "Posted 10:33". */
    static boolean isTimestampLine(String sentence) {
        if (sentence.length() > TIMESTAMP_MAX_CHARS || !hasAgoClockOrYear(sentence) || Words.count(sentence) > TIMESTAMP_MAX_WORDS) {
            return false; // the common case, decided without building the lower-cased key
        }
        String s = Normalize.key(sentence).toLowerCase(Locale.ROOT);
        boolean digits = s.chars().anyMatch(Character::isDigit);
        if ((!digits && !s.contains("ago")) || Words.tokens(s).size() > TIMESTAMP_MAX_WORDS) {
            return false;
        }
        if (AGO.matcher(s).find()) {
            return true;
        }
        boolean clock = digits && CLOCK.matcher(s).find();
        boolean date = digits && DATE.matcher(s).find();
        if (!clock && !date) {
            return false;
        }
        if (STAMP_WORD.matcher(s).find()) {
            return true;
        }
        // a line that is nothing but a date and/or a time
        String rest = DATE.matcher(CLOCK.matcher(s).replaceAll(" ")).replaceAll(" ")
                .replaceAll("\\b(?:gmt|bst|utc|[ap]\\.?m\\.?|at|on)\\b", " ").replaceAll("[^\\p{L}\\p{N}]+", "");
        return rest.isEmpty();
    }

    /** Same words except numbers, each moved by at most {@link #TICK_SHARE} of its old value. */
    static boolean isNumericTick(String old, String neu) {
        if (!hasDigit(old) || !hasDigit(neu) || Words.count(old) != Words.count(neu)) {
            return false; // no number to tick, or words added or cut: decided without tokenising
        }
        List<String> x = Words.tokens(Normalize.key(old));
        List<String> y = Words.tokens(Normalize.key(neu));
        if (x.size() != y.size()) {
            return false;
        }
        boolean ticked = false;
        for (int k = 0; k < x.size(); k++) {
            if (x.get(k).equals(y.get(k))) {
                continue;
            }
            Double from = number(x.get(k));
            Double to = number(y.get(k));
            if (from == null || to == null || Math.abs(to - from) > TICK_SHARE * Math.abs(from)
                    || !x.get(k).replaceAll("[\\d.,]", "").equals(y.get(k).replaceAll("[\\d.,]", ""))) {
                return false;
            }
            ticked = true;
        }
        return ticked;
    }

    private static boolean hasDigit(String text) {
        for (int k = 0; k < text.length(); k++) {
            if (Character.isDigit(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "ago" in any case, a clock time ("10:33", "9.05": a digit, ':' or '.', two digits) or four
     * digits in a row (the year every date pattern holds): what {@link #AGO}, {@link #CLOCK} or
     * {@link #DATE} needs to match, so a line without any cannot be a timestamp line. The key and
     * lower-casing the patterns run on leave ASCII digits, ':', '.' and "ago" as they are. Most
     * news sentences with a number have none of these, and are decided here without the regexes.
     */
    private static boolean hasAgoClockOrYear(String text) {
        int digits = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c >= '0' && c <= '9') {
                if (++digits == 4) {
                    return true;
                }
                continue;
            }
            if ((c == ':' || c == '.') && digits > 0 && k + 2 < text.length()
                    && isAsciiDigit(text.charAt(k + 1)) && isAsciiDigit(text.charAt(k + 2))) {
                return true;
            }
            digits = 0;
            // (c | 0x20) lower-cases an ASCII letter: only 'A' and 'a' give 'a'
            if ((c | 0x20) == 'a' && k + 2 < text.length()
                    && (text.charAt(k + 1) | 0x20) == 'g' && (text.charAt(k + 2) | 0x20) == 'o') {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Double number(String token) {
        var m = NUMBER.matcher(token);
        if (!m.matches()) {
            return null;
        }
        String digits = m.group(1).replace(",", "") + (m.group(2) == null ? "" : "." + m.group(2));
        return Double.parseDouble(digits);
    }
}
