package dev.redline.web;

import dev.redline.change.Changes;
import dev.redline.change.Note;
import dev.redline.diff.DiffResult;
import dev.redline.editing.ArticleChanges;
import dev.redline.editing.EditingHistory;
import dev.redline.error.BadInput;
import dev.redline.error.NotFound;
import dev.redline.extract.ExtractRules;
import dev.redline.json.Json;
import dev.redline.store.Article;
import dev.redline.store.ArticleEvent;
import dev.redline.store.ArticleStatus;
import dev.redline.store.EventKind;
import dev.redline.store.SearchHit;
import dev.redline.store.Source;
import dev.redline.store.Store;
import dev.redline.store.Subscription;
import dev.redline.store.TextSearch;
import dev.redline.store.Version;
import dev.redline.store.VersionField;
import dev.redline.text.Gap;
import dev.redline.trace.TraceMatch;
import dev.redline.trace.TraceResult;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The HTML pages: sources, article, diff, search, trace, and the admin's write actions ({@link HomePage}: the home page). */
final class Pages {
    static final int MAX_TRACE_CHARS = 200_000;

    private final Store store;
    private final WebServer.Options options;
    private final Differ differ;
    private final WebServer server;
    private final Captures captures;
    private final EditingHistory editing;
    private final ResponseCache cache;

    Pages(Store store, WebServer.Options options, Differ differ, WebServer server, ResponseCache cache) {
        this.store = store;
        this.cache = cache;
        this.editing = new EditingHistory(store);
        this.options = options;
        this.differ = differ;
        this.server = server;
        this.captures = new Captures(options.warcDir());
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/sources", this::sources);
        routes.post("/sources", this::addSource, AdminAccess.Role.ADMIN);
        routes.post("/sources/{name}/remove", this::removeSource, AdminAccess.Role.ADMIN);
        routes.post("/track", this::track, AdminAccess.Role.ADMIN);
        routes.get("/articles/{id}", this::article);
        routes.get("/articles/{id}/compare", this::compare);
        routes.get("/articles/{id}/diff/{from}/{to}", this::diff);
        routes.get("/articles/{id}/diff/{from}/{to}/card.png", this::card);
        routes.get("/articles/{id}/versions/{n}", this::versionPage);
        routes.get("/articles/{id}/versions/{n}/raw", this::raw);
        routes.get("/search", this::search);
        routes.get("/trace", ctx -> server.render(ctx, "trace.jte", traceView(null, null, null)));
        routes.post("/trace", this::trace);
    }

    // --- home and sources ------------------------------------------------------------------------

    private void sources(Context ctx) {
        server.render(ctx, "sources.jte", new View.Sources(store.sourceHealth(now()), now(),
                options.adminToken() != null, store.subscriptions().subscriptions().stream()
                        .collect(Collectors.groupingBy(Subscription::sourceId))));
    }

    private void addSource(Context ctx) {
        String name = checkedSourceName(required(ctx.formParam("name"), "name"));
        List<String> feeds = urls(ctx.formParam("feeds"), "feed");
        List<String> sitemaps = urls(ctx.formParam("sitemaps"), "sitemap");
        if (feeds.isEmpty() && sitemaps.isEmpty()) {
            throw new BadInput("Give at least one feed or sitemap URL.");
        }
        store.addSource(name, feeds, sitemaps, ExtractRules.NONE);
        ctx.redirect("/sources", HttpStatus.SEE_OTHER);
    }

    private void removeSource(Context ctx) {
        String name = ctx.pathParam("name");
        if (!store.removeSource(name)) {
            throw Lookups.noSuchSource(name);
        }
        ctx.redirect("/sources", HttpStatus.SEE_OTHER);
    }

    private void track(Context ctx) {
        if (options.submitter() == null) {
            throw new Unavailable("Tracking a URL is not available in this server.");
        }
        String url = required(ctx.formParam("url"), "url");
        Article article = options.submitter().track(url);
        ctx.redirect(Links.article(article.id()), HttpStatus.SEE_OTHER);
    }

