package dev.redline.store;

import java.time.Instant;

/**
 * Something that happened to an article other than a new version: "gone" (404/410),
 * "unpublished", "redirected", "reuses" (it copies another article's version), …
 */
public record ArticleEvent(long articleId, Instant at, String kind, String detail) {
}
