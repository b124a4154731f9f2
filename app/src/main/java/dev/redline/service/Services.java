package dev.redline.service;

import dev.redline.fetch.FetchConfig;
import dev.redline.fetch.Fetcher;
import dev.redline.fetch.Sleeper;
import dev.redline.fetch.WarcArchive;
import dev.redline.ingest.Discovery;
import dev.redline.ingest.VersionRecorder;
import dev.redline.split.VersionSplits;
import dev.redline.store.Store;
import dev.redline.editing.ChangeFacets;
import dev.redline.trace.IndexRepair;
import dev.redline.trace.Tracer;
import dev.redline.track.Tracker;
import dev.redline.track.TrackerConfig;
import dev.redline.webhook.Webhooks;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Redline wired from its configuration, the one place every adapter (CLI commands, the web server,
 * the WebSub subscriber in {@code push}, batch entries to come) gets its parts from: the store, the trace index ({@link Tracer}),
 * the {@link VersionRecorder} with its analysers, {@link Discovery}, the {@link Tracker} with its
 * fetcher (host slots in the store, WARC archive in the data folder) and the {@link PageReader}
 * for pages users name (its own fetcher, which keeps the private-address guard unless told
 * otherwise). Entry point of {@code dev.redline.service}.
 *
 * <p>Parts are made on first use, so {@code redline extract} never opens the store and
 * {@code redline import} never starts a fetcher. Closing closes what was opened, fetchers first,
 * the store last. Thread-safe.
 */
public final class Services implements AutoCloseable {

    /**
     * What to wire.
     *
     * @param config       where the data lives
     * @param trackerFetch how the tracker fetches
     * @param pageFetch    how pages users name are fetched (trace, extract)
     * @param tracker      the tracker's threads, batch, lease and schedule
     * @param clock        the time everything is stamped and scheduled with
     * @param sleeper      how the tracker's fetcher waits (real or virtual time)
     */
    public record Settings(AppConfig config, FetchConfig trackerFetch, FetchConfig pageFetch, TrackerConfig tracker,
                           Clock clock, Sleeper sleeper) {
        public Settings {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(trackerFetch, "trackerFetch");
            Objects.requireNonNull(pageFetch, "pageFetch");
            Objects.requireNonNull(tracker, "tracker");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(sleeper, "sleeper");
        }

        /** Default fetching and tracking, system time. */
        public static Settings of(AppConfig config) {
            return new Settings(config, FetchConfig.defaults(), FetchConfig.defaults(), TrackerConfig.defaults(),
                    Clock.systemUTC(), Sleeper.REAL);
        }

        /** The same fetch settings for the tracker and for pages users name. */
        public Settings withFetch(FetchConfig fetch) {
            return new Settings(config, fetch, fetch, tracker, clock, sleeper);
        }

        public Settings withPageFetch(FetchConfig fetch) {
            return new Settings(config, trackerFetch, fetch, tracker, clock, sleeper);
        }

        public Settings withTracker(TrackerConfig t) {
            return new Settings(config, trackerFetch, pageFetch, t, clock, sleeper);
        }

        public Settings withTime(Clock c, Sleeper s) {
            return new Settings(config, trackerFetch, pageFetch, tracker, c, s);
        }
    }

    private final Settings settings;
    private Store store;
    private Tracer tracer;
    private VersionRecorder recorder;
    private Discovery discovery;
    private Fetcher trackerFetcher;
    private Tracker tracker;
    private Fetcher pageFetcher;
    private PageReader pages;
    private Webhooks webhooks;
    private IndexRepair repair;
    private VersionSplits versionSplits;

    private Services(Settings settings) {
        this.settings = settings;
    }

    /** Services for these settings; nothing is opened until asked for. */
    public static Services create(Settings settings) {
        return new Services(Objects.requireNonNull(settings, "settings"));
    }

    public Settings settings() {
        return settings;
    }

    /**
     * The store, opened (created and migrated) on first use.
     *
     * @throws dev.redline.error.BadInput naming the file or URL when it is not a usable database
     */
    public synchronized Store store() {
        if (store == null) {
            store = Store.open(settings.config().db(), settings.clock());
        }
        return store;
    }

    /** The tracer over the store's trace index. */
    public synchronized Tracer tracer() {
        if (tracer == null) {
            tracer = new Tracer(store());
        }
        return tracer;
    }

    /**
     * Rebuilds the trace index in the background when stored versions are missing from it
     * ({@link IndexRepair}); started at most once, stopped by {@link #close()}.
     *
     * @param lines where progress lines go
     * @return the running repair, or null when the index is complete
     */
    public synchronized IndexRepair startIndexRepair(Consumer<String> lines) {
        if (repair == null) {
            repair = IndexRepair.startIfNeeded(tracer(), store().versionCount(), lines);
        }
        return repair;
    }

    /** The background repair if one was started and still runs, or null. */
    public synchronized IndexRepair indexRepair() {
        return repair != null && repair.running() ? repair : null;
    }

    /**
     * The one recording path; its analysers: the version's sentence split (kept for every later
     * comparison), its change facets (notes, stealth verdict, stored for the editing pages), the
     * tracer (trace index, then reuse detection), then webhooks (queueing a delivery for each watch
     * a tracked version matches, diffed through the kept splits).
     */
    public synchronized VersionRecorder recorder() {
        if (recorder == null) {
            recorder = new VersionRecorder(store(), List.of(versionSplits(), new ChangeFacets(store()), tracer(), webhooks()));
        }
        return recorder;
    }

    /** Each version's kept sentence split: the recorder's first analyser, and the backfill of older stores. */
    public synchronized VersionSplits versionSplits() {
        if (versionSplits == null) {
            versionSplits = new VersionSplits(store().splits());
        }
        return versionSplits;
    }

    /** Webhooks over the store; receivers on private addresses only when the tracker's fetch allows them. */
    public synchronized Webhooks webhooks() {
        if (webhooks == null) {
            webhooks = new Webhooks(store(), settings.clock(), settings.trackerFetch().allowedNetworks());
        }
        return webhooks;
    }

    /** The one way articles enter the record: feed entries (the tracker's polling, WebSub pushes), one URL. */
    public synchronized Discovery discovery() {
        if (discovery == null) {
            discovery = new Discovery(store(), settings.clock());
        }
        return discovery;
    }

    /**
     * The tracker: discovering through {@link #discovery()}, recording through {@link #recorder()},
     * fetching politely with host slots in the store.
     */
    public synchronized Tracker tracker() {
        if (tracker == null) {
            Store s = store();
            trackerFetcher = new Fetcher(settings.trackerFetch(), settings.clock(), settings.sleeper(),
                    s::reserveHostSlot, new WarcArchive(settings.config().warcDir(), settings.clock()));
            tracker = new Tracker(s, trackerFetcher, discovery(), recorder(), settings.clock(), settings.tracker());
        }
        return tracker;
    }

    /** Fetch and extract for pages users name, with {@link Settings#pageFetch()}. */
    public synchronized PageReader pages() {
        if (pages == null) {
            pageFetcher = Fetcher.standalone(settings.pageFetch(), settings.clock());
            pages = new PageReader(pageFetcher);
        }
        return pages;
    }

    @Override
    public synchronized void close() {
        if (repair != null) {
            repair.close(); // after its page in progress, before the store closes under it
        }
        if (trackerFetcher != null) {
            trackerFetcher.close();
        }
        if (pageFetcher != null) {
            pageFetcher.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
