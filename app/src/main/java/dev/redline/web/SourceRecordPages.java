package dev.redline.web;

import dev.redline.change.EditingRecord;
import dev.redline.editing.EditingHistory;
import dev.redline.store.Source;
import dev.redline.store.Store;
import dev.redline.store.StoreMark;
import dev.redline.text.Gap;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * Each source's editing record ({@link EditingRecord}): the page {@code /sources/{name}} with
 * server-rendered SVG charts (no script, so the CSP stays as it is), and its CSV and JSON downloads.
 * A record is kept per source until the store's mark moves. Thread-safe.
 */
final class SourceRecordPages {
    private final Store store;
    private final WebServer.Options options;
    private final WebServer server;
    private final EditingHistory editing;
    /** The last record of each source (a few entries: one per source). */
    private final Map<Long, Cached> records = new ConcurrentHashMap<>();
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();

    SourceRecordPages(Store store, WebServer.Options options, WebServer server) {
        this.store = store;
        this.options = options;
        this.server = server;
        this.editing = new EditingHistory(store);
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/sources/{name}", ctx -> {
            EditingRecord record = record(ctx);
            if (record == null) {
                return;
            }
            server.render(ctx, "source.jte", new View.SourcePage(record,
                    record.medianFirstChange() == null ? null : Gap.distance(record.medianFirstChange()), charts(record)));
        });
        routes.get("/sources/{name}/record.csv", ctx -> {
            EditingRecord record = record(ctx);
            if (record == null) {
                return;
            }
            ctx.header("Content-Disposition", "attachment; filename=\"" + record.source() + "-record.csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(csv(record));
        });
        routes.get("/api/sources/{name}/record", ctx -> {
            EditingRecord record = record(ctx);
            if (record != null) {
                WebServer.json(ctx, record);
            }
        });
    }

    /**
     * The source's record, or null when the client's copy is current (304 answered). Working it out
     * reads every version of the source, so the last one is kept per source and reused while the
     * store's mark has not moved; one thread works it out, others asking meanwhile wait for it.
     */
    private EditingRecord record(Context ctx) {
        Source source = Lookups.source(store, ctx.pathParam("name"));
        StoreMark mark = store.mark();
        if (Conditional.fresh(ctx, Conditional.tag(ctx, "record", mark.token()), null)) {
            return null;
        }
        Cached cached = records.get(source.id());
        if (cached != null && cached.mark().equals(mark)) {
            return cached.record();
        }
        synchronized (locks.computeIfAbsent(source.id(), id -> new Object())) {
            cached = records.get(source.id());
            if (cached == null || !cached.mark().equals(mark)) {
                cached = new Cached(mark, editing.source(source, options.clock().instant()));
                records.put(source.id(), cached);
            }
            return cached.record();
        }
    }

    /** A source's record as worked out at {@code mark}. */
    private record Cached(StoreMark mark, EditingRecord record) {
    }

    /** One row per week; source names are checked at creation, so the file needs no quoting. */
    static String csv(EditingRecord record) {
        StringBuilder out = new StringBuilder("week,published,headline_changes,corrections,stealth_edits,unpublished\n");
        for (EditingRecord.Week w : record.weeks()) {
            out.append(w.start()).append(',').append(w.published()).append(',').append(w.headlines()).append(',')
                    .append(w.corrections()).append(',').append(w.stealth()).append(',').append(w.unpublished()).append('\n');
        }
        return out.toString();
    }

    static List<View.Chart> charts(EditingRecord record) {
        return List.of(chart("Headline changes", "headlines", record, EditingRecord.Week::headlines),
                chart("Corrections", "corrections", record, EditingRecord.Week::corrections),
                chart("Stealth edits", "stealth", record, EditingRecord.Week::stealth),
                chart("Unpublished articles", "unpublished", record, EditingRecord.Week::unpublished));
    }

    /** A bar per week, scaled to the largest; the geometry is worked out here so the template only draws. */
    private static View.Chart chart(String title, String kind, EditingRecord record, ToIntFunction<EditingRecord.Week> value) {
        List<EditingRecord.Week> weeks = record.weeks();
        int max = Math.max(1, weeks.stream().mapToInt(value).max().orElse(0));
        int slot = weeks.isEmpty() ? View.Chart.WIDTH : Math.max(4, View.Chart.WIDTH / weeks.size());
        List<View.Bar> bars = new java.util.ArrayList<>();
        for (int k = 0; k < weeks.size(); k++) {
            int v = value.applyAsInt(weeks.get(k));
            int h = (int) Math.round(v * (View.Chart.HEIGHT - 20) / (double) max);
            bars.add(new View.Bar(k * slot + 1, View.Chart.HEIGHT - h, Math.max(2, slot - 2), h,
                    "week of " + weeks.get(k).start() + ": " + v));
        }
        return new View.Chart(title, kind, bars, max, weeks.stream().mapToInt(value).sum());
    }
}
