package dev.redline.fingerprint;

import dev.redline.text.Keywords;
import java.util.List;

/**
 * Turns text into the comparison words of the fingerprint and hashes runs of them. Both sides of a
 * comparison (a tracked version and a suspected copy) go through the same folding, so cosmetic
 * differences a copier introduces do not break matches: case, Unicode composition (NFC), curly
 * versus straight quotes and apostrophes, dash kinds, punctuation. Stateless and thread-safe.
 */
final class Shingles {
    private Shingles() {
    }

    /** Lower-cased, NFC, apostrophes removed inside words, every other non-letter/digit a separator ({@link Keywords#folded}). */
    static List<String> words(String text) {
        return Keywords.folded(text);
    }

    /**
     * 64-bit hash of each run of {@code size} consecutive words inside each segment (paragraph), in
     * text order; a segment shorter than {@code size} words gives one hash of all its words. Runs
     * never cross segments, so a version that only drops or adds whole paragraphs shares exactly the
     * shingles of the paragraphs it keeps: ties between versions mean "the same paragraphs".
     */
    static long[] hashes(List<List<String>> segments, int size) {
        int total = 0;
        for (List<String> words : segments) {
            total += words.isEmpty() ? 0 : Math.max(1, words.size() - size + 1);
        }
        long[] out = new long[total];
        int n = 0;
        for (List<String> words : segments) {
            if (words.isEmpty()) {
                continue;
            }
            long[] wordHashes = new long[words.size()];
            for (int i = 0; i < wordHashes.length; i++) {
                wordHashes[i] = hashWord(words.get(i));
            }
            int count = Math.max(1, words.size() - size + 1);
            for (int start = 0; start < count; start++) {
                long h = 0x2545F4914F6CDD1DL;
                for (int j = start; j < Math.min(words.size(), start + size); j++) {
                    h = mix64((h ^ wordHashes[j]) * 0x9E3779B97F4A7C15L);
                }
                out[n++] = h;
            }
        }
        return out;
    }

    // FNV-1a over the UTF-16 units, then a strong finaliser: no hash library is on the core classpath,
    // and the values must be stable across JVMs because they are stored in the database.
    private static long hashWord(String word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= 0x100000001b3L;
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
