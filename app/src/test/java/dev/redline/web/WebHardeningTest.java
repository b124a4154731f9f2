package dev.redline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A forged Host header, Jetty's own error pages and the metrics endpoint. */
class WebHardeningTest {
    @TempDir
    Path dir;
    private WebFixture web;

    @AfterEach
    void close() {
        web.close();
    }

    @Test
    void aForgedHostHeaderMovesNoFeedLink() throws Exception {
        web = WebFixture.seeded(dir, WebServer.Options.defaults());
        for (String path : List.of("/feeds/changes.atom", "/articles/" + web.bridge.id() + "/changes.atom")) {
            String atom = body(raw("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                    + "Connection: close\r\n\r\n"));
            assertThat(links(atom)).isNotEmpty().allMatch(l -> l.startsWith(web.base() + "/"), "starts with " + web.base());
            assertThat(atom).doesNotContain("evil.example");
        }
    }

    @Test
    void aConfiguredBaseUrlIsUsedForEveryAbsoluteLink() throws Exception {
        web = WebFixture.seeded(dir, WebServer.Options.defaults().withBaseUrl("https://news-watch.example/redline/"));
        String atom = body(raw("GET /feeds/changes.atom HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"));
        assertThat(links(atom)).isNotEmpty().allMatch(l -> l.startsWith("https://news-watch.example/redline/"));
        assertThat(links(atom)).noneMatch(l -> l.contains("redline//"));
    }

    @Test
    void jettysOwnErrorPagesCarryTheSecurityHeaders() throws Exception {
        web = WebFixture.empty(dir);
        String tooLong = raw("GET /" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String garbage = raw("\u0001\u0002 NONSENSE\r\n\r\n");
        String badHeader = raw("GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n");
        for (String response : List.of(tooLong, garbage, badHeader)) {
            assertThat(response).as(response).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
            assertThat(response).as(response).contains("Content-Security-Policy: default-src 'none'")
                    .contains("X-Content-Type-Options: nosniff").contains("X-Frame-Options: DENY");
        }
        assertThat(tooLong).startsWith("HTTP/1.1 414");
        assertThat(garbage).startsWith("HTTP/1.1 400");
    }

    @Test
    void metricsNeedTheAdminTokenUnlessMadePublic() {
        web = WebFixture.empty(dir);
        assertThat(web.get("/metrics").statusCode()).isEqualTo(403);
        web.close();
        web = new WebFixture(dir.resolve("2"), store -> WebServer.Options.defaults().withAdminToken("s3cret"));
        assertThat(web.get("/metrics").statusCode()).isEqualTo(403);
        var withToken = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/metrics"))
                .header("Authorization", "Bearer s3cret").GET().build());
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("redline_articles");
        web.close();
        web = new WebFixture(dir.resolve("3"), store -> WebServer.Options.defaults().withPublicMetrics(true));
        assertThat(web.get("/metrics").statusCode()).isEqualTo(200);
        assertThat(web.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void bodiesOverOneMegabyteAreRefusedWithoutAServerError() {
        web = WebFixture.empty(dir);
        String huge = "x".repeat(3 << 20);
        var api = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/api/trace"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + huge + "\"}")).build());
        assertThat(api.statusCode()).isEqualTo(413);
        var form = web.postForm("/trace", "text=" + huge);
        assertThat(form.statusCode()).isEqualTo(413);
    }

    @Test
    void healthSaysWhenThePollingLoopHasStopped() throws Exception {
        AtomicBoolean alive = new AtomicBoolean(true);
        web = WebFixture.seeded(dir, WebServer.Options.defaults().withPolling(alive::get));
        var running = web.get("/health");
        assertThat(running.statusCode()).isEqualTo(200);
        assertThat(running.body()).contains("\"polling\":\"running\"").contains("\"status\":\"ok\"");
        alive.set(false);
        var stopped = web.get("/health");
        assertThat(stopped.statusCode()).isEqualTo(503);
        assertThat(stopped.body()).contains("\"polling\":\"stopped\"").contains("\"status\":\"polling stopped\"");
        web.close();
        web = WebFixture.empty(dir.resolve("off"));
        assertThat(web.get("/health").body()).contains("\"polling\":\"off\"");
    }

    /** The href targets inside an entry's HTML content (the diff and version links). */
    private static List<String> hrefs(String html) {
        return java.util.regex.Pattern.compile("href=\"([^\"]+)\"").matcher(html).results().map(m -> m.group(1)).toList();
    }

    private static List<String> links(String atom) throws Exception {
        SyndFeed feed = new SyndFeedInput().build(new StringReader(atom));
        List<String> links = new ArrayList<>();
        feed.getLinks().stream().map(SyndLink::getHref).forEach(links::add);
        links.add(feed.getUri());
        for (SyndEntry e : feed.getEntries()) {
            links.add(e.getLink());
            if (!e.getUri().startsWith("urn:redline:")) { // entry ids are stable URNs, not links
                links.add(e.getUri());
            }
            links.addAll(hrefs(e.getContents().isEmpty() ? "" : e.getContents().getFirst().getValue()));
        }
        return links;
    }

    private static String body(String response) {
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        // chunked transfer: the feed is the part between the first chunk size line and the last chunk
        return body.substring(body.indexOf('<'), body.lastIndexOf('>') + 1);
    }

    /** One request as raw bytes (the JDK's client refuses to set Host), the whole response as text. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), web.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
