package dev.redline.text;

import java.text.Normalizer;

/**
 * Comparison keys for text. Two strings that differ only in Unicode composition, runs of
 * whitespace, curly versus straight quotes or the kind of dash get the same key. Keys are used for
 * comparing only; Redline always shows the original text. Stateless and thread-safe.
 */
public final class Normalize {

    private Normalize() {
    }

    /**
     * The text without control characters, for storing and showing: tabs and line breaks become
     * spaces, every other C0/C1 control (NUL, ESC, BEL, …) is dropped. Such characters carry no
     * meaning in an article, yet would break XML (Atom), PostgreSQL text (NUL) or a terminal (ESC).
     * Returns the same instance when there is nothing to remove, so the common case costs one scan.
     */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        int first = 0;
        while (first < text.length() && !Character.isISOControl(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length()).append(text, 0, first);
        for (int k = first; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b') {
                sb.append(' ');
            } else if (!Character.isISOControl(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The comparison key of a text: NFC, curly quotes made straight, every dash a hyphen-minus,
     * whitespace runs collapsed to one space, trimmed. Case is kept: a change of case is a change.
     */
    public static String key(String text) {
        // One hand-written pass instead of four regex replacements: this runs on every sentence and
        // every word of every version compared, and the regex passes dominated a whole diff's time.
        if (isKeyAlready(text)) {
            return text;
        }
        String s = nfc(text);
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (isSpace(c)) {
                pendingSpace = !out.isEmpty();
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(fold(c));
        }
        return out.toString();
    }

    /**
     * A looser key that keeps only letters and digits, lower-cased, words separated by one space:
     * two texts with the same loose key differ at most in whitespace, punctuation or case.
     */
    public static String looseKey(String text) {
        String s = nfc(text);
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int k = 0; k < s.length(); ) {
            int cp = s.codePointAt(k);
            k += Character.charCount(cp);
            if (!isLetterOrNumber(cp)) {
                pendingSpace = !out.isEmpty();
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(Character.toLowerCase(cp));
        }
        return out.toString();
    }

    /**
     * Most text needs no change: below U+0300 (so already NFC: nothing there composes), no outer
     * or doubled whitespace, no curly quote, no dash.
     */
    private static boolean isKeyAlready(String s) {
        char previous = ' ';
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c >= '\u0300') {
                return false;
            }
            if (c == ' ' ? previous == ' ' : c < '!' || c == '`' || (c >= '\u0080' && (fold(c) != c || isSpace(c)))) {
                return false;
            }
            previous = c;
        }
        return previous != ' ' || s.isEmpty();
    }

    private static String nfc(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Whitespace, including the no-break, figure, narrow, zero-width spaces and the BOM. */
    static boolean isSpace(char c) {
        if (c < 0x80) {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F');
        }
        if (c < '\u1680') {
            return c == '\u00A0';
        }
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u200B' || c == '\uFEFF';
    }

    private static boolean isLetterOrNumber(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /**
     * Whether {@code text[from, to)}, a run without whitespace, has as its {@link #key} just its
     * characters each {@link #fold folded}: true when all lie below U+0300, where nothing
     * composes, so the key of such a word can be compared and hashed in place, without making it.
     */
    public static boolean keyIsFolded(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (text.charAt(k) >= '\u0300') {
                return false;
            }
        }
        return true;
    }

    /** Curly and typographic quotes to straight ones, every dash and minus to '-': what {@link #key} does to each character. */
    public static char fold(char c) {
        return switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '`' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D' -> '-';
            default -> c;
        };
    }
}
