package dev.redline.store;

/**
 * One line of a source as counted over its articles. Immutable.
 *
 * @param fingerprint {@link dev.redline.extract.LearnedLines#fingerprint} of the text
 * @param text        the line as last seen on a page of the source (untrusted: escape it)
 * @param articles    distinct articles that showed it
 * @param firstSeen   ordinal of the first article that showed it
 * @param lastSeen    ordinal of the latest one
 * @param knownAt     ordinal of the second one, or null
 * @param boilerAt    ordinal from which it is boilerplate, or null
 * @param retiredAt   ordinal from which it is boilerplate no more, or null
 */
public record LearnedLine(long fingerprint, String text, int articles, int firstSeen, int lastSeen, Integer knownAt,
                          Integer boilerAt, Integer retiredAt) {

    /** Whether the line is boilerplate in the lens of {@code ordinal}. */
    public boolean boilerplateAt(int ordinal) {
        return boilerAt != null && boilerAt <= ordinal && (retiredAt == null || retiredAt > ordinal);
    }

    /** Whether a second article had shown the line by {@code ordinal}. */
    public boolean knownAt(int ordinal) {
        return knownAt != null && knownAt <= ordinal;
    }
}
