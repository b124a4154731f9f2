package dev.redline.store;

import java.time.Instant;

/**
 * A hub a removed source was subscribed at, still to be told to stop pushing. It keeps the
 * subscription's callback key, because the hub verifies the unsubscription on that callback.
 *
 * @param id          store id
 * @param hub         the hub's URL
 * @param topic       the topic URL of the subscription
 * @param callbackKey the last path segment of the subscription's callback URL
 * @param tries       unsubscribe requests sent so far
 * @param nextAction  when the next request is due
 * @param lastError   what went wrong last, or null
 */
public record Departure(long id, String hub, String topic, String callbackKey, int tries, Instant nextAction,
                        String lastError) {
}
