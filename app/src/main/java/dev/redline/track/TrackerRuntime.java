package dev.redline.track;

import dev.redline.extract.Extractor;
import dev.redline.feed.FeedReader;
import dev.redline.fetch.FetchConfig;
import dev.redline.fetch.Fetcher;
import dev.redline.fetch.Sleeper;
import dev.redline.fetch.WarcArchive;
import dev.redline.store.Store;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A {@link Tracker} wired for production use over a store: a {@link Fetcher} whose host slots live
 * in the store (so politeness holds across workers), archiving into WARC files under {@code warcDir}.
 * This is what {@code redline poll}, {@code redline track} and {@code redline serve} run. Closing it
 * closes the fetcher and the archive, not the store.
 */
public record TrackerRuntime(Tracker tracker, Fetcher fetcher) implements AutoCloseable {

    public static TrackerRuntime create(Store store, Path warcDir, FetchConfig fetchConfig, TrackerConfig config,
                                        Clock clock) {
        Fetcher fetcher = new Fetcher(fetchConfig, clock, Sleeper.REAL, store::reserveHostSlot,
                new WarcArchive(warcDir, clock));
        return new TrackerRuntime(new Tracker(store, fetcher, new FeedReader(), new Extractor(), clock, config), fetcher);
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
