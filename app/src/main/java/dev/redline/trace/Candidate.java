package dev.redline.trace;

/**
 * An article the index proposes for a copy, before verification.
 *
 * @param articleId   the stored article
 * @param anchorHits  how many of the copy's (not too common) anchors the article's versions carry
 * @param bandHits    how many of the copy's LSH band keys the article's versions share
 */
public record Candidate(long articleId, int anchorHits, int bandHits) {
    /** Anchor and band hits together: how strongly the index proposes this article. */
    public int hits() {
        return anchorHits + bandHits;
    }
}
