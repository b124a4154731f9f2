package dev.redline.cli;

import dev.redline.error.BadInput;
import dev.redline.json.Json;
import dev.redline.newsedits.EditRow;
import dev.redline.newsedits.NewsEdits;
import dev.redline.service.Services;
import dev.redline.store.Article;
import dev.redline.store.History;
import dev.redline.store.Source;
import dev.redline.store.Store;
import dev.redline.store.Version;
import dev.redline.text.Counted;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code redline export}: every article's history in the {@link History} shape (what
 * {@code redline import} reads), or with {@code --format newsedits} its sentence operations between
 * consecutive versions ({@link NewsEdits}), as JSON Lines on stdout or in a file, or one file per
 * article in a folder. A file is written under a temporary name and moved into place when complete.
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write every article's history as JSON Lines (or one file per article into a folder).")
public final class ExportCommand implements Callable<Integer> {
    private static final int PAGE = 500;

    @ParentCommand
    Redline root;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE|DIR",
            description = "JSON Lines file, or an existing folder (or a path ending in '/') for one FILE per article; default stdout")
    String outOption; // kept as typed: converting to a Path drops the trailing '/' that asks for a folder

    @Option(names = "--format", defaultValue = "history", paramLabel = "history|newsedits",
            description = "history: one history object per article (default); newsedits: one row per sentence operation between consecutive versions")
    String format;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("history") && !format.equals("newsedits")) {
            throw new BadInput("--format must be history or newsedits, not '" + format + "'");
        }
        Path out = outPath();
        try (Services services = root.services()) {
            Store store = services.store();
            boolean perArticle = out != null && (Files.isDirectory(out) || endsWithSeparator(outOption));
            if (perArticle) {
                if (Files.exists(out) && !Files.isDirectory(out)) {
                    throw new BadInput("--out " + outOption + " asks for a folder, but " + out + " is a file");
                }
                Files.createDirectories(out);
                return exportTo(store, history -> {
                    String lines = lines(history);
                    if (!lines.isEmpty()) { // newsedits of a one-version article: no file
                        AtomicFile.write(out.resolve("article-" + history.id() + (format.equals("history") ? ".json" : ".jsonl")),
                                w -> w.write(lines));
                    }
                });
            }
            if (out == null) {
                Writer stdout = spec.commandLine().getOut();
                int code = exportTo(store, history -> stdout.write(lines(history)));
                stdout.flush();
                return code;
            }
            int[] code = new int[1];
            AtomicFile.write(out, w -> code[0] = exportTo(store, history -> w.write(lines(history))));
            return code[0];
        } catch (UncheckedIOException e) {
            throw new BadInput("cannot write " + out + ": " + e.getCause().getMessage(), e);
        }
    }

    private Path outPath() {
        if (outOption == null) {
            return null;
        }
        try {
            return Path.of(outOption);
        } catch (InvalidPathException e) {
            throw new BadInput("--out '" + outOption + "' is not a valid path: " + e.getMessage(), e);
        }
    }

    private static boolean endsWithSeparator(String path) {
        return path.endsWith("/") || path.endsWith(FileSystems.getDefault().getSeparator());
    }

    /** The article's output lines in the chosen format, each ending in a newline. */
    private String lines(Exported exported) {
        History history = exported.history();
        if (format.equals("history")) {
            return Json.write(history) + "\n";
        }
        StringBuilder sb = new StringBuilder();
        List<NewsEdits.Version> versions = exported.versions().stream()
                .map(v -> new NewsEdits.Version(v.number(), v.fetchedAt(), v.text(), v.boring())).toList();
        for (EditRow row : NewsEdits.rows(history.url(), history.source(), versions)) {
            sb.append(Json.write(row)).append('\n');
        }
        return sb.toString();
    }

    record Exported(long id, History history, List<Version> versions) {
    }

    interface Sink {
        void accept(Exported history) throws IOException;
    }

    private int exportTo(Store store, Sink sink) throws IOException {
        Progress progress = Progress.start("export", store.articleCount());
        // sources are few: one read of their names, not a query per exported article
        Map<Long, String> sourceNames = store.sources().stream().collect(Collectors.toMap(Source::id, Source::name));
        long versions = 0;
        long after = 0;
        List<Article> page;
        while (!(page = store.articlesAfter(after, PAGE)).isEmpty()) {
            for (Article article : page) {
                List<Version> history = store.versions(article.id());
                if (!history.isEmpty()) {
                    String sourceName = article.sourceId() == null ? null : sourceNames.get(article.sourceId());
                    sink.accept(new Exported(article.id(), History.of(article, sourceName, history, store.events(article.id())), history));
                    versions += history.size();
                }
                progress.step();
                after = article.id();
            }
        }
        progress.finish(Counted.of(progress.done(), "article") + ", " + Counted.of(versions, "version"));
        return 0;
    }
}
