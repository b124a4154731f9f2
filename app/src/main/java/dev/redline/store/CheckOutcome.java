package dev.redline.store;

import java.time.Instant;

/**
 * The result of one article check, written to the check log and to the article's schedule in one
 * transaction; it also releases the worker's claim.
 *
 * @param at         when the check ran
 * @param httpStatus final HTTP status, or null when no response came
 * @param outcome    what the check found
 * @param error      error message, or null
 * @param nextCheck  when to check again, or null for never
 * @param status     the article's status after this check
 * @param state      the fetch state to keep
 */
public record CheckOutcome(Instant at, Integer httpStatus, Outcome outcome, String error, Instant nextCheck,
                           ArticleStatus status, FetchState state) {
}
