package dev.redline.web;

import dev.redline.change.EditingRecord;
import dev.redline.editing.EditingHistory;
import dev.redline.store.Store;
import dev.redline.text.Gap;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Each source's editing record ({@link EditingRecord}): the page {@code /sources/{name}} with
 * server-rendered SVG charts (no script, so the CSP stays as it is), and its CSV and JSON downloads.
 */
final class SourceRecordPages {
    private final Store store;
    private final WebServer.Options options;
    private final WebServer server;
    private final EditingHistory editing;

    SourceRecordPages(Store store, WebServer.Options options, WebServer server) {
        this.store = store;
        this.options = options;
        this.server = server;
        this.editing = new EditingHistory(store);
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/sources/{name}", ctx -> {
            EditingRecord record = record(ctx);
            server.render(ctx, "source.jte", new View.SourcePage(record,
                    record.medianFirstChange() == null ? null : Gap.distance(record.medianFirstChange()), charts(record)));
        });
        routes.get("/sources/{name}/record.csv", ctx -> {
            EditingRecord record = record(ctx);
            ctx.header("Content-Disposition", "attachment; filename=\"" + record.source() + "-record.csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(csv(record));
        });
        routes.get("/api/sources/{name}/record", ctx -> WebServer.json(ctx, record(ctx)));
    }

    private EditingRecord record(Context ctx) {
        return editing.source(Lookups.source(store, ctx.pathParam("name")), options.clock().instant());
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
