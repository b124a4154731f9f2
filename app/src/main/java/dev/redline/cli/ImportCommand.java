package dev.redline.cli;

import dev.redline.error.BadInput;
import dev.redline.error.Conflict;
import dev.redline.error.UserError;
import dev.redline.extract.ExtractRules;
import dev.redline.ingest.Observation;
import dev.redline.ingest.VersionRecorder;
import dev.redline.service.Services;
import dev.redline.store.History;
import dev.redline.store.Source;
import dev.redline.store.Store;
import dev.redline.text.Counted;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code redline import FILE…}: loads article histories (the {@code history --format json} shape,
 * one object per file or JSON Lines) into the store. Every file is checked completely before
 * anything is written, so a bad file changes nothing. Each history is written in one transaction,
 * and versions already stored are skipped, so importing the same file again adds nothing.
 * A named source that does not exist yet is created without feeds (so it is kept, not polled).
 * Versions go through the {@link VersionRecorder}, the path tracking uses: changed fields, the
 * boring flag (unless the file states {@code boring} itself), and the analysers, so an imported
 * history is in the trace index at once. With {@code --format newsedits-sqlite} the files are
 * NewsEdits SQLite dumps ({@link NewsEditsDump}); with {@code --format reuse} they are reuse links
 * from the Spark job ({@link ReuseLinksFile}).
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Load article histories (JSON object per file, or JSON Lines) into the store.")
public final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    Redline root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "History files: one JSON object, or one per line")
    List<Path> files;

    @Option(names = "--format", defaultValue = "history", paramLabel = "history|newsedits-sqlite|reuse",
            description = "history: the export/history JSON shape (default); newsedits-sqlite: a NewsEdits SQLite dump"
                    + " (split_sentences); reuse: links written by ./redline-spark reuse (its jsonl/ part files)")
    String format;

    @Override
    public Integer call() {
        if (format.equals("reuse")) {
            try (Services services = Services.create(Services.Settings.of(root.config()))) {
                return ReuseLinksFile.load(services.store(), files, spec.commandLine().getOut());
            }
        }
        Reader reader = switch (format) {
            case "history" -> HistoryFile::read;
            case "newsedits-sqlite" -> NewsEditsDump::read;
            default -> throw new BadInput("--format must be history, newsedits-sqlite or reuse, not '" + format + "'");
        };
        long total = 0;
        for (Path file : files) {
            total += reader.read(file, item -> { });
        }
        Progress progress = Progress.start("import", total);
        int[] added = new int[1];
        int[] events = new int[1];
        int[] unchanged = new int[1];
        List<String> conflicts = new ArrayList<>();
        try (Services services = Services.create(Services.Settings.of(root.config()))) {
            services.recorder(); // opens the store: an unusable database ends the command, it is no conflict
            for (Path file : files) {
                reader.read(file, item -> {
                    try {
                        Imported n = importOne(services, item);
                        added[0] += n.versions();
                        events[0] += n.events();
                        if (n.versions() + n.events() == 0) {
                            unchanged[0]++;
                        }
                    } catch (UserError e) {
                        conflicts.add(item.where() + ": " + item.history().url() + ": " + e.getMessage());
                    }
                    progress.step();
                });
            }
        }
        progress.finish(Counted.of(total, "history", "histories") + ", " + Counted.of(added[0], "version") + " added, "
                + unchanged[0] + " already stored" + (conflicts.isEmpty() ? "" : ", " + conflicts.size() + " refused"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("imported %s: %s added%s%n", Counted.of(total - conflicts.size(), "history", "histories"),
                Counted.of(added[0], "version"), events[0] == 0 ? "" : ", " + Counted.of(events[0], "event") + " kept");
        out.flush();
        if (!conflicts.isEmpty()) {
            throw new BadInput(Counted.of(conflicts.size(), "history", "histories") + " refused, nothing of "
                    + (conflicts.size() == 1 ? "it" : "them") + " written; " + (conflicts.size() == 1 ? "" : "first: ")
                    + conflicts.getFirst());
        }
        return 0;
    }

    /** What one history added: versions appended and events recorded. */
    private record Imported(int versions, int events) {
    }

    /** Reads every history of one file into the sink; returns how many. */
    private interface Reader {
        int read(Path file, HistoryFile.Sink sink);
    }

    private static Imported importOne(Services services, HistoryFile.Item item) {
        Store store = services.store();
        History history = item.history();
        Long sourceId = null;
        if (history.source() != null) {
            sourceId = store.source(history.source())
                    .orElseGet(() -> addFeedlessSource(store, history.source())).id();
        }
        List<VersionRecorder.Archived> entries = new ArrayList<>(history.versions().size());
        for (int i = 0; i < history.versions().size(); i++) {
            History.Entry entry = history.versions().get(i);
            entries.add(new VersionRecorder.Archived(new Observation(entry.fetchedAt(), entry.text(), null),
                    item.boring().get(i)));
        }
        int appended = services.recorder().recordHistory(history.url(), sourceId, entries).size();
        long articleId = store.articleByUrl(history.url()).orElseThrow().id();
        int events = store.importLifecycle(articleId, history.status(),
                history.events().stream().map(e -> e.of(articleId)).toList());
        return new Imported(appended, events);
    }

    private static Source addFeedlessSource(Store store, String name) {
        try {
            return store.addSource(name, List.of(), List.of(), ExtractRules.NONE);
        } catch (Conflict raced) {
            return store.source(name).orElseThrow(() -> raced);
        }
    }
}
