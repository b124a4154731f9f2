package dev.redline.web;

import dev.redline.change.Changes;
import dev.redline.change.VersionChange;
import dev.redline.diff.DiffResult;
import dev.redline.diff.DiffStats;
import dev.redline.editing.ChangeFacets;
import dev.redline.editing.EditingHistory;
import dev.redline.store.Change;
import dev.redline.store.Store;
import dev.redline.store.StoreMark;
import dev.redline.store.Version;
import dev.redline.text.Counted;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The home page: the latest changes, keyset-paged, with the articles taken down. Thread-safe. */
final class HomePage {
    static final int CHANGES_PER_PAGE = 50;
    /** Articles taken down shown above the change list. */
    static final int GONE_LISTED = 10;

    private final Store store;
    private final WebServer.Options options;
    private final Differ differ;
    private final WebServer server;
    private final Counts counts;
    private final ResponseCache cache;

    HomePage(Store store, WebServer.Options options, Differ differ, WebServer server, Counts counts, ResponseCache cache) {
        this.store = store;
        this.options = options;
        this.differ = differ;
        this.server = server;
        this.counts = counts;
        this.cache = cache;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/", this::home);
    }

    /**
     * The change list, newest first, 50 a page: {@code before=ID} the page after version ID,
     * {@code after=ID} the page before it (keyset paging: reading page 200 costs what page 1 does),
     * {@code page=N} the old offset pages, kept so that old links work.
     */
    private void home(Context ctx) {
        boolean boring = Params.flag(ctx, "boring");
        int page = Params.intQuery(ctx, "page", 1, 1, 10_000);
        long before = Params.longQuery(ctx, "before", 0, 1, Long.MAX_VALUE);
        long after = Params.longQuery(ctx, "after", 0, 1, Long.MAX_VALUE);
        String sourceName = Params.text(ctx, "source");
        Long sourceId = sourceName == null ? null : Lookups.source(store, sourceName).id();
        StoreMark mark = store.mark();
        // relative times ("5 minutes ago") change by the minute; the rest only with the record
        cache.serve(ctx, Conditional.tag(ctx, "home", mark.token(), now().getEpochSecond() / 60), null,
                () -> ResponseCache.Response.html(server.html("home.jte", home(mark, sourceId, sourceName, boring, page, before, after))));
    }

    private View.Home home(StoreMark mark, Long sourceId, String sourceName, boolean boring, int page, long before, long after) {
        int n = CHANGES_PER_PAGE;
        List<Change> changes;
        boolean newer;
        boolean older;
        if (before > 0) {
            changes = store.changesBefore(sourceId, false, boring, before, n + 1);
            newer = true;
            older = changes.size() > n;
        } else if (after > 0) {
            List<Change> closest = store.changesAfter(sourceId, false, boring, after, n + 1);
            changes = closest.subList(Math.max(0, closest.size() - n), closest.size());
            newer = closest.size() > n;
            older = true;
        } else {
            changes = store.recentChanges(sourceId, null, false, boring, (page - 1) * n, n + 1);
            newer = page > 1;
            older = changes.size() > n;
        }
        List<Change> shown = changes.subList(0, Math.min(n, changes.size()));
        Map<Long, VersionChange> kinds = store.changesOf(shown.stream().map(c -> c.version().id()).toList(), ChangeFacets.RULES);
        List<View.ChangeRow> rows = shown.stream().map(c -> changeRow(c, kinds.get(c.version().id()))).toList();
        boolean first = before == 0 && after == 0 && page == 1;
        List<View.GoneRow> gone = !first ? List.of() : store.recentEvents(EditingHistory.UNPUBLISHED, sourceId, GONE_LISTED).stream()
                .flatMap(e -> store.article(e.articleId()).map(a -> new View.GoneRow(a, store.sourceName(a.sourceId()), e)).stream())
                .toList();
        Counts.At counted = counts.at(mark);
        String filters = View.Home.filters(boring, sourceName);
        return new View.Home(counted.articles(), counted.versions(),
                !store.sources().isEmpty(), boring, rows,
                newer && !shown.isEmpty() ? "/?after=" + shown.getFirst().version().id() + filters : null,
                older && !shown.isEmpty() ? "/?before=" + shown.getLast().version().id() + filters : null,
                now(), options.adminToken() != null, sourceName, gone);
    }

    /**
     * A row of the change list, with the version's stored change kinds, or null when it has none
     * (recorded before they were stored): then they are worked out from the cached diff.
     */
    View.ChangeRow changeRow(Change change, VersionChange stored) {
        Version v = change.version();
        if (change.previous() == null) {
            return new View.ChangeRow(change, Links.article(change.article().id()), "new article", false,
                    stored != null ? stored : Changes.first(v.text()));
        }
        DiffResult d = differ.diff(change.previous(), v);
        return new View.ChangeRow(change, Links.diff(change.article().id(), change.previous().number(), v.number()),
                size(d.stats()), d.title().changed(), stored != null ? stored : Changes.between(change.previous().text(), v.text(), d));
    }

    static String size(DiffStats s) {
        if (s.wordsAdded() == 0 && s.wordsDeleted() == 0) {
            return s.moved() > 0 ? Counted.of(s.moved(), "sentence") + " moved" : "no words changed";
        }
        return "+" + s.wordsAdded() + " −" + s.wordsDeleted() + " words";
    }

    private Instant now() {
        return options.clock().instant();
    }
}
