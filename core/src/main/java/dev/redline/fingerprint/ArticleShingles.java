package dev.redline.fingerprint;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Each version's distinct shingle set of one article, kept compactly: the sorted union of the
 * versions' shingles and, for each shingle of the union, one bit per version that carries it.
 * Versions of one article share most of their text, so this is about a tenth of the size of the
 * versions' sets side by side, and a query verifies a candidate from it without reading or
 * fingerprinting the article's text. The sets it gives back are exactly those it was made from.
 * Immutable and thread-safe.
 */
public final class ArticleShingles {
    /** The first byte of the encoding: its layout, so that a later layout can tell old rows apart. */
    private static final byte FORMAT = 1;

    private final int versions;
    private final long[] union;
    /** {@code union.length} rows of {@link #maskBytes} bytes: bit v of a row says whether version v carries that shingle. */
    private final byte[] masks;

    private ArticleShingles(int versions, long[] union, byte[] masks) {
        this.versions = versions;
        this.union = union;
        this.masks = masks;
    }

    /** An article with no versions yet. */
    public static ArticleShingles empty() {
        return new ArticleShingles(0, new long[0], new byte[0]);
    }

    /** The article whose versions, in order, have these distinct sorted shingle sets. */
    public static ArticleShingles of(List<long[]> versionShingles) {
        ArticleShingles out = empty();
        for (long[] shingles : versionShingles) {
            out = out.plus(shingles);
        }
        return out;
    }

    /** How many versions this covers (versions 0 to n - 1). */
    public int versions() {
        return versions;
    }

    /** This article with one more version at the end, whose distinct shingles are {@code next} (sorted). */
    public ArticleShingles plus(long[] next) {
        int width = maskBytes(versions + 1);
        int oldWidth = maskBytes(versions);
        long[] merged = new long[union.length + next.length];
        byte[] out = new byte[merged.length * width];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < union.length || j < next.length) {
            int c = i == union.length ? 1 : j == next.length ? -1 : Long.compare(union[i], next[j]);
            if (c <= 0) {
                System.arraycopy(masks, i * oldWidth, out, n * width, oldWidth);
                merged[n] = union[i++];
            } else {
                merged[n] = next[j];
            }
            if (c >= 0) {
                out[n * width + versions / 8] |= (byte) (1 << (versions % 8));
                j++;
            }
            n++;
        }
        return new ArticleShingles(versions + 1, Arrays.copyOf(merged, n), Arrays.copyOf(out, n * width));
    }

    /**
     * How many of {@code shingles} (distinct, sorted) each version carries, by version number: one
     * merge with the union, without making the versions' sets.
     */
    public int[] sharedPerVersion(long[] shingles) {
        int width = maskBytes(versions);
        int[] shared = new int[versions];
        int i = 0;
        int j = 0;
        while (i < union.length && j < shingles.length) {
            int c = Long.compare(union[i], shingles[j]);
            if (c == 0) {
                for (int v = 0; v < versions; v++) {
                    if (carries(i, v, width)) {
                        shared[v]++;
                    }
                }
                i++;
                j++;
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    /** One version's distinct shingles, sorted: what {@link Fingerprint#shingles()} gave for it. */
    public long[] version(int version) {
        int width = maskBytes(versions);
        long[] out = new long[union.length];
        int n = 0;
        for (int s = 0; s < union.length; s++) {
            if (carries(s, version, width)) {
                out[n++] = union[s];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private boolean carries(int shingle, int version, int width) {
        return (masks[shingle * width + version / 8] & (1 << (version % 8))) != 0;
    }

    /** The stored form: format byte, version count, union size, the union's hashes, the bit rows. */
    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + 4 + union.length * 8 + masks.length);
        out.put(FORMAT).putInt(versions).putInt(union.length);
        for (long hash : union) {
            out.putLong(hash);
        }
        return out.put(masks).array();
    }

    /**
     * The shingles from their stored form ({@link #encode}).
     *
     * @throws IllegalArgumentException when the bytes are not of that form (another layout, cut short)
     */
    public static ArticleShingles decode(byte[] stored) {
        ByteBuffer in = ByteBuffer.wrap(stored);
        if (stored.length < 9 || in.get() != FORMAT) {
            throw new IllegalArgumentException("not an article shingle set of format " + FORMAT + " (" + stored.length + " bytes)");
        }
        int versions = in.getInt();
        int size = in.getInt();
        if (versions < 0 || size < 0 || in.remaining() != (long) size * 8 + (long) size * maskBytes(versions)) {
            throw new IllegalArgumentException("article shingle set of " + versions + " versions and " + size
                    + " shingles does not fit its " + stored.length + " bytes");
        }
        long[] union = new long[size];
        for (int s = 0; s < size; s++) {
            union[s] = in.getLong();
        }
        byte[] masks = new byte[in.remaining()];
        in.get(masks);
        return new ArticleShingles(versions, union, masks);
    }

    private static int maskBytes(int versions) {
        return (versions + 7) / 8;
    }
}
