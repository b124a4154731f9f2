package dev.redline.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.redline.change.EditingRecord;
import dev.redline.editing.EditingHistory;
import dev.redline.json.Json;
import dev.redline.store.LearnedLine;
import dev.redline.store.LearnedSummary;
import dev.redline.store.Source;
import dev.redline.store.Store;
import dev.redline.store.StoreMark;
import dev.redline.text.Gap;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each source's editing record ({@link EditingRecord}): the page {@code /sources/{name}} with
 * server-rendered SVG charts (no script, so the CSP stays as it is), and its CSV and JSON downloads;
 * the page and the JSON also show the boilerplate Redline learned for the source. A record is kept
 * per source until the store's mark moves. Thread-safe.
 */
final class SourceRecordPages {
    private final Store store;
    private final WebServer.Options options;
    private final WebServer server;
    private final EditingHistory editing;
    /** Learned lines shown per source: the most frequent; a template has a few dozen. */
    private static final int LEARNED_SHOWN = 200;
    /** The last record of each source (a few entries: one per source). */
    private final Map<Long, Cached> records = new ConcurrentHashMap<>();
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();
    /** Each source's last reading, so a moved mark rereads only the articles that changed (guarded by the source's lock). */
    private final Map<Long, EditingHistory.SourceReading> readings = new ConcurrentHashMap<>();

    SourceRecordPages(Store store, WebServer.Options options, WebServer server) {
        this.store = store;
        this.options = options;
        this.server = server;
        this.editing = new EditingHistory(store);
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/sources/{name}", ctx -> {
            Source source = Lookups.source(store, ctx.pathParam("name"));
            EditingRecord record = record(source);
            server.render(ctx, "source.jte", new View.SourcePage(record,
                    record.medianFirstChange() == null ? null : Gap.distance(record.medianFirstChange()), charts(record),
                    learned(source)));
        });
        routes.get("/sources/{name}/record.csv", ctx -> {
            EditingRecord record = record(Lookups.source(store, ctx.pathParam("name")));
            ctx.header("Content-Disposition", "attachment; filename=\"" + record.source() + "-record.csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(csv(record));
        });
        routes.get("/api/sources/{name}/record", ctx -> {
            Source source = Lookups.source(store, ctx.pathParam("name"));
            ObjectNode json = Json.MAPPER.valueToTree(record(source));
            json.set("learned", Json.MAPPER.valueToTree(learned(source)));
            WebServer.json(ctx, json);
        });
    }

    /**
     * The source's record. Working it out the first time reads every version of the source, so the
     * last one is kept per source and reused while the store's mark has not moved, and when it has,
     * only the articles with new versions or events are read again; one thread works it out, others
     * asking meanwhile wait for it. (The pages' ETags are Javalin's body checksums: the
     * learned boilerplate shown beside the record moves without the mark.)
     */
    private EditingRecord record(Source source) {
        StoreMark mark = store.mark();
        Cached cached = records.get(source.id());
        if (cached != null && cached.mark().equals(mark)) {
            return cached.record();
        }
        synchronized (locks.computeIfAbsent(source.id(), id -> new Object())) {
            cached = records.get(source.id());
            if (cached == null || !cached.mark().equals(mark)) {
                cached = new Cached(mark, editing.source(source, options.clock().instant(),
                        readings.computeIfAbsent(source.id(), id -> new EditingHistory.SourceReading())));
                records.put(source.id(), cached);
            }
            return cached.record();
        }
    }

    /** A source's record as worked out at {@code mark}. */
    private record Cached(StoreMark mark, EditingRecord record) {
    }

    /** What the source taught: its boilerplate lines now, most frequent first. */
    private View.Learned learned(Source source) {
        LearnedSummary summary = store.learnedLines().summary(source.id(), LEARNED_SHOWN);
        List<View.LearnedLineRow> rows = summary.boilerplate().stream().map(SourceRecordPages::row).toList();
        return new View.Learned(summary.articles(), summary.copies(), summary.lines(), rows);
    }

    private static View.LearnedLineRow row(LearnedLine line) {
        return new View.LearnedLineRow(line.text(), line.articles(), line.firstSeen(), line.boilerAt(), line.lastSeen(),
                HexFormat.of().toHexDigits(line.fingerprint()));
    }

    /** One row of {@code record.csv}: a week of the record. */
    @JsonPropertyOrder({"week", "published", "headline_changes", "corrections", "stealth_edits", "unpublished"})
    record WeekRow(String week, int published, @JsonProperty("headline_changes") int headlineChanges, int corrections,
                   @JsonProperty("stealth_edits") int stealthEdits, int unpublished) {
    }

    /** One row per week, written by Jackson's CSV module like the other downloads. */
    static String csv(EditingRecord record) {
        List<WeekRow> rows = record.weeks().stream().map(w -> new WeekRow(w.start().toString(), w.published(),
                w.headlines(), w.corrections(), w.stealth(), w.unpublished())).toList();
        return Downloads.CSV.writer(Downloads.CSV.schemaFor(WeekRow.class).withHeader()).writeValueAsString(rows);
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
