package dev.redline.text;

import java.util.Arrays;

/**
 * A growing list of [start, end) character ranges of one paragraph, as the sentence splitter cuts
 * it: plain ints, so a split makes no string until a caller asks for one. Not thread-safe (each
 * split has its own).
 */
final class Spans {
    private int[] bounds = new int[16];
    private int size;

    /** Adds [start, end) trimmed of whitespace at both ends (as {@link String#strip}), unless blank. */
    void addStripped(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && Character.isWhitespace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        if (start < end) {
            add(start, end);
        }
    }

    void add(int start, int end) {
        if (2 * size + 2 > bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[2 * size] = start;
        bounds[2 * size + 1] = end;
        size++;
    }

    /** Widens the last range to end at {@code end}. */
    void extendLast(int end) {
        bounds[2 * size - 1] = end;
    }

    int size() {
        return size;
    }

    int start(int k) {
        return bounds[2 * k];
    }

    int end(int k) {
        return bounds[2 * k + 1];
    }

    /** The ranges as start, end pairs. */
    int[] toArray() {
        return Arrays.copyOf(bounds, 2 * size);
    }
}
