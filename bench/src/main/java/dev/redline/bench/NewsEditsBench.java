package dev.redline.bench;

import dev.redline.article.ArticleText;
import dev.redline.json.Json;
import dev.redline.newsedits.EditRow;
import dev.redline.newsedits.NewsEdits;
import dev.redline.store.History;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The single-machine side of the Spark {@code edits} benchmark (bench/spark.sh).
 * {@code generate FILE ARTICLES} writes a synthetic archive ({@link SyntheticNews}) in the
 * {@code redline export} history shape; {@code export IN OUT} builds its NewsEdits rows in one
 * thread exactly as {@code redline export --format newsedits} does per article (core's
 * {@link NewsEdits#rows}, then the CLI's JSON writer), reading the file instead of the store, and
 * prints rows, wall and CPU seconds.
 */
public final class NewsEditsBench {
    private static final Instant T0 = Instant.parse("2026-01-05T06:00:00Z");

    private NewsEditsBench() {
    }

    public static void main(String[] args) throws IOException {
        switch (args.length == 3 ? args[0] : "") {
            case "generate" -> generate(Path.of(args[1]), Long.parseLong(args[2]));
            case "export" -> export(Path.of(args[1]), Path.of(args[2]));
            default -> {
                System.err.println("usage: NewsEditsBench generate FILE ARTICLES | export IN OUT");
                System.exit(2);
            }
        }
    }

    private static void generate(Path file, long articles) throws IOException {
        SyntheticNews news = new SyntheticNews();
        long pairs = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long a = 0; a < articles; a++) {
                int count = news.versions(a);
                List<History.Entry> versions = new ArrayList<>(count);
                for (int v = 0; v < count; v++) {
                    ArticleText text = news.version(a, v);
                    versions.add(new History.Entry(v, T0.plusSeconds(a * 60 + v * 5400L), text.title(), text.byline(),
                            text.paragraphs(), false));
                }
                pairs += count - 1;
                out.write(Json.write(new History("https://source-" + news.source(a) + ".example/news/" + a,
                        "source-" + news.source(a), null, versions, List.of())));
                out.write('\n');
            }
        }
        System.out.printf("generated %d articles, %d version pairs in %s%n", articles, pairs, file);
    }

    private static void export(Path in, Path out) throws IOException {
        long started = System.nanoTime();
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long rows = 0;
        long pairs = 0;
        try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                History history = Json.MAPPER.readValue(line, History.class);
                List<NewsEdits.Version> versions = history.versions().stream()
                        .map(e -> new NewsEdits.Version(e.n(), e.fetchedAt(), e.text(), e.boring())).toList();
                pairs += Math.max(0, versions.size() - 1);
                for (EditRow row : NewsEdits.rows(history.url(), history.source(), versions)) {
                    writer.write(Json.write(row));
                    writer.write('\n');
                    rows++;
                }
            }
        }
        double wall = (System.nanoTime() - started) / 1e9;
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("export: %d pairs, %d rows, %.1f s wall, %.1f s CPU, %.0f rows/s%n", pairs, rows, wall, cpu, rows / wall);
    }
}
