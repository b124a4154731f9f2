package dev.redline.sim;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.redline.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jsoup.nodes.Entities;

/**
 * A newsroom on loopback: each {@link SimSource} is a real HTTP server on 127.0.0.1 (its own port,
 * so its own host for politeness) serving robots.txt, RSS 2.0 ({@code /feed.rss}), Atom
 * ({@code /feed.atom}), JSON Feed ({@code /feed.json}), a Google News sitemap
 * ({@code /news-sitemap.xml}) behind a sitemap index ({@code /sitemap.xml}), and article pages
 * ({@code /news/SLUG}) whose content is the story version live at the shared clock's time: 404
 * before publication, 410 after unpublishing, ETag/Last-Modified with 304 on conditional GET. Each
 * site can {@link Misbehaviour misbehave} on request, and its feeds can name a WebSub hub
 * ({@link #advertiseHub}, e.g. a {@link SimHub}). Every request is recorded.
 * Thread-safe; the clock is read on every request, so a {@link VirtualClock} drives the histories.
 */
public final class NewsroomSimulator implements AutoCloseable {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final int HUGE_BODY_CHUNKS = 64 * 1024;

    private final Clock clock;
    private final Instant epoch;
    private final Newsroom newsroom;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Site> sites = new LinkedHashMap<>();
    private static final java.util.Set<String> FEEDS = java.util.Set.of("/feed.rss", "/feed.atom", "/feed.json",
            "/news-sitemap.xml", "/sitemap.xml");

    private final List<Logged> requests = Collections.synchronizedList(new ArrayList<>());
    /** The WebSub hub the feeds name in their Link headers, or null for none. */
    private volatile String hubUrl;

    /** A running site: its server, stories by slug and misbehaviour switches. */
    private record Site(SimSource source, HttpServer server, Map<String, Story> stories, Misbehaviour misbehaviour) {
        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }

    /** Where a simulated site lives. */
    public record SiteInfo(String name, String title, String baseUrl, String rssUrl, String atomUrl, String jsonFeedUrl,
                           String sitemapUrl) {
    }

    private NewsroomSimulator(Clock clock, Instant epoch, Newsroom newsroom) {
        this.clock = clock;
        this.epoch = epoch;
        this.newsroom = newsroom;
    }

    /** Starts the built-in fictional day of news, with story times counted from the clock's current instant. */
    public static NewsroomSimulator start(Clock clock) {
        return start(clock, Newsroom.fictionalDay(), clock.instant());
    }

    /**
     * Starts one loopback server per source of {@code newsroom}.
     *
     * @param epoch the instant story offsets count from
     */
    public static NewsroomSimulator start(Clock clock, Newsroom newsroom, Instant epoch) {
        NewsroomSimulator sim = new NewsroomSimulator(clock, epoch, newsroom);
        try {
            for (SimSource source : newsroom.sources()) {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
                Map<String, Story> stories = new LinkedHashMap<>();
                source.stories().forEach(s -> stories.put(s.slug(), s));
                Site site = new Site(source, server, stories, new Misbehaviour());
                server.createContext("/", exchange -> sim.handle(site, exchange));
                server.setExecutor(sim.executor);
                server.start();
                sim.sites.put(source.name(), site);
            }
        } catch (IOException e) {
            sim.close();
            throw new UncheckedIOException("cannot start the newsroom simulator", e);
        }
        return sim;
    }

    public Newsroom newsroom() {
        return newsroom;
    }

    public Instant epoch() {
        return epoch;
    }

    public List<SiteInfo> sites() {
        return sites.values().stream().map(s -> new SiteInfo(s.source().name(), s.source().title(), s.baseUrl(),
                s.baseUrl() + "/feed.rss", s.baseUrl() + "/feed.atom", s.baseUrl() + "/feed.json",
                s.baseUrl() + "/sitemap.xml")).toList();
    }

    public SiteInfo site(String name) {
        return sites().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulated source " + name));
    }

    /**
     * Makes every RSS, Atom and JSON feed name {@code hub} as its WebSub hub and itself as the topic,
     * in {@code Link} headers (WebSub §4); null stops it.
     */
    public void advertiseHub(String hub) {
        this.hubUrl = hub;
    }

    /** The canonical URL of an article page. */
    public String articleUrl(String source, String slug) {
        return site(source).baseUrl() + "/news/" + slug;
    }

