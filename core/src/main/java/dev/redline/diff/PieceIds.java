package dev.redline.diff;

import dev.redline.text.Normalize;
import java.util.ArrayList;
import java.util.List;

/**
 * Key ids of the word-diff pieces of two texts: equal ids, equal comparison keys
 * ({@link Normalize#key}), ids counted from 0. A piece below U+0300 (nearly every piece of news
 * text) is hashed and compared in place through {@link Normalize#fold}, so no piece string and no
 * key string is made; only a rarer piece gets its key made. Its own open-addressing table rather
 * than a {@code HashMap<String, Integer>}: this runs on every piece of every edited sentence, where
 * the substrings, keys and boxes of the map were most of a word diff's allocation. Not
 * thread-safe; one per word diff.
 */
final class PieceIds {
    /** The pieces filed so far: text, bounds, hash and (for a piece not in place) its key. */
    private final String[] texts;
    private final int[] starts;
    private final int[] ends;
    private final int[] hashes;
    private final String[] keys;
    /** A filed piece + 1 per slot, 0 when empty. */
    private final int[] slots;
    private final int mask;
    /** The id of each filed piece. */
    private final int[] ids;
    private int filed;
    private int next;

    /** A table for up to {@code pieces} pieces of both texts together. */
    PieceIds(int pieces) {
        texts = new String[pieces];
        starts = new int[pieces];
        ends = new int[pieces];
        hashes = new int[pieces];
        keys = new String[pieces];
        ids = new int[pieces];
        int capacity = Integer.highestOneBit(2 * pieces + 1) * 2;
        slots = new int[capacity];
        mask = capacity - 1;
    }

    /** The ids of pieces {@code [from, to)} of {@code text}, whose bounds are as {@link dev.redline.text.Words#pieceBounds} gives them. */
    List<Integer> of(String text, int[] bounds, int from, int to) {
        List<Integer> out = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            out.add(id(text, bounds[2 * k], bounds[2 * k + 1]));
        }
        return out;
    }

    private int id(String text, int start, int end) {
        String key = Normalize.keyIsFolded(text, start, end) ? null : Normalize.key(text.substring(start, end));
        int hash = key != null ? key.hashCode() : foldedHash(text, start, end);
        int slot = (hash * 0x9E3779B9 ^ hash >>> 16) & mask;
        for (int e; (e = slots[slot] - 1) >= 0; slot = (slot + 1) & mask) {
            if (hashes[e] == hash && sameKey(e, text, start, end, key)) {
                return ids[e];
            }
        }
        texts[filed] = text;
        starts[filed] = start;
        ends[filed] = end;
        hashes[filed] = hash;
        keys[filed] = key;
        ids[filed] = next;
        slots[slot] = ++filed;
        return next++;
    }

    /** {@link String#hashCode} of the key of a piece whose key is its folded characters. */
    private static int foldedHash(String text, int start, int end) {
        int hash = 0;
        for (int k = start; k < end; k++) {
            hash = 31 * hash + Normalize.fold(text.charAt(k));
        }
        return hash;
    }

    /** Whether filed piece {@code e} has the key of {@code text[start, end)} (whose key is {@code key}, or its folded characters when null). */
    private boolean sameKey(int e, String text, int start, int end, String key) {
        if (keys[e] != null && key != null) {
            return keys[e].equals(key);
        }
        if (keys[e] != null) {
            return foldedEquals(text, start, end, keys[e]);
        }
        if (key != null) {
            return foldedEquals(texts[e], starts[e], ends[e], key);
        }
        int length = end - start;
        if (ends[e] - starts[e] != length) {
            return false;
        }
        String other = texts[e];
        for (int k = 0; k < length; k++) {
            if (Normalize.fold(other.charAt(starts[e] + k)) != Normalize.fold(text.charAt(start + k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean foldedEquals(String text, int start, int end, String key) {
        if (end - start != key.length()) {
            return false;
        }
        for (int k = 0; k < key.length(); k++) {
            if (Normalize.fold(text.charAt(start + k)) != key.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
