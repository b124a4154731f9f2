package dev.redline.cli;

import dev.redline.json.Json;
import dev.redline.store.Article;
import dev.redline.store.History;
import dev.redline.store.JdbcStore;
import dev.redline.store.Source;
import dev.redline.store.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code redline export}: every article's history in the {@link History} shape (what
 * {@code redline import} reads), as JSON Lines on stdout or in a file, or one JSON file per article
 * in a folder. A file is written under a temporary name and moved into place when complete.
 */
@Command(name = "export", description = "Write every article's history as JSON Lines (or one file per article into a folder).")
public final class ExportCommand implements Callable<Integer> {
    private static final int PAGE = 500;

    @ParentCommand
    Redline root;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE|DIR",
            description = "JSON Lines file, or an existing folder (or a path ending in '/') for one FILE per article; default stdout")
    Path out;

    @Override
    public Integer call() throws IOException {
        try (JdbcStore store = CliStore.open(root)) {
            boolean perArticle = out != null && (Files.isDirectory(out) || out.toString().endsWith("/"));
            if (perArticle) {
                Files.createDirectories(out);
                return exportTo(store, history -> writeAtomically(out.resolve("article-" + history.id() + ".json"),
                        w -> w.write(Json.write(history.history()) + "\n")));
            }
            if (out == null) {
                Writer stdout = spec.commandLine().getOut();
                int code = exportTo(store, history -> stdout.write(Json.write(history.history()) + "\n"));
                stdout.flush();
                return code;
            }
            int[] code = new int[1];
            writeAtomically(out, w -> code[0] = exportTo(store, history -> w.write(Json.write(history.history()) + "\n")));
            return code[0];
        } catch (UncheckedIOException e) {
            throw new UserException("cannot write " + out + ": " + e.getCause().getMessage(), e);
        }
    }

    record Exported(long id, History history) {
    }

    interface Sink {
        void accept(Exported history) throws IOException;
    }

    interface Body {
        void write(Writer writer) throws IOException;
    }

    private int exportTo(JdbcStore store, Sink sink) throws IOException {
        Progress progress = Progress.start("export", store.articleCount());
        Map<Long, String> sourceNames = new HashMap<>();
        long versions = 0;
        long after = 0;
        List<Article> page;
        while (!(page = store.articlesAfter(after, PAGE)).isEmpty()) {
            for (Article article : page) {
                List<Version> history = store.versions(article.id());
                if (!history.isEmpty()) {
                    String sourceName = article.sourceId() == null ? null
                            : sourceNames.computeIfAbsent(article.sourceId(), id -> store.source(id).map(Source::name).orElse(null));
                    sink.accept(new Exported(article.id(), History.of(article, sourceName, history)));
                    versions += history.size();
                }
                progress.step();
                after = article.id();
            }
        }
        progress.finish(progress.done() + " articles, " + versions + " versions");
        return 0;
    }

    private static void writeAtomically(Path file, Body body) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
