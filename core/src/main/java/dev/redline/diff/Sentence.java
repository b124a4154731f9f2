package dev.redline.diff;

import dev.redline.text.Normalize;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * One sentence of a version as the aligner sees it: the original text and, computed on first use,
 * its comparison key and its words for similarity, both as a sorted bag and in reading order.
 * A word is a run of letters and digits (a number keeps its inner commas and full stops: "3,000",
 * "3.5"), lower-cased, known by its {@link String#hashCode} (so no
 * word strings or dictionary are built: a collision between two different words of two sentences
 * is a 1-in-4-billion event that at worst nudges one similarity); each carries a class: a function
 * word ("the", "said"), a content word, or a name (capitalised inside the sentence). Most
 * sentences of a page appear verbatim in the other version and need none of this. Not
 * thread-safe: one instance belongs to one {@link Diff#compare} call.
 */
final class Sentence {
    static final int FUNCTION = 0;
    static final int CONTENT = 1;
    static final int NAME = 2;
    /** Bit of a token's class marking a word of at least {@link #LONG_WORD} characters. */
    static final int LONG = 4;
    static final int LONG_WORD = 4;
    private static final int[] FUNCTION_WORDS = loadFunctionWords();

    final int index;
    final String text;
    private String key;
    private long[] bag;
    private int[] words;
    private byte[] classes;
    private double weight;

    Sentence(int index, String text) {
        this.index = index;
        this.text = text;
    }

    /** The comparison key ({@link Normalize#key}). */
    String key() {
        if (key == null) {
            key = Normalize.key(text);
        }
        return key;
    }

    /** The words as {@code hash << 32 | class}, sorted: a multiset ordered by word. */
    long[] bag() {
        if (bag == null) {
            scan();
        }
        return bag;
    }

    /** The word hashes in reading order. */
    int[] words() {
        if (bag == null) {
            scan();
        }
        return words;
    }

    /** The class of each word in reading order ({@link #FUNCTION}, {@link #CONTENT}, {@link #NAME}, maybe | {@link #LONG}). */
    byte[] classes() {
        if (bag == null) {
            scan();
        }
        return classes;
    }

    /** Sum of the words' weights ({@link Similarity#weight}). */
    double weight() {
        if (bag == null) {
            scan();
        }
        return weight;
    }

    private void scan() {
        String s = needsNfc(text) ? Normalizer.normalize(text, Normalizer.Form.NFC) : text;
        int[] hashes = new int[16];
        byte[] kinds = new byte[16];
        int n = 0;
        int k = 0;
        while (k < s.length()) {
            int cp = s.codePointAt(k);
            if (!isWordChar(cp)) {
                k += Character.charCount(cp);
                continue;
            }
            boolean capital = Character.isUpperCase(cp);
            int hash = 0;
            int length = 0;
            while (k < s.length()) {
                char c = s.charAt(k);
                if (c < 0x80) {
                    // ASCII, nearly every character of English news: no code point decoding
                    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                        hash = 31 * hash + c;
                    } else if (c >= 'A' && c <= 'Z') {
                        hash = 31 * hash + (c + ('a' - 'A'));
                    } else if (!insideNumber(s, k)) {
                        break;
                    } else {
                        hash = 31 * hash + c; // "3,000" and "3.5" are one number, as a reader sees them
                    }
                    length++;
                    k++;
                    continue;
                }
                cp = s.codePointAt(k);
                if (!isWordChar(cp)) {
                    break;
                }
                int lower = Character.toLowerCase(cp);
                if (Character.isBmpCodePoint(lower)) {
                    hash = 31 * hash + lower;
                } else {
                    hash = 31 * (31 * hash + Character.highSurrogate(lower)) + Character.lowSurrogate(lower);
                }
                length++;
                k += Character.charCount(cp);
            }
            if (n == hashes.length) {
                hashes = Arrays.copyOf(hashes, 2 * n);
                kinds = Arrays.copyOf(kinds, 2 * n);
            }
            int kind = Arrays.binarySearch(FUNCTION_WORDS, hash) >= 0 ? FUNCTION : capital && n > 0 ? NAME : CONTENT;
            hashes[n] = hash;
            kinds[n] = (byte) (kind | (length >= LONG_WORD ? LONG : 0));
            n++;
        }
        words = Arrays.copyOf(hashes, n);
        classes = Arrays.copyOf(kinds, n);
        long[] packed = new long[n];
        double total = 0;
        for (int w = 0; w < n; w++) {
            packed[w] = (long) hashes[w] << 32 | classes[w];
            total += Similarity.weight(classes[w]);
        }
        Arrays.sort(packed);
        bag = packed;
        weight = total;
    }

    /** A comma or full stop between two ASCII digits, which keeps a number whole. */
    private static boolean insideNumber(String s, int k) {
        char c = s.charAt(k);
        return (c == ',' || c == '.') && k > 0 && k + 1 < s.length() && isAsciiDigit(s.charAt(k - 1)) && isAsciiDigit(s.charAt(k + 1));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Letters and digits of any script, as {@link Normalize#looseKey} keeps them. */
    private static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static boolean needsNfc(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) >= '\u0300') {
                return !Normalizer.isNormalized(s, Normalizer.Form.NFC);
            }
        }
        return false;
    }

    private static int[] loadFunctionWords() {
        try (InputStream in = Sentence.class.getResourceAsStream("function-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("function-words.txt missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .mapToInt(String::hashCode).sorted().distinct().toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