    /** A new source's name, checked: it appears in URLs and feeds. */
    static String checkedSourceName(String name) {
        if (!Source.validName(name)) {
            throw new BadInput("A source name is " + Source.NAME_RULE + ".");
        }
        return name;
    }

    static String checkedUrl(String url, String what) {
        if (!(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new BadInput("A " + what + " URL must start with http:// or https://: " + Params.abbreviate(url));
        }
        return url;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new BadInput("The field '" + name + "' is required.");
        }
        return value.strip();
    }

    private static List<String> urls(String lines, String what) {
        if (lines == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String line : lines.split("\\R")) {
            String url = line.strip();
            if (url.isEmpty()) {
                continue;
            }
            out.add(checkedUrl(url, what));
        }
        return out;
    }

    // --- article, diff, raw capture --------------------------------------------------------------

    Article article(long id) {
        return Lookups.article(store, id);
    }


    private void article(Context ctx) {
        Article article = article(Params.id(ctx, "id"));
        cache.serve(ctx, Conditional.tag(ctx, "article", article, store.mark().event(), now().getEpochSecond() / 60), null,
                () -> ResponseCache.Response.html(server.html("article.jte", articlePage(article))));
    }

    private View.ArticlePage articlePage(Article article) {
        ArticleChanges history = editing.article(article, now());
        List<Version> versions = history.versions();
        List<View.VersionRow> rows = new ArrayList<>();
        for (Version v : versions) {
            Version previous = v.number() == 0 ? null : versions.get(v.number() - 1);
            String what = whatChanged(v);
            if (previous != null && v.changed().equals(Set.of(VersionField.TITLE)) && history.headlineTest(v) != null) {
                what = "headline variant (A/B test)";
            }
            rows.add(new View.VersionRow(v,
                    previous == null ? "first seen" : Gap.describe(Duration.between(previous.fetchedAt(), v.fetchedAt())),
                    what, previous == null ? null : Links.diff(article.id(), previous.number(), v.number()),
                    v.captureRef() == null || !captures.enabled() ? null : Links.raw(article.id(), v.number()),
                    history.change(v.number())));
        }
        List<ArticleEvent> events = history.events();
        List<View.Reuse> reuses = events.stream().filter(e -> e.kind().isReuse())
                .map(this::reuse).toList();
        return new View.ArticlePage(article, store.sourceName(article.sourceId()), statusLine(article),
                rows, Math.max(0, versions.size() - 1), reuses,
                events.stream().filter(e -> !e.kind().isReuse()).toList(),
                store.checks(article.id(), 10), now(), history.headlineTests(), history.unpublished(),
                versions.isEmpty() ? null : versions.getLast());
    }

    /**
     * A reuse relation recorded by the tracer: the event detail is a JSON object naming both
     * articles and versions ({@code dev.redline.trace.Reuse}); links go to the other side.
     */
    private View.Reuse reuse(ArticleEvent e) {
        try {
            JsonNode r = Json.MAPPER.readTree(e.detail() == null ? "{}" : e.detail());
            boolean copies = e.kind() == EventKind.REUSES;
            long other = r.path(copies ? "sourceArticle" : "copyArticle").asLong(-1);
            String text = copies
                    ? "Version " + r.path("copyVersion").asInt() + " reuses text of " + r.path("sourceUrl").asString("")
                      + ", version " + r.path("sourceVersion").asInt()
                    : "Version " + r.path("sourceVersion").asInt() + " was reused by " + r.path("copyUrl").asString("")
                      + " (its version " + r.path("copyVersion").asInt() + ")";
            return new View.Reuse(text + " — covers " + Fmt.percent(r.path("coverage").asDouble()) + " of the copy; seen "
                    + Fmt.time(e.at()) + ".", other >= 0 ? Links.article(other) : null);
        } catch (JacksonException ex) {
            return new View.Reuse(e.kind() + ": " + e.detail(), null);
        }
    }

