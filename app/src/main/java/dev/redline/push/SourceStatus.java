package dev.redline.push;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.redline.store.SourceHealth;
import dev.redline.store.Store;
import dev.redline.store.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A source as the JSON API and {@code redline source list --format json} list it: its health, and
 * beside it {@code push}, how each of its feeds' WebSub subscriptions stands (empty when no feed
 * names a hub, or push is off).
 *
 * @param health the source's health (its members are written inline)
 * @param push   its subscriptions, in the store's order
 */
public record SourceStatus(@JsonUnwrapped SourceHealth health, List<PushStatus> push) {

    /** Every source of {@code store} with its push state, as of {@code now}. */
    public static List<SourceStatus> all(Store store, Instant now) {
        return of(store.sourceHealth(now), store.subscriptions().subscriptions(), now);
    }

    /** The sources' health joined with their subscriptions, for a caller that has read both already. */
    public static List<SourceStatus> of(List<SourceHealth> health, List<Subscription> subscriptions, Instant now) {
        Map<Long, List<PushStatus>> push = PushStatus.bySource(subscriptions, now);
        return health.stream().map(h -> new SourceStatus(h, push.getOrDefault(h.source().id(), List.of()))).toList();
    }
}
