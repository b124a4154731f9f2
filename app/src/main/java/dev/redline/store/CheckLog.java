package dev.redline.store;

import java.time.Instant;

/** One row of an article's check log: when, the final HTTP status (or null), the outcome and any error message. */
public record CheckLog(long articleId, Instant at, Integer httpStatus, Outcome outcome, String error) {
}
