package dev.redline.web;

import dev.redline.error.BadInput;
import dev.redline.error.Conflict;
import dev.redline.error.NotFound;
import dev.redline.error.Refused;
import dev.redline.error.UserError;
import dev.redline.json.Json;
import dev.redline.push.WebSub;
import dev.redline.store.Article;
import dev.redline.store.Store;
import dev.redline.webhook.Webhooks;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.security.RouteRole;
import io.javalin.json.JavalinJackson3;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redline's web server: HTML pages, Atom feeds, the JSON API, metrics and health, over one
 * {@link Store}. Everything shown comes from other sites, so every page is rendered by precompiled
 * jte templates with HTML auto-escaping, and every response carries a strict Content-Security-Policy
 * (no script, no inline style). Write actions need the admin token; without one they are off.
 *
 * <p>Thread-safe once started; {@link #close()} stops it (the store stays open, it belongs to the
 * caller).
 */
public final class WebServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    /** Tracks a submitted URL (through the fetcher's private-address guard); a bad URL is a {@link BadInput}. */
    @FunctionalInterface
    public interface UrlSubmitter {
        Article track(String url);
    }

    /**
     * How the server behaves.
     *
     * @param clock      the time pages are rendered at ("next check in 2 hours")
     * @param adminToken token that unlocks write actions, or null to switch them off
     * @param warcDir    folder of raw captures, or null when captures are not served
     * @param submitter  tracks URLs posted by an admin, or null when tracking by URL is unavailable
     * @param tracing    answers trace queries, or null when tracing is unavailable
     * @param baseUrl    public address for absolute links (Atom feeds), without a trailing slash, or
     *                   null for the listen address; never taken from the request's Host header
     * @param publicMetrics serve {@code /metrics} to anyone; otherwise only with the admin token
     * @param polling    whether the polling loop in this process is still alive, or null when there is none
     * @param webhooks   queues and checks webhooks (the watch routes), or null when unavailable
     * @param webSub     answers WebSub hubs at {@code /websub/{key}}, or null when push is off (no base URL)
     */
    public record Options(Clock clock, String adminToken, Path warcDir, UrlSubmitter submitter, TraceService tracing,
                          String baseUrl, boolean publicMetrics, BooleanSupplier polling, Webhooks webhooks,
                          WebSub webSub) {
        public Options {
            Objects.requireNonNull(clock, "clock");
            adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken;
            baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.replaceAll("/+$", "");
        }

        public Options(Clock clock, String adminToken, Path warcDir, UrlSubmitter submitter, TraceService tracing) {
            this(clock, adminToken, warcDir, submitter, tracing, null, false, null, null, null);
        }

        public static Options defaults() {
            return new Options(Clock.systemUTC(), null, null, null, null, null, false, null, null, null);
        }

        public Options withBaseUrl(String url) {
            return new Options(clock, adminToken, warcDir, submitter, tracing, url, publicMetrics, polling, webhooks, webSub);
        }

        public Options withPolling(BooleanSupplier alive) {
            return new Options(clock, adminToken, warcDir, submitter, tracing, baseUrl, publicMetrics, alive, webhooks, webSub);
        }

        public Options withPublicMetrics(boolean on) {
            return new Options(clock, adminToken, warcDir, submitter, tracing, baseUrl, on, polling, webhooks, webSub);
        }

        public Options withAdminToken(String token) {
            return new Options(clock, token, warcDir, submitter, tracing, baseUrl, publicMetrics, polling, webhooks, webSub);
        }

        public Options withWarcDir(Path dir) {
            return new Options(clock, adminToken, dir, submitter, tracing, baseUrl, publicMetrics, polling, webhooks, webSub);
        }

        public Options withSubmitter(UrlSubmitter s) {
            return new Options(clock, adminToken, warcDir, s, tracing, baseUrl, publicMetrics, polling, webhooks, webSub);
        }

        public Options withTracing(TraceService t) {
            return new Options(clock, adminToken, warcDir, submitter, t, baseUrl, publicMetrics, polling, webhooks, webSub);
        }

        public Options withClock(Clock c) {
            return new Options(c, adminToken, warcDir, submitter, tracing, baseUrl, publicMetrics, polling, webhooks, webSub);
        }

        public Options withWebSub(WebSub w) {
            return new Options(clock, adminToken, warcDir, submitter, tracing, baseUrl, publicMetrics, polling, webhooks, w);
        }

        public Options withWebhooks(Webhooks w) {
            return new Options(clock, adminToken, warcDir, submitter, tracing, baseUrl, publicMetrics, polling, w, webSub);
        }
    }

    /** Request attribute marking a response already rendered as an error page. */
    private static final String FAILED = "redline.failed";

    static final long MAX_REQUEST_BYTES = 1 << 20;

    private final Javalin app;
    private final Options options;
    private volatile String listenBase = "http://localhost";
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    public WebServer(Store store, Options options) {
        Objects.requireNonNull(store, "store");
        this.options = options;
        Counts counts = new Counts(store);
        Gauge.builder("redline_articles", counts, c -> c.at(store.mark()).articles()).description("Articles tracked")
                .register(registry);
        Gauge.builder("redline_versions", counts, c -> c.at(store.mark()).versions()).description("Versions stored")
                .register(registry);
        Differ differ = new Differ(store.splits());
        ResponseCache cache = new ResponseCache(ResponseCache.MAX_CHARS);
        Gauge.builder("redline_response_cache_hits", cache, ResponseCache::hits)
                .description("Responses served from the rendered-response cache").register(registry);
        Gauge.builder("redline_response_cache_misses", cache, ResponseCache::misses)
                .description("Responses rendered (not found in the rendered-response cache)").register(registry);
        Gauge.builder("redline_response_cache_chars", cache, ResponseCache::chars)
                .description("Characters of rendered responses kept").register(registry);
        Pages pages = new Pages(store, options, differ, this, cache);
        HomePage home = new HomePage(store, options, differ, this, counts, cache);
        Api api = new Api(store, options, differ, cache);
        Feeds feeds = new Feeds(store, differ, this::baseUrl, options.clock(), this, cache);
        SourceRecordPages records = new SourceRecordPages(store, options, this);
        Downloads downloads = new Downloads(store);
        WatchApi watches = new WatchApi(store, options.webhooks());
        WatchPages watchPages = new WatchPages(store, watches, this);
        WebSubCallback webSub = new WebSubCallback(options.webSub());
        this.app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson3(Json.MAPPER, false));
            config.startup.showJavalinBanner = false;
            // a checksum ETag (and 304) for every GET without a validator of its own (Conditional)
            config.http.generateEtags = true;
            // every body (form posts, the trace API) fits in 1 MB: the largest, a trace text, is 200,000 characters
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.validation.register(Params.DayOrInstant.class, Params.DayOrInstant::parse);
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "max-age=3600");
            });
            config.requestLogger.http(this::recordRequest);
            config.routes.before(WebServer::securityHeaders);
            config.routes.beforeMatched(new AdminAccess(options.adminToken())::check);
            home.register(config.routes);
            pages.register(config.routes);
            feeds.register(config.routes);
            downloads.register(config.routes);
            watches.register(config.routes);
            watchPages.register(config.routes);
            webSub.register(config.routes);
            api.register(config.routes);
            records.register(config.routes);
            config.jetty.modifyServer(server -> server.setErrorHandler(new SecureErrorHandler()));
            // metrics reveal traffic and sizes: for the admin token holder unless made public
            RouteRole[] metricsRoles = options.publicMetrics() ? new RouteRole[0] : new RouteRole[] {AdminAccess.Role.ADMIN};
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(registry.scrape()), metricsRoles);
            config.routes.get("/health", ctx -> health(ctx, counts.at(store.mark()), options));
            config.routes.exception(Unavailable.class, (e, ctx) -> fail(ctx, 503, e.getMessage()));
            config.routes.exception(UserError.class, (e, ctx) -> fail(ctx, status(e), e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("{} {} failed", ctx.method(), ctx.path(), e);
                fail(ctx, 500, "Something went wrong on our side; the error has been logged.");
            });
            config.routes.error(404, ctx -> {
                if (ctx.attribute(FAILED) == null) {
                    fail(ctx, 404, "There is no page at this address.");
                }
            });
            config.routes.error(405, ctx -> {
                if (ctx.attribute(FAILED) == null) {
                    fail(ctx, 405, "This address does not accept " + ctx.method() + " requests.");
                }
            });
        });
    }

    /** The one mapping of user errors to HTTP statuses; anything else a handler throws is a 500, logged. */
    static int status(UserError e) {
        return switch (e) {
            case BadInput b -> 400;
            case Refused r -> 403;
            case NotFound n -> 404;
            case Conflict c -> 409;
        };
    }

    /** Starts listening; port 0 picks a free port (see {@link #port()}). */
    public WebServer start(String host, int port) {
        app.start(host, port);
        String listenHost = host.contains(":") ? "[" + host + "]" : host.equals("0.0.0.0") ? "localhost" : host;
        listenBase = "http://" + listenHost + ":" + port();
        return this;
    }

    /** Scheme, host and port of absolute links: the configured base URL, else the listen address. */
    String baseUrl() {
        return options.baseUrl() != null ? options.baseUrl() : listenBase;
    }

    public int port() {
        return app.port();
    }

    /** Every HTTP route the server answers, as Javalin holds them (so tests can check each one's roles). */
    List<Endpoint> endpoints() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().map(parsed -> parsed.endpoint).toList();
    }

    /** The metrics registry, so the tracker running in the same process can add its meters. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        app.stop();
    }

    /** Renders a template to HTML and sends it with an explicit charset (java-deps.md gotcha 11). */
    void render(Context ctx, String template, Object model) {
        ctx.contentType("text/html; charset=utf-8").result(html(template, model));
    }

    /** Renders a template to an HTML string (a feed entry's content, say). */
    String html(String template, Object model) {
        StringOutput out = new StringOutput();
        templates.render(template, model, out);
        return out.toString();
    }

    /** Writes JSON with the shared mapper, so the API and the CLI emit identical shapes. */
    static void json(Context ctx, Object value) {
        ctx.contentType("application/json; charset=utf-8").result(Json.write(value));
    }

    private void fail(Context ctx, int status, String message) {
        ctx.status(status);
        ctx.attribute(FAILED, Boolean.TRUE);
        if (ctx.path().startsWith("/api/") || ctx.path().equals("/health")) {
            json(ctx, Map.of("error", message, "status", status));
            return;
        }
        String title = switch (status) {
            case 400 -> "Bad request";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 405 -> "Method not allowed";
            case 503 -> "Not available";
            default -> status >= 500 ? "Server error" : "Request refused";
        };
        render(ctx, "error.jte", new View.Error(status, title, message));
    }

    /** Liveness: 503 when this process's polling loop has stopped, so a monitor sees it. */
    private static void health(Context ctx, Counts.At counts, Options options) {
        String polling = options.polling() == null ? "off" : options.polling().getAsBoolean() ? "running" : "stopped";
        boolean ok = !polling.equals("stopped");
        ctx.status(ok ? 200 : 503);
        json(ctx, Map.of("status", ok ? "ok" : "polling stopped", "polling", polling,
                "articles", counts.articles(), "versions", counts.versions()));
    }

    /** The security headers of every response, Jetty's own error pages included ({@link SecureErrorHandler}). */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");

    private static void securityHeaders(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
    }

    /** The matched route pattern (bounded metric cardinality), or "unmatched". */
    private static String routeOf(Context ctx) {
        try {
            return ctx.endpoint() == null ? "unmatched" : ctx.endpoint().path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    private void recordRequest(Context ctx, Float millis) {
        String route = routeOf(ctx);
        if (route.startsWith("/static")) {
            route = "/static";
        }
        Timer.builder("redline_http_requests").description("HTTP requests served")
                .tag("method", ctx.method().name()).tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry).record((long) (millis * 1000), TimeUnit.MICROSECONDS);
    }
}
