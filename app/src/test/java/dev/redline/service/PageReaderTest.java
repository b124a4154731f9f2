package dev.redline.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.redline.article.ArticleText;
import dev.redline.error.BadInput;
import dev.redline.fetch.FetchConfig;
import dev.redline.fetch.Fetcher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one fetch, status, extract path against a real HTTP server on loopback. */
class PageReaderTest {
    private static final String STORY = "<html><head><title>Lighthouse keeper retires after forty years</title></head><body><article>"
            + "<h1>Lighthouse keeper retires after forty years</h1>"
            + "<p>The last keeper of the Skerry light handed over the keys on Friday after forty years on the rock.</p>"
            + "<p>The light has been automatic since the spring, and the cottage will become a small museum.</p>"
            + "</article></body></html>";

    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = (path.equals("/story") ? STORY : "<html><body><p>Menu</p></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            int status = path.equals("/gone") ? 410 : 200;
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static PageReader reader(boolean allowPrivate) {
        return new PageReader(Fetcher.standalone(FetchConfig.defaults().withAllowPrivateNetwork(allowPrivate)
                .withHostDelay(Duration.ZERO), Clock.systemUTC()));
    }

    @Test
    void readsTheArticleOfAPage() {
        ArticleText text = reader(true).read(base + "/story");
        assertThat(text.title()).isEqualTo("Lighthouse keeper retires after forty years");
        assertThat(text.paragraphs()).hasSize(2);
        assertThat(reader(true).fetch(base + "/story").url()).isEqualTo(base + "/story");
    }

    @Test
    void everyFailureIsABadInputNamingTheUrl() {
        PageReader reader = reader(true);
        assertThatThrownBy(() -> reader.read(base + "/gone")).isInstanceOf(BadInput.class)
                .hasMessage(base + "/gone answered HTTP 410");
        assertThatThrownBy(() -> reader.read(base + "/menu")).isInstanceOf(BadInput.class)
                .hasMessageStartingWith(base + "/menu: ");
        assertThatThrownBy(() -> reader.read("ftp://files.example/story")).isInstanceOf(BadInput.class)
                .hasMessage("not an http(s) URL: ftp://files.example/story");
        assertThatThrownBy(() -> reader.read("http://bad host/<>")).isInstanceOf(BadInput.class)
                .hasMessageStartingWith("not a valid URL: http://bad host/<>");
        assertThatThrownBy(() -> reader(false).read(base + "/story")).isInstanceOf(BadInput.class)
                .hasMessageStartingWith("cannot fetch " + base + "/story: ")
                .hasMessageContaining("--allow-private-network");
    }
}
