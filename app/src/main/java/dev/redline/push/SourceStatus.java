package dev.redline.push;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.redline.store.SourceHealth;
import dev.redline.store.Store;
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
        Map<Long, List<PushStatus>> push = PushStatus.bySource(store.subscriptions().subscriptions(), now);
        return store.sourceHealth(now).stream()
                .map(h -> new SourceStatus(h, push.getOrDefault(h.source().id(), List.of())))
                .toList();
    }
}
