package dev.redline.cli;

import static dev.redline.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.redline.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ExtractCommandTest {
    private static final String FIRST = page("Lighthouse keeper retires after four decades",
            "Ada Brennan", "The keeper of Gull Point light, Ewan Marsh, climbed its 132 steps for the last time on Friday after "
                    + "forty-one years of service, handing the keys to the coastguard, which will run the light remotely.",
            "Marsh said he would miss the storms most of all, and the long nights reading by the lamp while the beam "
                    + "swept the bay, but not the stairs, which he said had grown longer every winter since 1990.");
    private static final String SECOND = page("Lighthouse keeper retires after 41 years",
            "Ada Brennan", "The keeper of Gull Point light, Ewan Marsh, climbed its 132 steps for the last time on Saturday after "
                    + "forty-one years of service, handing the keys to the coastguard, which will run the light remotely.",
            "Marsh said he would miss the storms most of all, and the long nights reading by the lamp while the beam "
                    + "swept the bay, but not the stairs, which he said had grown longer every winter since 1990.");

    @TempDir
    Path dir;

    private static String page(String title, String author, String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            body.append("<p>").append(p).append("</p>\n");
        }
        return """
                <html lang="en"><head><meta charset="utf-8"><title>%s | Bay News</title>
                <meta name="author" content="%s"><link rel="canonical" href="https://bay.example/keeper">
                <meta property="article:published_time" content="2026-02-06T09:00:00Z"></head>
                <body><nav><a href="/">Home</a></nav><article><h1>%s</h1>%s</article></body></html>
                """.formatted(title, author, title, body);
    }

    private Path write(String name, String html) throws IOException {
        return Files.writeString(dir.resolve(name), html, StandardCharsets.UTF_8);
    }

    private Path writeGzip(String name, String html) throws IOException {
        Path path = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path))) {
            out.write(html.getBytes(StandardCharsets.UTF_8));
        }
        return path;
    }

    @Test
    void outFolderGetsOneJsonPerInputWithExactlyTheDocumentedKeys() throws IOException {
        Path html = write("keeper.html", FIRST);
        Path gz = writeGzip("keeper-later.html.gz", SECOND);
        Path out = dir.resolve("out");

        CliRun r = run("extract", html.toString(), gz.toString(), "--out", out.toString());

        assertThat(r.code()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("keeper-later.json", "keeper.json");
        }
        JsonNode json = Json.MAPPER.readTree(Files.readString(out.resolve("keeper.json")));
        List<String> keys = new ArrayList<>(json.propertyNames());
        assertThat(keys).containsExactly("url", "title", "byline", "published", "modified", "language", "paragraphs",
                "blocks", "text", "verdict");
        assertThat(json.get("verdict").get("kind").asString()).isEqualTo("article");
        assertThat(json.get("verdict").get("reason").isNull()).isTrue();
        assertThat(json.get("blocks")).hasSize(2);
        assertThat(json.get("blocks").get(0).get("kind").asString()).isEqualTo("paragraph");
        assertThat(json.get("blocks").get(0).get("text").asString()).isEqualTo(json.get("paragraphs").get(0).asString());
        assertThat(json.get("url").asString()).isEqualTo("https://bay.example/keeper");
        assertThat(json.get("title").asString()).isEqualTo("Lighthouse keeper retires after four decades");
        assertThat(json.get("byline").asString()).isEqualTo("Ada Brennan");
        assertThat(json.get("published").asString()).isEqualTo("2026-02-06T09:00:00Z");
        assertThat(json.get("modified").isNull()).isTrue();
        assertThat(json.get("language").asString()).isEqualTo("en");
        assertThat(json.get("paragraphs")).hasSize(2);
        assertThat(json.get("text").asString()).isEqualTo(
                json.get("paragraphs").get(0).asString() + "\n" + json.get("paragraphs").get(1).asString());
        JsonNode later = Json.MAPPER.readTree(Files.readString(out.resolve("keeper-later.json")));
        assertThat(later.get("text").asString()).contains("on Saturday");
    }

    @Test
    void badInputsAreReportedWhileTheOthersAreStillWritten() throws IOException {
        Path good = write("good.html", FIRST);
        Path notHtml = Files.writeString(dir.resolve("notes.txt"), "hello");
        Path out = dir.resolve("out");

        CliRun r = run("extract", dir.resolve("missing.html").toString(), notHtml.toString(), good.toString(), "--out", out.toString());

        assertThat(r.code()).isEqualTo(Redline.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("missing.html: no such file")
                .contains("notes.txt: not an HTML file")
                .contains("2 of 3 inputs failed");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("good.json");
        }
    }

    @Test
    void jsonAndTextFormatsOnStdout() throws IOException {
        Path html = write("keeper.html", FIRST);

        CliRun json = run("extract", "--format", "json", html.toString());
        assertThat(json.code()).isZero();
        assertThat(Json.MAPPER.readTree(json.out().strip()).get("title").asString())
                .isEqualTo("Lighthouse keeper retires after four decades");

        CliRun text = run("extract", html.toString());
        assertThat(text.code()).isZero();
        assertThat(text.out()).startsWith("Lighthouse keeper retires after four decades\n")
                .contains("by Ada Brennan")
                .contains("The keeper of Gull Point light");
    }

    @Test
    void folderInputMeansItsHtmlFilesAndPageWithoutArticleIsSaidClearly() throws IOException {
        write("a.html", FIRST);
        write("empty.htm", "<html><body><nav><a href='/'>Home</a></nav></body></html>");
        Files.writeString(dir.resolve("skip.txt"), "not a page");
        Path out = Files.createDirectories(dir.resolve("sub")).resolveSibling("out");

        CliRun r = run("extract", dir.toString(), "--out", out.toString());

        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("empty.htm: no article found");
        assertThat(Files.exists(out.resolve("a.json"))).isTrue();
        JsonNode empty = Json.MAPPER.readTree(Files.readString(out.resolve("empty.json")));
        assertThat(empty.get("paragraphs")).isEmpty();
        assertThat(empty.get("text").asString()).isEmpty();
    }

    @Test
    void urlInputGoesThroughTheFetcherAndItsPrivateAddressGuard() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/keeper", exchange -> {
            byte[] body = FIRST.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/keeper";

            CliRun refused = run("extract", url);
            assertThat(refused.code()).isEqualTo(Redline.EXIT_BAD_INPUT);
            assertThat(refused.err()).contains(url).contains("--allow-private-network");

            CliRun allowed = run("extract", "--allow-private-network", "--format", "json", url);
            assertThat(allowed.code()).isZero();
            assertThat(Json.MAPPER.readTree(allowed.out().strip()).get("paragraphs")).hasSize(2);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void diffReadsHtmlPagesThroughTheExtractor() throws IOException {
        Path older = write("v1.html", FIRST);
        Path newer = writeGzip("v2.html.gz", SECOND);

        CliRun r = run("diff", "--no-color", older.toString(), newer.toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Saturday").contains("41 years");
    }

    @Test
    void diffRefusesAnHtmlPageWithoutArticle() throws IOException {
        Path older = write("v1.html", FIRST);
        Path empty = write("empty.html", "<html><body><p>Nothing here.</p></body></html>");

        CliRun r = run("diff", older.toString(), empty.toString());

        assertThat(r.code()).isEqualTo(Redline.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("empty.html: no article found");
    }
}
