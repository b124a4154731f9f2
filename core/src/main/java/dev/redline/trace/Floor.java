package dev.redline.trace;

/**
 * The floor below which a trace reports nothing. A match needs either shared text, at least
 * {@code minShared} distinct shingles (five-word runs) in common with a version and its coverage
 * or containment reaching {@code minShare}; or, for a copy whose words were spun or edited so that
 * few runs survive, at least {@code minKeywords} of its figures and names found in a version in
 * the same order, and at least {@code minKeywordShare} of its runs of three consecutive keywords
 * found in that version ({@code Passage.keywordRunShareIn}).
 */
public record Floor(int minShared, double minShare, int minKeywords, double minKeywordShare) {
    /**
     * 10 shared shingles (a common run of at least 14 words) and 25 % coverage or containment:
     * unrelated stories on the same topic in the labelled set share at most a handful of stock
     * phrases, while the smallest real copy there (a cut tail) shares far more. Keywords: 8 in
     * order and 45 % of the keyword runs, between the highest share of an unrelated story (0.21)
     * and the lowest of a spun copy (0.71) on the provenance set's dev seeds (BENCHMARKS.md, "Trace").
     */
    public static final Floor DEFAULT = new Floor(10, 0.25, 8, 0.45);

    /** True when {@code keywords} figures and names in order, and {@code share} of the copy's keyword runs, clear the floor. */
    public boolean clearsKeywords(int keywords, double share) {
        return keywords >= minKeywords && share >= minKeywordShare;
    }
}
