package dev.redline.store;

import java.time.Instant;
import java.util.Locale;

/**
 * A WebSub subscription of one feed of a source, and how it stands.
 *
 * @param id           store id
 * @param sourceId     the source
 * @param feedUrl      the polled feed that advertised the hub
 * @param hub          the hub's URL
 * @param topic        the topic URL (the feed's rel=self, else the feed URL)
 * @param callbackKey  the last path segment of the callback URL, random and unique
 * @param secret       the hub.secret sent with each subscription request (hex)
 * @param state        where the subscription is
 * @param leaseSeconds the lease the hub granted, or null before the first verification
 * @param leaseUntil   when the lease ends, or null
 * @param nextAction   when to (re)subscribe or retry, or null when nothing is due
 * @param failures     consecutive failed requests or denials
 * @param lastError    what went wrong last (a hub's answer or denial reason), or null
 * @param lastPush     when a content distribution was last accepted, or null
 * @param pushes       content distributions accepted
 * @param refused      content distributions ignored for a bad or missing signature
 */
public record Subscription(long id, long sourceId, String feedUrl, String hub, String topic, String callbackKey,
                           String secret, State state, Long leaseSeconds, Instant leaseUntil, Instant nextAction,
                           int failures, String lastError, Instant lastPush, long pushes, long refused) {

    /** Where a subscription is. {@link #toString()} is the stored and JSON name. */
    public enum State {
        /** Discovered; the subscription request is not sent yet (or failed and waits to be retried). */
        NEW,
        /** The hub accepted the request (202) and is to verify our intent. */
        REQUESTED,
        /** Verified: the hub pushes until the lease ends (renewed before). */
        ACTIVE,
        /** The hub refused; asked again after a back-off. */
        DENIED,
        /** An unsubscription was requested; the row goes once the hub verifies it. */
        UNSUBSCRIBING;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State fromWire(String wireName) {
            return WireNames.parse(State.class, wireName, "subscription state");
        }
    }

    /**
     * How it stands in a few words for {@code redline source list} and the sources page, without the
     * hub or the last error (untrusted text, which callers escape or sanitise themselves).
     */
    public String summary(Instant now) {
        return switch (state) {
            case ACTIVE -> pushing(now) ? "active, lease until " + seconds(leaseUntil)
                    : "lease ended " + seconds(leaseUntil) + "; subscribing again";
            case NEW -> failures == 0 ? "subscribing" : "failed " + failures + "×; next try " + seconds(nextAction);
            case REQUESTED -> "requested; waiting for the hub to verify";
            case DENIED -> "denied; next try " + seconds(nextAction);
            case UNSUBSCRIBING -> "unsubscribing";
        };
    }

    private static String seconds(Instant t) {
        return t == null ? "-" : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /** Whether the hub is pushing as of {@code now}: verified, and the lease not over. */
    public boolean pushing(Instant now) {
        return state == State.ACTIVE && leaseUntil != null && leaseUntil.isAfter(now);
    }
}
