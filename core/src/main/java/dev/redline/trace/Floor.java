package dev.redline.trace;

/**
 * The floor below which a trace reports nothing: a match needs at least {@code minShared} distinct
 * shingles (five-word runs) in common with the source version, and either its coverage or its
 * containment must reach {@code minShare}.
 */
public record Floor(int minShared, double minShare) {
    /**
     * 10 shared shingles (a common run of at least 14 words) and 25 % coverage or containment:
     * unrelated stories on the same topic in the labelled set share at most a handful of stock
     * phrases, while the smallest real copy there (a cut tail) shares far more.
     */
    public static final Floor DEFAULT = new Floor(10, 0.25);
}
