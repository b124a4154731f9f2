package dev.redline.web;

import dev.redline.diff.Diff;
import dev.redline.diff.DiffResult;
import dev.redline.diff.SplitText;
import dev.redline.store.SplitStore;
import dev.redline.store.Version;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Diffs two stored versions through their kept sentence splits, remembering recent answers. Versions never change once stored, so a
 * cached diff never goes stale. Thread-safe.
 */
final class Differ {
    private static final int CAPACITY = 4096;

    private record Key(long fromId, long toId) {
    }

    // A small LRU over LinkedHashMap: no cache library is among the project's dependencies.
    private final Map<Key, DiffResult> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, DiffResult> eldest) {
            return size() > CAPACITY;
        }
    };

    private final SplitStore splits;

    Differ(SplitStore splits) {
        this.splits = splits;
    }

    DiffResult diff(Version from, Version to) {
        Key key = new Key(from.id(), to.id());
        synchronized (cache) {
            DiffResult hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        List<SplitText> split = splits.splits(List.of(from, to));
        DiffResult result = Diff.compare(split.get(0), split.get(1), from.fetchedAt(), to.fetchedAt());
        synchronized (cache) {
            cache.put(key, result);
        }
        return result;
    }
}
