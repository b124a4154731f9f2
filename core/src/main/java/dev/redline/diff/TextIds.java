package dev.redline.diff;

import java.util.Arrays;
import java.util.List;

/**
 * The table behind {@link Aligner}'s key ids: a map from text to id, holding old sentences by
 * their text and comparison keys as strings, with {@code putIfAbsent} and {@code get} as a
 * {@code HashMap<String, Integer>} would do them. It is its own open-addressing table rather than
 * a {@code HashMap} for two reasons: it boxes nothing on a path run for every sentence of every
 * comparison, and when both versions are kept splits with key hashes ({@link SentenceSpans}) it
 * files a sentence under its kept key hash and compares it by its span of the paragraph, so a
 * sentence that both versions share never has its string made. That filing is sound because equal
 * texts have equal keys, and a text equal to a key string has that key as its own key (keys are
 * idempotent): whatever {@code equals} would find lies under the same hash. A hash only chooses
 * where to look; equality is always checked on the text. Not thread-safe; one per comparison.
 */
final class TextIds {
    private final List<String> oldTexts;
    private final List<String> newTexts;
    /** Both versions as spans with key hashes, or both null: then texts are filed by {@link String#hashCode}. */
    private final SentenceSpans oldSpans;
    private final SentenceSpans newSpans;
    /** An entry + 1 per slot, 0 when empty. */
    private int[] slots;
    private int mask;
    private int[] entryHash;
    private int[] entryId;
    /** The old sentence an entry holds, or -1 when it holds {@link #entryKey}. */
    private int[] entryOld;
    private String[] entryKey;
    private int entries;
    /**
     * Per old sentence, the first old sentence with its text; per new sentence, the old one found
     * with its text, or -1: equal values, equal texts ({@link #knownSameText}).
     */
    private final int[] oldTextOf;
    private final int[] newTextOf;

    TextIds(List<String> oldTexts, List<String> newTexts) {
        this.oldTexts = oldTexts;
        this.newTexts = newTexts;
        boolean hashed = oldTexts instanceof SentenceSpans x && x.hasKeyHashes()
                && newTexts instanceof SentenceSpans y && y.hasKeyHashes();
        this.oldSpans = hashed ? (SentenceSpans) oldTexts : null;
        this.newSpans = hashed ? (SentenceSpans) newTexts : null;
        this.oldTextOf = new int[oldTexts.size()];
        this.newTextOf = new int[newTexts.size()];
        Arrays.fill(newTextOf, -1);
    }

    /** Makes room for about {@code expected} entries (old texts and keys); call once before putting. */
    void size(int expected) {
        int capacity = Integer.highestOneBit(2 * expected + 8) * 2;
        slots = new int[capacity];
        mask = capacity - 1;
        entryHash = new int[capacity / 2];
        entryId = new int[capacity / 2];
        entryOld = new int[capacity / 2];
        entryKey = new String[capacity / 2];
    }

    /** Whether old sentence {@code i} and new sentence {@code j} read the same (noted when they do). */
    boolean sameText(int i, int j) {
        boolean same = oldSpans != null ? (oldSpans.keyHash(i) == newSpans.keyHash(j) && oldSpans.sameText(i, newSpans, j))
                : oldTexts instanceof SentenceSpans x && newTexts instanceof SentenceSpans y ? x.sameText(i, y, j)
                : oldTexts.get(i).equals(newTexts.get(j));
        if (same) {
            oldTextOf[i] = i;
            newTextOf[j] = i;
        }
        return same;
    }

    /** Whether old sentence {@code i} and new sentence {@code j} were found to read the same here. */
    boolean knownSameText(int i, int j) {
        return newTextOf[j] >= 0 && newTextOf[j] == oldTextOf[i];
    }

    /** putIfAbsent(text of old sentence i, id): the id already held for that text, or -1 once put. */
    int putOldText(int i, int id) {
        int hash = oldSpans != null ? oldSpans.keyHash(i) : oldTexts.get(i).hashCode();
        int slot = firstSlot(hash);
        for (int e; (e = slots[slot] - 1) >= 0; slot = (slot + 1) & mask) {
            if (entryHash[e] == hash && (entryOld[e] >= 0 ? sameOldText(entryOld[e], i) : oldTextIs(i, entryKey[e]))) {
                oldTextOf[i] = entryOld[e] >= 0 ? entryOld[e] : i;
                return entryId[e];
            }
        }
        put(slot, hash, id, i, null);
        oldTextOf[i] = i;
        return -1;
    }

    /** get(text of new sentence j): the id held for that text, or -1. */
    int newText(int j) {
        int hash = newSpans != null ? newSpans.keyHash(j) : newTexts.get(j).hashCode();
        for (int slot = firstSlot(hash), e; (e = slots[slot] - 1) >= 0; slot = (slot + 1) & mask) {
            if (entryHash[e] == hash && (entryOld[e] >= 0 ? sameText(entryOld[e], j) : newTextIs(j, entryKey[e]))) {
                newTextOf[j] = entryOld[e];
                return entryId[e];
            }
        }
        return -1;
    }

    /** putIfAbsent(key, id): the id already held for that string, or -1 once put. */
    int putKey(String key, int id) {
        int hash = key.hashCode();
        int slot = firstSlot(hash);
        for (int e; (e = slots[slot] - 1) >= 0; slot = (slot + 1) & mask) {
            if (entryHash[e] == hash && (entryOld[e] >= 0 ? oldTextIs(entryOld[e], key) : entryKey[e].equals(key))) {
                return entryId[e];
            }
        }
        put(slot, hash, id, -1, key);
        return -1;
    }

    private int firstSlot(int hash) {
        return (hash * 0x9E3779B9 ^ hash >>> 16) & mask;
    }

    private void put(int slot, int hash, int id, int old, String key) {
        if (2 * (entries + 1) > slots.length) {
            grow();
            slot = firstSlot(hash);
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
        }
        entryHash[entries] = hash;
        entryId[entries] = id;
        entryOld[entries] = old;
        entryKey[entries] = key;
        slots[slot] = ++entries;
    }

    private void grow() {
        int[] hashes = Arrays.copyOf(entryHash, entries);
        int[] ids = Arrays.copyOf(entryId, entries);
        int[] olds = Arrays.copyOf(entryOld, entries);
        String[] keys = Arrays.copyOf(entryKey, entries);
        int held = entries;
        size(2 * held);
        entries = 0;
        for (int e = 0; e < held; e++) {
            int slot = firstSlot(hashes[e]);
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            put(slot, hashes[e], ids[e], olds[e], keys[e]);
        }
    }

    private boolean sameOldText(int i, int other) {
        return oldSpans != null ? oldSpans.sameText(i, oldSpans, other) : oldTexts.get(i).equals(oldTexts.get(other));
    }

    private boolean oldTextIs(int i, String text) {
        return oldSpans != null ? oldSpans.textIs(i, text) : oldTexts.get(i).equals(text);
    }

    private boolean newTextIs(int j, String text) {
        return newSpans != null ? newSpans.textIs(j, text) : newTexts.get(j).equals(text);
    }
}
