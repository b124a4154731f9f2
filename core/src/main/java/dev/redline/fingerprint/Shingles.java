package dev.redline.fingerprint;

import dev.redline.text.Keywords;
import java.util.List;
import java.util.Locale;

/**
 * Turns text into the comparison words of the fingerprint and hashes runs of them. Both sides of a
 * comparison (a tracked version and a suspected copy) go through the same folding, so cosmetic
 * differences a copier introduces do not break matches: case, Unicode composition (NFC), curly
 * versus straight quotes and apostrophes, dash kinds, punctuation. Stateless and thread-safe.
 */
final class Shingles {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Shingles() {
    }

    /** Lower-cased, NFC, apostrophes removed inside words, every other non-letter/digit a separator ({@link Keywords#folded}). */
    static List<String> words(String text) {
        return Keywords.folded(text);
    }

    /** The {@link #hashFolded} of each word, in order. */
    static long[] wordHashes(List<String> words) {
        long[] out = new long[words.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = hashFolded(words.get(i));
        }
        return out;
    }

    /**
     * 64-bit hash of each run of {@code size} consecutive words of one segment (paragraph), given as
     * their word hashes, in text order; a segment shorter than {@code size} words gives one hash of
     * all its words, an empty one none. Runs never cross segments, so a version that only drops or
     * adds whole paragraphs shares exactly the shingles of the paragraphs it keeps: ties between
     * versions mean "the same paragraphs".
     */
    static long[] hashes(long[] wordHashes, int size) {
        if (wordHashes.length == 0) {
            return wordHashes;
        }
        int count = Math.max(1, wordHashes.length - size + 1);
        long[] out = new long[count];
        for (int start = 0; start < count; start++) {
            long h = 0x2545F4914F6CDD1DL;
            for (int j = start; j < Math.min(wordHashes.length, start + size); j++) {
                h = mix64((h ^ wordHashes[j]) * 0x9E3779B97F4A7C15L);
            }
            out[start] = h;
        }
        return out;
    }

    /**
     * The hash of a word's lower-case form ({@code toLowerCase(Locale.ROOT)}), without building that
     * string when the word is ASCII (then lower-casing is per character and the values are the same).
     * FNV-1a over the UTF-16 units, then a strong finaliser: no hash library is on the core classpath,
     * and the values must be stable across JVMs because they are stored in the database.
     */
    static long hashFolded(String word) {
        long h = FNV_OFFSET;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 0x80) {
                return hashWord(word.toLowerCase(Locale.ROOT));
            }
            h ^= c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
            h *= FNV_PRIME;
        }
        return mix64(h);
    }

    private static long hashWord(String word) {
        long h = FNV_OFFSET;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= FNV_PRIME;
        }
        return mix64(h);
    }

    /** The murmur3 / splitmix64 finaliser: every input bit affects every output bit. */
    static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
