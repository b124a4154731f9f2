package dev.redline.diff;

import dev.redline.text.Normalize;
import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.Base64;
import java.util.List;
import java.util.RandomAccess;

/**
 * The sentences of a split as spans of its paragraphs, each sentence string made only when asked
 * for, with the hash of each sentence's comparison key when the split was kept with them. The
 * aligner matches kept sentences by these hashes (checked against the text) and asks for the
 * strings of the few it must look into, so most of a stored comparison makes no substring at all:
 * reading the kept form had cost a third of a comparison, nearly all of it making the sentence
 * strings. Immutable in what it shows; the strings are cached racily, which is safe because a
 * String is immutable and any two threads make equal ones. Thread-safe.
 */
final class SentenceSpans extends AbstractList<String> implements RandomAccess {
    /** Edition of {@link #keyHash(String)}: kept hashes of another edition are not used. */
    static final int HASH_EDITION = 1;
    private static final String HASH_PREFIX = HASH_EDITION + ":";

    private final List<String> paragraphs;
    /** Per sentence: its paragraph's index, and where it lies in that paragraph. */
    private final int[] paragraph;
    private final int[] from;
    private final int[] to;
    /** How many sentences there are: the arrays may be longer (they are filled as read, never copied to size). */
    private final int size;
    private final String[] texts;
    /** Hash of each sentence's comparison key, or null when the split was kept without them. */
    private final int[] keyHashes;

    /** The first {@code size} sentences of the arrays, which the spans own from now on. */
    SentenceSpans(List<String> paragraphs, int[] paragraph, int[] from, int[] to, int size, int[] keyHashes) {
        this.paragraphs = paragraphs;
        this.paragraph = paragraph;
        this.from = from;
        this.to = to;
        this.size = size;
        this.texts = new String[size];
        this.keyHashes = keyHashes;
    }

    @Override
    public String get(int index) {
        String text = texts[index];
        if (text == null) {
            text = paragraphs.get(paragraph[index]).substring(from[index], to[index]);
            texts[index] = text;
        }
        return text;
    }

    @Override
    public int size() {
        return size;
    }

    boolean hasKeyHashes() {
        return keyHashes != null;
    }

    int keyHash(int index) {
        return keyHashes[index];
    }

    /** Whether sentence {@code i} here and sentence {@code j} of {@code other} have the same text, without making either string. */
    boolean sameText(int i, SentenceSpans other, int j) {
        int length = to[i] - from[i];
        return length == other.to[j] - other.from[j]
                && paragraphs.get(paragraph[i]).regionMatches(from[i], other.paragraphs.get(other.paragraph[j]), other.from[j], length);
    }

    /** Whether sentence {@code i} reads {@code text}, without making its string. */
    boolean textIs(int i, String text) {
        int length = to[i] - from[i];
        return length == text.length() && paragraphs.get(paragraph[i]).regionMatches(from[i], text, 0, length);
    }

    /**
     * Takes over sentence {@code i} of {@code other}'s string as sentence {@code j}'s, which the
     * caller has found to read the same: an unchanged sentence then costs one string, not two.
     */
    void adopt(int j, SentenceSpans other, int i) {
        if (texts[j] == null) {
            texts[j] = other.get(i);
        }
    }

    /** Indexes of the sentences that begin a paragraph, ascending. */
    List<Integer> paragraphStarts() {
        Integer[] starts = new Integer[size()];
        int n = 0;
        for (int s = 0; s < size(); s++) {
            if (s == 0 || paragraph[s] != paragraph[s - 1]) {
                starts[n++] = s;
            }
        }
        return List.of(java.util.Arrays.copyOf(starts, n));
    }

    /** The offsets form of these spans ({@link SplitText#offsets}): per paragraph, gap before and length of each sentence. */
    String offsets() {
        StringBuilder out = new StringBuilder(16 * paragraphs.size());
        int s = 0;
        for (int p = 0; p < paragraphs.size(); p++) {
            if (p > 0) {
                out.append(';');
            }
            int end = 0;
            for (boolean first = true; s < size() && paragraph[s] == p; s++, first = false) {
                if (!first) {
                    out.append(',');
                }
                out.append(from[s] - end).append(',').append(to[s] - from[s]);
                end = to[s];
            }
        }
        return out.toString();
    }

    /**
     * The hash kept for a sentence: of its comparison key ({@link Normalize#key}), with
     * {@link String#hashCode}, whose formula the Java specification fixes, so kept hashes stay
     * valid across JVMs. A match of hashes is only a candidate: the aligner checks it against the
     * text, so a collision (even a crafted one) cannot make two different sentences equal, and a
     * damaged kept hash can at worst keep an unchanged sentence from being found unchanged. A
     * change to {@link Normalize#key} must bump {@link #HASH_EDITION}.
     */
    static int keyHash(String sentence) {
        return Normalize.key(sentence).hashCode();
    }

    /** The key hashes of these sentences in the text form a store keeps ({@code "1:"} and base64). */
    static String keyHashesForm(List<String> sentences) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * sentences.size());
        for (String sentence : sentences) {
            bytes.putInt(keyHash(sentence));
        }
        return HASH_PREFIX + Base64.getEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /**
     * The key hashes of {@link #keyHashesForm}, or null when {@code form} is null, of another
     * edition or not for {@code count} sentences (then the aligner compares texts as it would
     * without them).
     */
    static int[] readKeyHashes(String form, int count) {
        if (form == null || !form.startsWith(HASH_PREFIX)) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(form.substring(HASH_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length != 4 * count) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int[] hashes = new int[count];
        for (int k = 0; k < count; k++) {
            hashes[k] = buffer.getInt();
        }
        return hashes;
    }
}
