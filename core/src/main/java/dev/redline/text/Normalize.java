package dev.redline.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Comparison keys for text. Two strings that differ only in Unicode composition, runs of
 * whitespace, curly versus straight quotes or the kind of dash get the same key. Keys are used for
 * comparing only; Redline always shows the original text. Stateless and thread-safe.
 */
public final class Normalize {
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B\\uFEFF]+");
    private static final Pattern SINGLE_QUOTES = Pattern.compile("[\\u2018\\u2019\\u201A\\u201B\\u2032\\u00B4`]");
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\\u201C\\u201D\\u201E\\u201F\\u2033\\u00AB\\u00BB]");
    private static final Pattern DASHES = Pattern.compile("[\\u2010\\u2011\\u2012\\u2013\\u2014\\u2015\\u2212\\uFE58\\uFE63\\uFF0D]");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Normalize() {
    }

    /**
     * The comparison key of a text: NFC, curly quotes made straight, every dash a hyphen-minus,
     * whitespace runs collapsed to one space, trimmed. Case is kept: a change of case is a change.
     */
    public static String key(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        s = SINGLE_QUOTES.matcher(s).replaceAll("'");
        s = DOUBLE_QUOTES.matcher(s).replaceAll("\"");
        s = DASHES.matcher(s).replaceAll("-");
        s = WHITESPACE.matcher(s).replaceAll(" ");
        return s.strip();
    }

    /**
     * A looser key that keeps only letters and digits, lower-cased and space-separated: two texts
     * with the same loose key differ at most in whitespace, punctuation or case.
     */
    public static String looseKey(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return NOT_LETTER_OR_DIGIT.matcher(s).replaceAll(" ").strip();
    }
}
