package dev.redline.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.redline.change.Fact;
import dev.redline.change.Note;
import dev.redline.change.VersionChange;
import dev.redline.editing.ArticleChanges;
import dev.redline.editing.EditingHistory;
import dev.redline.error.BadInput;
import dev.redline.error.NotFound;
import dev.redline.extract.ExtractRules;
import dev.redline.json.Json;
import dev.redline.push.SourceStatus;
import dev.redline.store.Article;
import dev.redline.store.Change;
import dev.redline.store.Source;
import dev.redline.store.Store;
import dev.redline.store.Version;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The JSON API under {@code /api/}, documented in {@code docs/openapi.yaml}. Diffs are the same JSON
 * as {@code redline diff --format json}, written by the one {@link Json#MAPPER}. Errors are
 * {@code {"error": …, "status": …}}.
 */
final class Api {
    private final Store store;
    private final WebServer.Options options;
    private final Differ differ;
    private final EditingHistory editing;
    private final ResponseCache cache;

    Api(Store store, WebServer.Options options, Differ differ, ResponseCache cache) {
        this.store = store;
        this.cache = cache;
        this.options = options;
        this.differ = differ;
        this.editing = new EditingHistory(store);
    }

    /**
     * A stored version with what kind of change it made: {@code notes}, {@code stealth}, and
     * {@code facts} when stealth.
     */
    record VersionKinds(@JsonUnwrapped Version version, List<Note> notes, boolean stealth,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<Fact> facts) {
        static VersionKinds of(Version version, VersionChange change) {
            return new VersionKinds(version, change.notes(), change.stealth(), change.stealth() ? change.facts() : null);
        }
    }

    /** An article with its source name, as listed by the API. */
    record ArticleSummary(Article article, String source) {
    }

    /** A search hit as JSON: highlights as [start, end] pairs. */
    record Hit(long articleId, String url, String title, String source, List<Integer> versions, Instant lastMatchAt,
               String snippet, List<int[]> highlights) {
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/sources", ctx -> WebServer.json(ctx, SourceStatus.all(store, options.clock().instant())));
        routes.post("/api/sources", this::addSource, AdminAccess.Role.ADMIN);
        routes.delete("/api/sources/{name}", ctx -> {
            if (!store.removeSource(ctx.pathParam("name"))) {
                throw Lookups.noSuchSource(ctx.pathParam("name"));
            }
            ctx.status(204);
        }, AdminAccess.Role.ADMIN);
        routes.get("/api/articles", this::articles);
        routes.get("/api/articles/{id}", ctx -> {
            Article a = article(ctx);
            if (!Conditional.fresh(ctx, Conditional.tag(ctx, "api-article", a), null)) {
                WebServer.json(ctx, new ArticleSummary(a, store.sourceName(a.sourceId())));
            }
        });
        routes.get("/api/articles/{id}/versions", ctx -> {
            Article a = article(ctx);
            cache.serve(ctx, Conditional.tag(ctx, "api-versions", a.id(), a.versionCount()), null, () -> {
                ArticleChanges changes = editing.article(a, options.clock().instant());
                return ResponseCache.Response.json(Json.write(IntStream.range(0, changes.versions().size())
                        .mapToObj(k -> VersionKinds.of(changes.versions().get(k), changes.change(k))).toList()), null);
            });
        });
        routes.get("/api/articles/{id}/history", ctx -> {
            Article a = article(ctx);
            if (!Conditional.fresh(ctx, Conditional.tag(ctx, "api-history", a, store.mark().event()), null)) {
                WebServer.json(ctx, editing.article(a, options.clock().instant()).history(store.sourceName(a.sourceId())));
            }
        });
        routes.get("/api/articles/{id}/versions/{n}", ctx -> {
            Version v = version(article(ctx), ctx, "n");
            if (!Conditional.fresh(ctx, Conditional.tag(ctx, "api-version", v.id()), v.fetchedAt())) {
                WebServer.json(ctx, v);
            }
        });
        routes.get("/api/articles/{id}/diff/{from}/{to}", ctx -> {
            Article a = article(ctx);
            Version from = version(a, ctx, "from");
            Version to = version(a, ctx, "to");
            // a diff of two committed versions never changes
            cache.serve(ctx, Conditional.tag(ctx, "api-diff", from.id(), to.id()), to.fetchedAt(),
                    () -> ResponseCache.Response.json(Json.write(differ.diff(from, to)), null));
        });
        routes.get("/api/changes", this::changes);
        routes.get("/api/search", this::search);
        routes.post("/api/trace", this::trace);
        routes.post("/api/track", ctx -> {
            if (options.submitter() == null) {
                throw new Unavailable("Tracking a URL is not available in this server.");
            }
            String url = body(ctx).path("url").asString(null);
            if (url == null || url.isBlank()) {
                throw new BadInput("Send {\"url\": \"https://…\"}.");
            }
            Article article = options.submitter().track(url.strip());
            ctx.status(201);
            WebServer.json(ctx, article);
        }, AdminAccess.Role.ADMIN);
    }

    /**
     * Articles, most recently active first ({@code offset} paging, for screens), or with
     * {@code after=ID} in id order after that article: keyset paging, stable while articles are
     * added (they come last), with a {@code Link: rel="next"} to the following page.
     */
    private void articles(Context ctx) {
        Long sourceId = sourceId(Params.text(ctx, "source"));
        int limit = Params.intQuery(ctx, "limit", 50, 1, 500);
        String after = Params.text(ctx, "after");
        long afterId = after == null ? 0 : Params.longQuery(ctx, "after", 0, 0, Long.MAX_VALUE);
        int offset = Params.intQuery(ctx, "offset", 0, 0, 10_000_000);
        cache.serve(ctx, Conditional.tag(ctx, "api-articles", store.mark().token()), null, () -> {
            List<Article> page;
            String next = null;
            if (after != null) {
                page = sourceId == null ? store.articlesAfter(afterId, limit) : store.sourceArticlesAfter(sourceId, afterId, limit);
                if (page.size() == limit) {
                    next = nextLink(ctx, "after", page.getLast().id());
                }
            } else {
                page = store.articles(sourceId, offset, limit);
            }
            return ResponseCache.Response.json(Json.write(page.stream()
                    .map(a -> new ArticleSummary(a, store.sourceName(a.sourceId()))).toList()), next);
        });
    }

    /**
     * Latest changes, newest first: {@code offset} paging, or {@code before=VERSION_ID} (the last
     * version id of the page read): keyset paging, so versions recorded meanwhile never shift the
     * pages still to read; {@code Link: rel="next"} names the following page.
     */
    private void changes(Context ctx) {
        Long sourceId = sourceId(Params.text(ctx, "source"));
        int limit = Params.intQuery(ctx, "limit", 50, 1, 500);
        boolean first = Params.flag(ctx, "first");
        boolean boring = Params.flag(ctx, "boring");
        long before = Params.text(ctx, "before") == null ? 0 : Params.longQuery(ctx, "before", 0, 1, Long.MAX_VALUE);
        int offset = Params.intQuery(ctx, "offset", 0, 0, 10_000_000);
        cache.serve(ctx, Conditional.tag(ctx, "api-changes", store.mark().token()), null, () -> {
            List<Change> page = before > 0 ? store.changesBefore(sourceId, first, boring, before, limit)
                    : store.recentChanges(sourceId, null, first, boring, offset, limit);
            return ResponseCache.Response.json(Json.write(page),
                    page.size() == limit ? nextLink(ctx, "before", page.getLast().version().id()) : null);
        });
    }

    /** The value of {@code Link: <this URL with param=value, offset dropped>; rel="next"}. */
    private static String nextLink(Context ctx, String param, long value) {
        StringBuilder url = new StringBuilder(ctx.path()).append('?').append(param).append('=').append(value);
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals(param) && !name.equals("offset")) {
                values.forEach(v -> url.append('&').append(Fmt.url(name)).append('=').append(Fmt.url(v)));
            }
        });
        return "<" + url + ">; rel=\"next\"";
    }

    private void addSource(Context ctx) {
        JsonNode body = body(ctx);
        String name = body.path("name").asString(null);
        if (name == null || name.isBlank()) {
            throw new BadInput("Send {\"name\": …, \"feeds\": [URL…], \"sitemaps\": [URL…]}.");
        }
        List<String> feeds = strings(body.path("feeds")).stream().map(u -> Pages.checkedUrl(u, "feed")).toList();
        List<String> sitemaps = strings(body.path("sitemaps")).stream().map(u -> Pages.checkedUrl(u, "sitemap")).toList();
        if (feeds.isEmpty() && sitemaps.isEmpty()) {
            throw new BadInput("Give at least one feed or sitemap URL.");
        }
        Source source = store.addSource(Pages.checkedSourceName(name.strip()), feeds, sitemaps, ExtractRules.NONE);
        ctx.status(201);
        WebServer.json(ctx, source);
    }

    private void search(Context ctx) {
        String q = Params.text(ctx, "q");
        if (q == null) {
            throw new BadInput("The parameter 'q' (the search text) is required.");
        }
        if (q.length() > 500) {
            throw new BadInput("The query is too long (at most 500 characters).");
        }
        Instant from = Params.instant(ctx, "from", false);
        Instant to = Params.instant(ctx, "to", true);
        int limit = Params.intQuery(ctx, "limit", 50, 1, 500);
        if (Conditional.fresh(ctx, Conditional.tag(ctx, "api-search", store.mark().token()), null)) {
            return;
        }
        WebServer.json(ctx, store.search(q, sourceId(Params.text(ctx, "source")), from, to, limit).stream()
                .map(h -> new Hit(h.article().id(), h.article().url(), h.article().title(), h.sourceName(),
                        h.versionNumbers(), h.lastMatchAt(), h.snippet(), h.highlights())).toList());
    }

    private void trace(Context ctx) {
        JsonNode body = body(ctx);
        int limit = body.path("limit").asInt(5);
        if (limit < 1 || limit > 50) {
            throw new BadInput("limit must be between 1 and 50");
        }
        WebServer.json(ctx, Pages.trace(options.tracing(), body.path("text").asString(null),
                body.path("url").asString(null), limit));
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode node = Json.MAPPER.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new BadInput("The request body must be a JSON object.");
            }
            return node;
        } catch (JacksonException e) {
            throw new BadInput("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static List<String> strings(JsonNode array) {
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new BadInput("feeds and sitemaps must be arrays of URLs");
        }
        return array.valueStream().map(n -> n.asString("")).filter(s -> !s.isBlank()).map(String::strip).toList();
    }

    private Article article(Context ctx) {
        return Lookups.article(store, Params.id(ctx, "id"));
    }

    private Version version(Article a, Context ctx, String param) {
        int n = Params.versionNumber(ctx, param);
        return store.version(a.id(), n).orElseThrow(() -> new NotFound(
                "Article " + a.id() + " has no version " + n + "."));
    }

    private Long sourceId(String name) {
        return Lookups.filterSourceId(store, name);
    }

}