    private String statusLine(Article a) {
        Instant now = now();
        if (a.status() == ArticleStatus.GONE) {
            return "Gone from the site; won't be checked again.";
        }
        if (a.nextCheck() == null || a.status() == ArticleStatus.SETTLED) {
            return "Settled; won't be checked again.";
        }
        String when = a.nextCheck().isAfter(now)
                ? "at " + Fmt.time(a.nextCheck()) + " (" + Fmt.relative(a.nextCheck(), now) + ")"
                : "due now (scheduled for " + Fmt.time(a.nextCheck()) + ")";
        return a.status() == ArticleStatus.FAILING ? "Checks are failing; next try " + when + "."
                : "Next check " + when + ".";
    }

    static String whatChanged(Version v) {
        if (v.number() == 0) {
            return "first version";
        }
        String fields = v.changed().stream().sorted(Comparator.comparing(VersionField::ordinal))
                .map(f -> f == VersionField.TITLE ? "headline" : f.toString()).collect(Collectors.joining(", "));
        if (fields.isEmpty()) {
            fields = "formatting";
        }
        return v.boring() ? fields + " (cosmetic" + (v.boringReason() == null ? "" : ": " + v.boringReason()) + ")"
                : fields;
    }

    private void compare(Context ctx) {
        long id = Params.id(ctx, "id");
        int from = Params.intQuery(ctx, "from", -1, 0, Integer.MAX_VALUE);
        int to = Params.intQuery(ctx, "to", -1, 0, Integer.MAX_VALUE);
        if (from < 0 || to < 0) {
            throw new BadInput("Pick two versions to compare (parameters 'from' and 'to').");
        }
        ctx.redirect(Links.diff(id, Math.min(from, to), Math.max(from, to)), HttpStatus.SEE_OTHER);
    }

    Version version(Article article, int number) {
        return store.version(article.id(), number).orElseThrow(() -> new NotFound(
                "Article " + article.id() + " has no version " + number + (article.versionCount() == 0
                        ? " (it has no versions yet)." : " (its versions are 0 to " + (article.versionCount() - 1) + ").")));
    }

    private void diff(Context ctx) {
        Article article = article(Params.id(ctx, "id"));
        int fromNumber = Params.versionNumber(ctx, "from");
        int toNumber = Params.versionNumber(ctx, "to");
        String view = Params.text(ctx, "view");
        if (view != null && !view.equals("inline") && !view.equals("side")) {
            throw new BadInput("view must be 'inline' or 'side', got '" + Params.abbreviate(view) + "'");
        }
        boolean inline = "inline".equals(view);
        if (fromNumber == toNumber) {
            throw new BadInput("Pick two different versions to compare.");
        }
        if (fromNumber > toNumber) {
            ctx.redirect(Links.diff(article.id(), toNumber, fromNumber) + (inline ? "?view=inline" : ""),
                    HttpStatus.SEE_OTHER);
            return;
        }
        // two committed versions never change; the page around them changes with the article's count (links onward)
        cache.serve(ctx, Conditional.tag(ctx, "diff", article.id(), article.sourceId(), article.versionCount()), null,
                () -> ResponseCache.Response.html(server.html("diff.jte", diffPage(article, fromNumber, toNumber, inline))));
    }

    private View.DiffPage diffPage(Article article, int fromNumber, int toNumber, boolean inline) {
        Version from = version(article, fromNumber);
        Version to = version(article, toNumber);
        DiffResult diff = differ.diff(from, to);
        int count = article.versionCount();
        String suffix = inline ? "?view=inline" : "";
        String self = Links.diff(article.id(), fromNumber, toNumber);
        return new View.DiffPage(article, store.sourceName(article.sourceId()), from, to, diff,
                DiffView.of(diff), inline, self + suffix, self + (inline ? "" : "?view=inline"),
                fromNumber >= 1 ? Links.diff(article.id(), fromNumber - 1, fromNumber) + suffix : null,
                toNumber + 1 < count ? Links.diff(article.id(), toNumber, toNumber + 1) + suffix : null, count,
                Changes.between(from.text(), to.text(), diff),
                server.baseUrl() + Links.card(article.id(), fromNumber, toNumber), ShareCard.altText(diff));
    }

