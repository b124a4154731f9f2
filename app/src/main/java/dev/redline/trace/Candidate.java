package dev.redline.trace;

/**
 * An article the index proposes for a copy, before verification.
 *
 * @param articleId   the stored article
 * @param anchorHits  how many of the copy's (not too common) anchors the article's versions carry
 * @param bandHits    how many of the copy's LSH band keys the article's versions share
 * @param commonAnchors how many of the copy's anchors were left out as boilerplate (carried by too
 *                    many articles to count; the same for every candidate of one query): with
 *                    {@code anchorHits}, the most anchors the article can share with the copy
 */
public record Candidate(long articleId, int anchorHits, int bandHits, int commonAnchors) {
    /** Anchor and band hits together: how strongly the index proposes this article. */
    public int hits() {
        return anchorHits + bandHits;
    }
}
