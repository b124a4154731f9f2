package dev.redline.store;

import java.time.Instant;

/** One row of an article's check log. */
public record CheckLog(long articleId, Instant at, Integer httpStatus, String outcome, String error) {
}