    /** The diff's share card (og:image): a PNG drawn on the server. */
    private void card(Context ctx) {
        Article article = article(Params.id(ctx, "id"));
        Version from = version(article, Params.versionNumber(ctx, "from"));
        Version to = version(article, Params.versionNumber(ctx, "to"));
        if (from.number() >= to.number()) {
            throw new BadInput("A share card compares an older version with a newer one.");
        }
        DiffResult diff = differ.diff(from, to);
        ctx.header("Cache-Control", "max-age=3600");
        ctx.contentType("image/png").result(ShareCard.png(diff, DiffView.of(diff), store.sourceName(article.sourceId()), to.fetchedAt()));
    }

    private void versionPage(Context ctx) {
        Article article = article(Params.id(ctx, "id"));
        int number = Params.versionNumber(ctx, "n");
        if (number >= article.versionCount()) { // version() says what is missing, or a version stored just now is shown uncached
            server.render(ctx, "version.jte", versionPage(article, number));
            return;
        }
        // the version never changes; the page also lists the events seen while it was shown
        cache.serve(ctx, Conditional.tag(ctx, "version", article.id(), article.sourceId(), article.versionCount(), store.mark().event()), null,
                () -> ResponseCache.Response.html(server.html("version.jte", versionPage(article, number))));
    }

    private View.VersionPage versionPage(Article article, int number) {
        Version v = version(article, number);
        int n = v.number();
        int count = article.versionCount();
        Instant until = n + 1 < count ? version(article, n + 1).fetchedAt() : null;
        List<ArticleEvent> during = store.events(article.id()).stream().filter(e -> !e.kind().isReuse())
                .filter(e -> !e.at().isBefore(v.fetchedAt()) && (until == null || e.at().isBefore(until))).toList();
        return new View.VersionPage(article, store.sourceName(article.sourceId()), v, count, whatChanged(v),
                v.text().paragraphs(), Changes.notes(v.text()).stream().map(Note::text).toList(), during,
                v.captureRef() == null || !captures.enabled() ? null : Links.raw(article.id(), n),
                n > 0 ? Links.diff(article.id(), n - 1, n) : null,
                n + 1 < count ? Links.diff(article.id(), n, n + 1) : null,
                n > 0 ? Links.version(article.id(), n - 1) : null,
                n + 1 < count ? Links.version(article.id(), n + 1) : null);
    }

    private void raw(Context ctx) {
        Article article = article(Params.id(ctx, "id"));
        Version v = version(article, Params.versionNumber(ctx, "n"));
        if (v.captureRef() == null || !captures.enabled()) {
            throw new NotFound("No raw capture is kept for this version.");
        }
        // Plain text with nosniff: the captured page is shown as source, never rendered.
        ctx.contentType("text/plain; charset=utf-8").result(captures.read(v.captureRef()));
    }

    // --- search and trace ------------------------------------------------------------------------

