package dev.redline.cli;

import dev.redline.article.ArticleText;
import dev.redline.diff.Diff;
import dev.redline.diff.DiffResult;
import dev.redline.extract.ExtractRules;
import dev.redline.store.FieldHashes;
import dev.redline.store.History;
import dev.redline.store.NewVersion;
import dev.redline.store.Source;
import dev.redline.store.Store;
import dev.redline.store.Version;
import dev.redline.store.VersionField;
import dev.redline.text.Counted;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code redline import FILE…}: loads article histories (the {@code history --format json} shape,
 * one object per file or JSON Lines) into the store. Every file is checked completely before
 * anything is written, so a bad file changes nothing. Each history is written in one transaction,
 * and versions already stored are skipped, so importing the same file again adds nothing.
 * A named source that does not exist yet is created without feeds (so it is kept, not polled).
 * Changed fields come from the normalised fields ({@link FieldHashes}); the boring flag and reason
 * from {@link Diff#compare}, unless the file states {@code boring} itself.
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Load article histories (JSON object per file, or JSON Lines) into the store.")
public final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    Redline root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "History files: one JSON object, or one per line")
    List<Path> files;

    @Override
    public Integer call() {
        long total = 0;
        for (Path file : files) {
            total += HistoryFile.read(file, item -> { });
        }
        Progress progress = Progress.start("import", total);
        int[] added = new int[1];
        int[] events = new int[1];
        int[] unchanged = new int[1];
        List<String> conflicts = new ArrayList<>();
        try (Store store = CliStore.open(root)) {
            for (Path file : files) {
                HistoryFile.read(file, item -> {
                    try {
                        Imported n = importOne(store, item);
                        added[0] += n.versions();
                        events[0] += n.events();
                        if (n.versions() + n.events() == 0) {
                            unchanged[0]++;
                        }
                    } catch (IllegalArgumentException e) {
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
            throw new UserException(Counted.of(conflicts.size(), "history", "histories") + " refused, nothing of "
                    + (conflicts.size() == 1 ? "it" : "them") + " written; " + (conflicts.size() == 1 ? "" : "first: ")
                    + conflicts.getFirst());
        }
        return 0;
    }

    /** What one history added: versions appended and events recorded. */
    private record Imported(int versions, int events) {
    }

    private static Imported importOne(Store store, HistoryFile.Item item) {
        History history = item.history();
        Long sourceId = null;
        if (history.source() != null) {
            sourceId = store.source(history.source())
                    .orElseGet(() -> addFeedlessSource(store, history.source())).id();
        }
        // The predecessor of the first entry is the newest stored version, if any.
        ArticleText previous = store.articleByUrl(history.url())
                .map(a -> store.versions(a.id()))
                .filter(vs -> !vs.isEmpty())
                .map(vs -> vs.getLast().text())
                .orElse(null);
        List<NewVersion> versions = new ArrayList<>();
        for (int i = 0; i < history.versions().size(); i++) {
            History.Entry entry = history.versions().get(i);
            ArticleText text = entry.text();
            Set<VersionField> changed = previous == null ? Set.of() : FieldHashes.changedFields(previous, text);
            Boolean stated = item.boring().get(i);
            boolean boring = false;
            String reason = null;
            if (previous != null && !changed.isEmpty()) {
                DiffResult diff = Diff.compare(previous, text);
                boring = diff.boring();
                reason = diff.boringReason();
            }
            if (stated != null && stated != boring) {
                // The archive's own judgement wins; our rule's reason would not explain it.
                boring = stated;
                reason = null;
            }
            versions.add(new NewVersion(entry.fetchedAt(), text, changed, boring, reason, null));
            previous = text;
        }
        List<Version> appended = store.importHistory(history.url(), sourceId, versions);
        long articleId = store.articleByUrl(history.url()).orElseThrow().id();
        int events = store.importLifecycle(articleId, history.status(),
                history.events().stream().map(e -> e.of(articleId)).toList());
        return new Imported(appended.size(), events);
    }

    private static Source addFeedlessSource(Store store, String name) {
        try {
            return store.addSource(name, List.of(), List.of(), ExtractRules.NONE);
        } catch (IllegalArgumentException raced) {
            return store.source(name).orElseThrow(() -> raced);
        }
    }
}
