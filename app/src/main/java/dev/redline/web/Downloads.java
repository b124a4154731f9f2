package dev.redline.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.redline.json.Json;
import dev.redline.newsedits.EditRow;
import dev.redline.newsedits.NewsEdits;
import dev.redline.store.Article;
import dev.redline.store.ArticleEvent;
import dev.redline.store.History;
import dev.redline.store.Store;
import dev.redline.store.Version;
import dev.redline.store.VersionField;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.dataformat.csv.CsvMapper;

/**
 * An article's record as files: {@code /articles/{id}/history.json} (the {@link History} shape of
 * {@code redline export}, status and events included), {@code history.csv} (one row per version and
 * per event, in time order), {@code edits.json} and {@code edits.csv} (the {@link EditRow} rows of
 * {@code redline export --format newsedits}). CSV is written by Jackson's CSV module (RFC 4180
 * quoting), with a header row. Thread-safe.
 */
final class Downloads {
    /** The one CSV mapper of the web downloads (the source record's CSV uses it too). */
    static final CsvMapper CSV = CsvMapper.builder().enable(EnumFeature.WRITE_ENUMS_USING_TO_STRING).build();

    private final Store store;

    Downloads(Store store) {
        this.store = store;
    }

    /**
     * One row of {@code history.csv}: a version ({@code record} "version", with its text, paragraphs
     * separated by blank lines) or an event ({@code record} "event", with its kind and detail).
     */
    @JsonPropertyOrder({"url", "status", "record", "n", "at", "title", "byline", "text", "changed", "boring", "kind", "detail"})
    record HistoryRow(String url, String status, String record, Integer n, Instant at, String title, String byline,
                      String text, String changed, Boolean boring, String kind, String detail) {
    }

    void register(JavalinDefaultRoutingApi routes) {
        download(routes, "history.json", "application/json", a -> Json.write(history(a)));
        download(routes, "history.csv", "text/csv",
                a -> CSV.writer(CSV.schemaFor(HistoryRow.class).withHeader()).writeValueAsString(historyRows(a)));
        download(routes, "edits.json", "application/json", a -> Json.write(edits(a)));
        download(routes, "edits.csv", "text/csv",
                a -> CSV.writer(CSV.schemaFor(EditRow.class).withHeader()).writeValueAsString(edits(a)));
    }

    /** {@code /articles/{id}/NAME}: the article's file as an attachment named article-ID-NAME. */
    private void download(JavalinDefaultRoutingApi routes, String name, String type, Function<Article, String> body) {
        routes.get("/articles/{id}/" + name, ctx -> {
            Article a = Lookups.article(store, Params.id(ctx, "id"));
            ctx.header("Content-Disposition", "attachment; filename=\"article-" + a.id() + "-" + name + "\"");
            ctx.contentType(type + "; charset=utf-8").result(body.apply(a));
        });
    }

    private History history(Article a) {
        return History.of(a, store.sourceName(a.sourceId()), store.versions(a.id()), store.events(a.id()));
    }

    private List<EditRow> edits(Article a) {
        return NewsEdits.rows(a.url(), store.sourceName(a.sourceId()), store.versions(a.id()).stream()
                .map(v -> new NewsEdits.Version(v.number(), v.fetchedAt(), v.text(), v.boring())).toList());
    }

    private List<HistoryRow> historyRows(Article a) {
        String status = a.status().toString();
        List<HistoryRow> rows = new ArrayList<>();
        for (Version v : store.versions(a.id())) {
            rows.add(new HistoryRow(a.url(), status, "version", v.number(), v.fetchedAt(), v.text().title(),
                    v.text().byline(), String.join("\n\n", v.text().paragraphs()),
                    v.changed().stream().sorted().map(VersionField::toString).collect(Collectors.joining(",")),
                    v.boring(), null, null));
        }
        for (ArticleEvent e : store.events(a.id())) {
            rows.add(new HistoryRow(a.url(), status, "event", null, e.at(), null, null, null, null, null,
                    e.kind().toString(), e.detail()));
        }
        rows.sort(Comparator.comparing(HistoryRow::at));
        return rows;
    }

}
