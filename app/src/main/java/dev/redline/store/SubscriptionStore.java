package dev.redline.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * WebSub subscriptions, one per feed that names a hub. Writes of a subscription's state are
 * compare-and-set on the state, so a hub's verification arriving while a request is still in flight
 * is never overwritten. Implementations are thread-safe; any number of processes may share them.
 */
public interface SubscriptionStore {

    /** Adds a subscription in state {@link Subscription.State#NEW}, due at {@code at}. */
    Subscription addSubscription(long sourceId, String feedUrl, String hub, String topic, String callbackKey,
                                 String secret, Instant at);

    Optional<Subscription> subscription(long sourceId, String feedUrl);

    /** The subscription whose callback URL ends in {@code callbackKey}. */
    Optional<Subscription> subscriptionByCallback(String callbackKey);

    /** Every subscription, by source and feed. */
    List<Subscription> subscriptions();

    /** Subscriptions with something due at {@code now} (a request, a renewal, a retry), soonest first. */
    List<Subscription> dueSubscriptions(Instant now, int limit);

    /**
     * Writes {@code updated} (hub, topic, state, lease, next action, failures, last error) if the
     * stored state is still {@code expected}; false when it moved meanwhile (or the row is gone).
     */
    boolean updateSubscription(Subscription updated, Subscription.State expected);

    /** Counts one content distribution: accepted (stamping {@code at}) or refused for its signature. */
    void recordPush(long subscriptionId, Instant at, boolean accepted);

    boolean removeSubscription(long subscriptionId);

    /** Makes a feed due for polling at {@code at} (a hub's ping that carried no readable content). */
    void pollFeedAt(long sourceId, String feedUrl, Instant at);

    /**
     * Unsubscriptions of removed sources due at {@code now}, soonest first. A source's removal
     * ({@link SourceStore#removeSource}) leaves one for each subscription its hub may hold.
     */
    List<Departure> dueDepartures(Instant now, int limit);

    /** The departure whose callback URL ends in {@code callbackKey}. */
    Optional<Departure> departureByCallback(String callbackKey);

    /**
     * Counts one more request of {@code d} and makes the next due at {@code next}, if no other process
     * counted it meanwhile (compare-and-set on its tries); false otherwise, or when it is gone.
     */
    boolean claimDeparture(Departure d, Instant next);

    /** Records why the last request of a departure failed and when to send it again. */
    void departureFailed(long departureId, Instant next, String error);

    boolean removeDeparture(long departureId);
}
