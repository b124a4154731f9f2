package dev.redline.push;

import dev.redline.store.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How one WebSub subscription stands, as {@code /api/sources} and {@code redline source list
 * --format json} show it: what a reader needs to know whether a feed is pushed, without the
 * callback key or the secret (either would let anyone forge or cancel pushes).
 *
 * @param feed       the polled feed that named the hub
 * @param hub        the hub's URL (from the feed: untrusted text)
 * @param topic      the topic subscribed to
 * @param state      where the subscription is
 * @param pushing    whether the hub pushes now: verified, lease not over
 * @param leaseUntil when the lease ends, or null
 * @param lastPush   when a signed push was last accepted, or null
 * @param pushes     pushes accepted
 * @param refused    pushes ignored for a bad or missing signature
 * @param failures   consecutive failed requests or denials
 * @param lastError  what went wrong last (the hub's answer: untrusted text), or null
 */
public record PushStatus(String feed, String hub, String topic, Subscription.State state, boolean pushing,
                         Instant leaseUntil, Instant lastPush, long pushes, long refused, int failures, String lastError) {

    public static PushStatus of(Subscription s, Instant now) {
        return new PushStatus(s.feedUrl(), s.hub(), s.topic(), s.state(), s.pushing(now), s.leaseUntil(), s.lastPush(),
                s.pushes(), s.refused(), s.failures(), s.lastError());
    }

    /** Every subscription's status, grouped by its source's id. */
    public static Map<Long, List<PushStatus>> bySource(List<Subscription> subscriptions, Instant now) {
        return subscriptions.stream().collect(Collectors.groupingBy(Subscription::sourceId,
                Collectors.mapping(s -> of(s, now), Collectors.toList())));
    }
}
