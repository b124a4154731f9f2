package dev.redline.diff;

/**
 * A pairing found by the {@link Aligner}: {@code oldCount} old sentences from {@code oldStart}
 * correspond to {@code newCount} new ones from {@code newStart} (1:1, or 1:2 for a split, 2:1
 * for a merge, 1:3 and more when {@link Absorb} adds parts).
 */
record Match(OpKind kind, int oldStart, int oldCount, int newStart, int newCount) {
}