    /** The misbehaviour switches of a site. */
    public Misbehaviour misbehave(String source) {
        Site site = sites.get(source);
        if (site == null) {
            throw new IllegalArgumentException("no simulated source " + source);
        }
        return site.misbehaviour();
    }

    /** Every request answered so far, in arrival order. */
    public List<SimRequest> requests() {
        synchronized (requests) {
            return requests.stream().map(Logged::snapshot).toList();
        }
    }

    /** What to answer; decided (and recorded) before a byte is sent so the log never lags the client. */
    private record Reply(int status, String type, String body, String etag, Instant lastModified, String location,
                         boolean huge, String slug, int version) {
        static Reply of(int status, String type, String body) {
            return new Reply(status, type, body, null, null, null, false, null, -1);
        }
    }

    /** A logged request whose end time is filled in when its response starts to go out. */
    private static final class Logged {
        final SimRequest request;
        volatile long endNanos;

        Logged(SimRequest request) {
            this.request = request;
        }

        SimRequest snapshot() {
            SimRequest r = request;
            return new SimRequest(r.source(), r.path(), r.query(), r.at(), r.startNanos(), endNanos, r.status(),
                    r.userAgent(), r.ifNoneMatch(), r.slug(), r.version());
        }
    }

    private void handle(Site site, HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        Instant now = clock.instant();
        String path = ex.getRequestURI().getPath();
        Misbehaviour mis = site.misbehaviour();
        Logged logged = null;
        try {
            if (mis.delay().isPositive()) {
                Thread.sleep(mis.delay());
            }
            Reply reply = reply(site, path, ex.getRequestHeaders().getFirst("If-None-Match"),
                    Duration.between(epoch, now));
            logged = new Logged(new SimRequest(site.source().name(), path, ex.getRequestURI().getRawQuery(), now, start,
                    0, reply.status(), ex.getRequestHeaders().getFirst("User-Agent"),
                    ex.getRequestHeaders().getFirst("If-None-Match"), reply.slug(), reply.version()));
            requests.add(logged);
            // Stamped before the first byte goes out: once the client holds the whole response it may
            // send its next request at once, which on a loaded machine can arrive before this thread
            // runs again; a stamp taken after close() would then report an overlap that never happened.
            logged.endNanos = System.nanoTime();
            String hub = hubUrl;
            if (hub != null && (path.equals("/feed.rss") || path.equals("/feed.atom") || path.equals("/feed.json"))) {
                ex.getResponseHeaders().add("Link", "<" + hub + ">; rel=\"hub\", <" + site.baseUrl() + path + ">; rel=\"self\"");
            }
            write(ex, reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientWentAway) {
            // the client aborted (size cap, timeout); the request is still logged
        } finally {
            ex.close();
        }
    }

    private Reply reply(Site site, String path, String ifNoneMatch, Duration offset) {
        Misbehaviour mis = site.misbehaviour();
        if (path.equals("/robots.txt")) {
            StringBuilder robots = new StringBuilder("User-agent: *\n");
            mis.robotsDisallow().forEach(p -> robots.append("Disallow: ").append(p).append('\n'));
            robots.append("\nSitemap: ").append(site.baseUrl()).append("/sitemap.xml\n");
            int status = mis.robotsStatus();
            return Reply.of(status, "text/plain; charset=utf-8", status == 200 ? robots.toString() : "error");
        }
        if (mis.takeFailure()) {
            return Reply.of(500, "text/plain", "simulated server error");
        }
        if (path.startsWith("/r/")) {
            return new Reply(301, null, "", null, null, site.baseUrl() + "/news/" + path.substring(3), false, null, -1);
        }
        if (path.startsWith("/news/")) {
            String slug = path.substring("/news/".length());
            Story story = site.stories().get(slug);
            int live = story == null ? -1 : story.versionAt(offset);
            if (live == -2) {
                return new Reply(410, "text/html; charset=utf-8", "<h1>This article has been removed</h1>", null, null,
                        null, false, slug, -1);
            }
            if (live < 0) {
                return new Reply(404, "text/html; charset=utf-8", "<h1>Not found</h1>", null, null, null, false, slug, -1);
            }
            StoryVersion v = story.versions().get(live);
            String etag = "\"" + slug + "-v" + live + "\"";
            if (!mis.ignoreConditionalGet() && etag.equals(ifNoneMatch)) {
                return new Reply(304, null, "", etag, null, null, false, slug, -1);
            }
            String type = mis.wrongCharset() ? "text/html; charset=iso-8859-1" : "text/html; charset=utf-8";
            return new Reply(200, type, articleHtml(site, slug, v), etag, epoch.plus(v.at()), null, mis.hugeBodies(),
                    slug, live);
        }
        if (FEEDS.contains(path)) {
            String[] doc = feed(site, path, offset);
            String etag = "\"" + Integer.toHexString(doc[1].hashCode()) + "\"";
            if (!mis.ignoreConditionalGet() && etag.equals(ifNoneMatch)) {
                return new Reply(304, null, "", etag, null, null, false, null, -1);
            }
            return new Reply(200, doc[0], doc[1], etag, null, null, false, null, -1);
        }
        return Reply.of(404, "text/plain", "no such page");
    }

    private static void write(HttpExchange ex, Reply reply) throws IOException {
        var headers = ex.getResponseHeaders();
        if (reply.type() != null) {
            headers.set("Content-Type", reply.type());
        }
        if (reply.etag() != null) {
            headers.set("ETag", reply.etag());
        }
        if (reply.lastModified() != null) {
            headers.set("Last-Modified", HTTP_DATE.format(reply.lastModified()));
        }
        if (reply.location() != null) {
            headers.set("Location", reply.location());
        }
        if (reply.huge()) {
            sendHuge(ex, reply.body());
            return;
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        boolean empty = bytes.length == 0 || reply.status() == 304;
        ex.sendResponseHeaders(reply.status(), empty ? -1 : bytes.length);
        if (!empty) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void sendHuge(HttpExchange ex, String html) throws IOException {
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(html.replace("</body></html>", "").getBytes(StandardCharsets.UTF_8));
            byte[] comment = "<div class=comment><p>First! Great article, totally agree.</p></div>\n"
                    .repeat(15).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < HUGE_BODY_CHUNKS; i++) {
                out.write(comment);
            }
            out.write("</body></html>".getBytes(StandardCharsets.UTF_8));
        }
    }

    private String articleHtml(Site site, String slug, StoryVersion v) {
        String title = Entities.escape(v.title());
        String publication = Entities.escape(site.source().title());
        StringBuilder html = new StringBuilder(2048);
        html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(title).append(" | ").append(publication).append("</title>")
                .append("<link rel=\"canonical\" href=\"").append(site.baseUrl()).append("/news/").append(slug).append("\">")
                .append("<meta property=\"og:title\" content=\"").append(title).append("\">")
                .append("<meta property=\"og:type\" content=\"article\">")
                .append("</head>\n<body><header class=\"masthead\"><a href=\"/\">").append(publication)
                .append("</a><nav><a href=\"/news\">News</a> <a href=\"/sport\">Sport</a> <a href=\"/weather\">Weather</a>")
                .append("</nav></header>\n<main><article><h1>").append(title).append("</h1>\n");
        if (v.byline() != null) {
            html.append("<p class=\"byline\" rel=\"author\">").append(Entities.escape(v.byline())).append("</p>\n");
        }
        html.append("<time datetime=\"").append(epoch.plus(v.at())).append("\"></time>\n<div class=\"article-body\">\n");
        SiteChrome chrome = site.source().chrome();
        for (int i = 0; i < v.paragraphs().size(); i++) {
            String tag = v.headings().contains(i) ? "h2" : "p";
            html.append('<').append(tag).append('>').append(Entities.escape(v.paragraphs().get(i)))
                    .append("</").append(tag).append(">\n");
            if (i == 1) {
                chrome.inline().forEach(line -> html.append("<p>").append(Entities.escape(line)).append("</p>\n"));
            }
        }
        chrome.tail().forEach(line -> html.append("<p>").append(Entities.escape(line)).append("</p>\n"));
        html.append("</div></article>\n<aside class=\"related\"><h2>Most read</h2><ul><li><a href=\"/news/other\">")
                .append("Weather warning for the weekend</a></li></ul></aside></main>\n<footer>&copy; ")
                .append(publication).append(". All rights reserved.</footer></body></html>\n");
        return html.toString();
    }

    /** Published stories, newest first, with their first publication time. */
    private List<Map.Entry<Story, Instant>> published(Site site, Duration offset) {
        List<Map.Entry<Story, Instant>> out = new ArrayList<>();
        for (Story s : site.stories().values()) {
            if (s.versionAt(offset) >= 0) {
                out.add(Map.entry(s, epoch.plus(s.versions().getFirst().at())));
            }
        }
        out.sort(Map.Entry.<Story, Instant>comparingByValue(Comparator.reverseOrder()));
        return out;
    }

    private String link(Site site, Story s, boolean tracking) {
        boolean redirect = site.misbehaviour().redirectLinks();
        String url = site.baseUrl() + (redirect ? "/r/" : "/news/") + s.slug();
        return tracking || redirect ? url + "?utm_source=feed&utm_medium=rss" : url;
    }

    /** Returns {content type, document}. */
    private String[] feed(Site site, String path, Duration offset) {
        List<Map.Entry<Story, Instant>> items = published(site, offset);
        String base = site.baseUrl();
        return switch (path) {
            case "/feed.json" -> {
                List<Map<String, Object>> jsonItems = new ArrayList<>();
                for (var e : items) {
                    StoryVersion live = e.getKey().versions().get(e.getKey().versionAt(offset));
                    jsonItems.add(Map.of("id", site.source().name() + "/" + e.getKey().slug(),
                            "url", link(site, e.getKey(), false), "title", live.title(),
                            "date_published", e.getValue().toString()));
                }
                yield new String[] {"application/feed+json", Json.write(Map.of(
                        "version", "https://jsonfeed.org/version/1.1", "title", site.source().title(),
                        "home_page_url", base + "/", "items", jsonItems))};
            }
            // hand-written XML: crawler-commons reads sitemaps but has no writer, and these are two tiny templates
            case "/sitemap.xml" -> new String[] {"application/xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                      <sitemap><loc>%s/news-sitemap.xml</loc></sitemap>
                    </sitemapindex>
                    """.formatted(base)};
            case "/news-sitemap.xml" -> {
                StringBuilder xml = new StringBuilder("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" \
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                        """);
                for (var e : items) {
                    StoryVersion live = e.getKey().versions().get(e.getKey().versionAt(offset));
                    xml.append("<url><loc>").append(Entities.escape(link(site, e.getKey(), false)))
                            .append("</loc><news:news><news:publication><news:name>")
                            .append(Entities.escape(site.source().title()))
                            .append("</news:name><news:language>en</news:language></news:publication>")
                            .append("<news:publication_date>").append(e.getValue()).append("</news:publication_date>")
                            .append("<news:title>").append(Entities.escape(live.title()))
                            .append("</news:title></news:news></url>\n");
                }
                yield new String[] {"application/xml", xml.append("</urlset>\n").toString()};
            }
            default -> {
                boolean atom = path.equals("/feed.atom");
                SyndFeed feed = new SyndFeedImpl();
                feed.setFeedType(atom ? "atom_1.0" : "rss_2.0");
                feed.setTitle(site.source().title());
                feed.setLink(base + "/");
                feed.setUri(base + "/");
                feed.setDescription("Latest news from " + site.source().title());
                feed.setPublishedDate(Date.from(clock.instant()));
                List<SyndEntry> entries = new ArrayList<>();
                for (var e : items) {
                    StoryVersion live = e.getKey().versions().get(e.getKey().versionAt(offset));
                    SyndEntry entry = new SyndEntryImpl();
                    entry.setTitle(live.title());
                    entry.setLink(link(site, e.getKey(), !atom));
                    entry.setUri(site.source().name() + "-" + e.getKey().slug());
                    entry.setPublishedDate(Date.from(e.getValue()));
                    entry.setUpdatedDate(Date.from(e.getValue()));
                    SyndContentImpl summary = new SyndContentImpl();
                    summary.setType("text/plain");
                    summary.setValue(live.paragraphs().isEmpty() ? "" : live.paragraphs().getFirst());
                    entry.setDescription(summary);
                    entries.add(entry);
                }
                feed.setEntries(entries);
                try {
                    yield new String[] {atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8",
                            new SyndFeedOutput().outputString(feed)};
                } catch (FeedException e) {
                    throw new IllegalStateException("cannot write simulated feed", e);
                }
            }
        };
    }

    @Override
    public void close() {
        sites.values().forEach(s -> s.server().stop(0));
        executor.shutdownNow();
    }
}
