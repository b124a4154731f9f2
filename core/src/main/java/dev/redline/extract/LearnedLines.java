package dev.redline.extract;

import dev.redline.text.Normalize;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * What a tracker has learned about the lines of one source's pages, as the extractor applies it to
 * a new page of that source ({@link Extractor#extractForSource}): lines seen on many distinct
 * articles are the source's boilerplate and are dropped; a short line the generic rules would drop
 * at the edge of the body is kept when the source has been learned from enough articles and has
 * never shown that line on another one (it is the article's own). Lines are compared by
 * {@link #fingerprint}. Immutable and thread-safe.
 *
 * @param boilerplate fingerprints of the source's boilerplate lines: dropped from the body
 * @param known       fingerprints of every line seen on more than one article of the source,
 *                    boilerplate or not: never kept against the generic rules
 * @param rescue      whether a line absent from {@code known} counts as the article's own (the
 *                    source has been learned from enough articles for absence to mean something)
 */
public record LearnedLines(Set<Long> boilerplate, Set<Long> known, boolean rescue) {
    /** Nothing learned: extraction by the generic rules alone. */
    public static final LearnedLines NONE = new LearnedLines(Set.of(), Set.of(), false);

    public LearnedLines {
        boilerplate = Set.copyOf(boilerplate);
        known = Set.copyOf(known);
    }

    /** Whether applying this changes nothing. */
    public boolean isEmpty() {
        return boilerplate.isEmpty() && !rescue;
    }

    /**
     * The 64-bit fingerprint of a line: the first eight bytes of the SHA-256 of its
     * {@link Normalize#looseKey loose key} (letters and digits, lower case), so case, punctuation
     * and spacing do not matter but every word and figure does (a live page's "10:42" and "11:05"
     * differ). Stable across releases: fingerprints are stored. 0 for a line without letters or digits.
     */
    public static long fingerprint(String line) {
        String key = Normalize.looseKey(line);
        if (key.isEmpty()) {
            return 0;
        }
        byte[] digest = sha256().digest(key.getBytes(StandardCharsets.UTF_8));
        long fp = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            fp = fp << 8 | (digest[i] & 0xFF);
        }
        // 0 is reserved for "no text"; one hash in 2^64 moves to 1
        return fp == 0 ? 1 : fp;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
