package dev.redline.cli;

import dev.redline.error.BadInput;
import dev.redline.json.Json;
import dev.redline.store.Article;
import dev.redline.store.Store;
import dev.redline.store.Version;
import dev.redline.text.Counted;
import dev.redline.trace.Reuse;
import dev.redline.trace.Tracer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;

/**
 * {@code redline import --format reuse FILE…}: loads the links of the Spark {@code reuse} job
 * (its {@code jsonl/} part files: one {@code {"copyUrl","copyVersion","sourceUrl","sourceVersion",
 * "coverage","containment",…}} per line) into the store as the tracker's own reuse events, so article
 * pages link copy and source. Every line is checked against the store before anything is written;
 * links already recorded are skipped.
 */
final class ReuseLinksFile {
    private ReuseLinksFile() {
    }

    /** One line of the job's output (other fields are ignored). */
    record Link(String copyUrl, Integer copyVersion, String sourceUrl, Integer sourceVersion, Double coverage,
                Double containment) {
    }

    private record Resolved(Reuse reuse, Instant at) {
    }

    static int load(Store store, List<Path> files, PrintWriter out) {
        List<Resolved> links = new ArrayList<>();
        for (Path file : files) {
            resolve(store, file, links);
        }
        Progress progress = Progress.start("import", links.size());
        int added = 0;
        for (Resolved link : links) {
            if (Tracer.record(store, link.reuse(), link.at())) {
                added++;
            }
            progress.step();
        }
        progress.finish(Counted.of(links.size(), "link") + ", " + added + " new");
        out.printf("imported %s: %d new%n", Counted.of(links.size(), "reuse link"), added);
        out.flush();
        return 0;
    }

    private static void resolve(Store store, Path file, List<Resolved> into) {
        if (!Files.isRegularFile(file)) {
            throw new BadInput(file + ": no such file");
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    into.add(resolve(store, file + ":" + number, line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Resolved resolve(Store store, String where, String line) {
        Link link;
        try {
            link = Json.MAPPER.readValue(line, Link.class);
        } catch (JacksonException e) {
            throw new BadInput(where + ": not a reuse link (JSON object expected)", e);
        }
        if (link.copyUrl() == null || link.copyVersion() == null || link.sourceUrl() == null || link.sourceVersion() == null) {
            throw new BadInput(where + ": a reuse link needs copyUrl, copyVersion, sourceUrl and sourceVersion");
        }
        Article copy = article(store, where, link.copyUrl());
        Article source = article(store, where, link.sourceUrl());
        Version copied = version(store, where, copy, link.copyVersion());
        version(store, where, source, link.sourceVersion());
        Reuse reuse = new Reuse(copy.id(), copy.url(), link.copyVersion(), source.id(), source.url(), link.sourceVersion(),
                link.coverage() == null ? 0 : link.coverage(), link.containment() == null ? 0 : link.containment());
        return new Resolved(reuse, copied.fetchedAt());
    }

    private static Article article(Store store, String where, String url) {
        return store.articleByUrl(url).orElseThrow(() -> new BadInput(where + ": " + Printable.of(url) + " is not in the store"));
    }

    private static Version version(Store store, String where, Article article, int n) {
        return store.versions(article.id()).stream().filter(v -> v.number() == n).findFirst()
                .orElseThrow(() -> new BadInput(where + ": " + Printable.of(article.url()) + " has no version " + n));
    }
}