    private void search(Context ctx) {
        String q = Params.text(ctx, "q");
        String sourceName = Params.text(ctx, "source");
        Long sourceId = Lookups.filterSourceId(store, sourceName);
        Instant from = Params.instant(ctx, "from", false);
        Instant to = Params.instant(ctx, "to", true);
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadInput("'from' is after 'to'.");
        }
        List<View.SearchRow> rows = List.of();
        int rankedNewest = 0;
        if (q != null) {
            if (q.length() > 500) {
                throw new BadInput("The query is too long (at most 500 characters).");
            }
            TextSearch.SearchResults found = store.find(q, sourceId, from, to, 50);
            rankedNewest = found.rankedNewest();
            rows = found.hits().stream().map(h -> new View.SearchRow(h, highlight(h), matchingVersion(h))).toList();
        }
        server.render(ctx, "search.jte", new View.Search(q == null ? "" : q, sourceName == null ? "" : sourceName,
                orEmpty(ctx.queryParam("from")), orEmpty(ctx.queryParam("to")), store.sources(), rows, q != null, rankedNewest));
    }

    /** Where a search hit leads: the newest version that matches, or the article when none is named. */
    private static String matchingVersion(SearchHit hit) {
        List<Integer> numbers = hit.versionNumbers();
        return numbers == null || numbers.isEmpty() ? Links.article(hit.article().id())
                : Links.version(hit.article().id(), numbers.stream().max(Integer::compare).orElseThrow());
    }

    /** Cuts a snippet at its highlight ranges (ignoring ranges out of bounds or overlapping). */
    static List<DiffView.Piece> highlight(SearchHit hit) {
        String s = hit.snippet() == null ? "" : hit.snippet();
        List<DiffView.Piece> pieces = new ArrayList<>();
        int at = 0;
        List<int[]> ranges = hit.highlights() == null ? List.of()
                : hit.highlights().stream().sorted(Comparator.comparingInt(r -> r[0])).toList();
        for (int[] r : ranges) {
            if (r.length < 2 || r[0] < at || r[1] <= r[0] || r[1] > s.length()) {
                continue;
            }
            if (r[0] > at) {
                pieces.add(new DiffView.Piece(s.substring(at, r[0]), "same"));
            }
            pieces.add(new DiffView.Piece(s.substring(r[0], r[1]), "hit"));
            at = r[1];
        }
        if (at < s.length()) {
            pieces.add(new DiffView.Piece(s.substring(at), "same"));
        }
        return pieces;
    }

    private void trace(Context ctx) {
        TraceService tracing = options.tracing();
        String text = ctx.formParam("text");
        String url = ctx.formParam("url");
        List<TraceMatch> matches = trace(tracing, text, url, 10).matches();
        server.render(ctx, "trace.jte", traceView(text, url, matches));
    }

    /** Runs a trace of a URL (preferred when given) or a text; bad input answers 400. */
    static TraceResult trace(TraceService tracing, String text, String url, int limit) {
        if (tracing == null) {
            throw new Unavailable("Tracing is not available in this server.");
        }
        if (url != null && !url.isBlank()) {
            return tracing.traceUrl(url.strip(), limit);
        }
        if (text != null && !text.isBlank()) {
            if (text.length() > MAX_TRACE_CHARS) {
                throw new BadInput("The text is too long (at most " + MAX_TRACE_CHARS + " characters).");
            }
            return tracing.traceText(text, limit);
        }
        throw new BadInput("Paste a text or give a URL to trace.");
    }

    private View.Trace traceView(String text, String url, List<TraceMatch> matches) {
        List<View.TraceRow> rows = matches == null ? null : matches.stream().map(this::traceRow).toList();
        TraceService tracing = options.tracing();
        return new View.Trace(tracing != null, orEmpty(text), orEmpty(url), rows, tracing == null ? 0 : tracing.unindexed(),
                tracing != null && tracing.rebuilding());
    }

    private View.TraceRow traceRow(TraceMatch m) {
        Long id = store.articleByUrl(m.url()).map(Article::id).orElse(null);
        List<View.EvidenceRow> evidence = m.evidence().stream().map(e -> new View.EvidenceRow(e,
                versionLinks(id, e.supports()), versionLinks(id, e.contradicts()),
                id == null ? null : Links.diff(id, e.from(), e.to()))).toList();
        return new View.TraceRow(m, id == null ? null : Links.article(id), evidence,
                m.diff() == null ? List.of() : DiffView.of(m.diff()).lines());
    }

    private static List<View.VersionLink> versionLinks(Long articleId, List<Integer> versions) {
        return versions.stream().map(v -> new View.VersionLink(v, articleId == null ? null : Links.versionRow(articleId, v))).toList();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private Instant now() {
        return options.clock().instant();
    }
}
