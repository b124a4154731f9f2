package dev.redline.store;

import java.time.Instant;

/**
 * Something that happened to an article other than a new version: it is gone (404/410), moved,
 * reuses another article's version, … ({@link EventKind}).
 *
 * @param articleId the article
 * @param at        when it happened
 * @param kind      what happened
 * @param detail    free text or JSON whose shape the kind defines, or null
 */
public record ArticleEvent(long articleId, Instant at, EventKind kind, String detail) {
}
