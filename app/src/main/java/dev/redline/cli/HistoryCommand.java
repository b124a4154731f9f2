package dev.redline.cli;

import dev.redline.change.HeadlineTest;
import dev.redline.change.VersionChange;
import dev.redline.editing.ArticleChanges;
import dev.redline.editing.EditingHistory;
import dev.redline.error.NotFound;
import dev.redline.json.Json;
import dev.redline.service.Services;
import dev.redline.store.Article;
import dev.redline.store.ArticleEvent;
import dev.redline.store.Store;
import dev.redline.store.Version;
import dev.redline.store.VersionField;
import dev.redline.text.Counted;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code redline history URL}: every stored version of one article, as a summary or as JSON. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Every version of an article: a summary (text) or the full texts (json).")
public final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    Redline root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL|ID", description = "The article: any form of its URL, or its id")
    String url;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Services services = root.services()) {
            Store store = services.store();
            Article article = ArticleRef.find(store, url).orElseThrow(() -> new NotFound(
                    "no tracked article with " + (ArticleRef.isId(url) ? "id " : "URL ") + Printable.of(url)));
            String sourceName = store.sourceName(article.sourceId());
            List<Version> versions = store.versions(article.id());
            ArticleChanges changes = new EditingHistory(store).article(article, services.settings().clock().instant());
            if (format == OutputFormat.json) {
                out.println(Json.write(changes.history(sourceName)));
            } else {
                out.printf("%s%n  source %s, %s, %s%n", Printable.of(article.url()), sourceName == null ? "(none)" : Printable.of(sourceName),
                        article.status(), Counted.of(versions.size(), "version"));
                for (Version v : versions) {
                    String changed = v.number() == 0 ? "first seen"
                            : v.changed().isEmpty() ? "no field changed"
                            : "changed " + v.changed().stream().sorted().map(VersionField::toString).collect(Collectors.joining(", "));
                    String boring = v.boring() ? " (boring" + (v.boringReason() == null ? "" : ": " + v.boringReason()) + ")" : "";
                    out.printf("  v%-3d %s  %s%s%s%n        %s%n", v.number(), v.fetchedAt(), changed, Printable.of(boring),
                            Printable.of(kinds(changes.change(v.number()))), Printable.of(v.text().title()));
                }
                for (HeadlineTest t : changes.headlineTests()) {
                    out.printf("  headline test %s to %s: %s%n", t.firstSeen(), t.lastSeen(), Printable.of(String.join(" | ", t.variants())));
                }
                for (ArticleEvent e : changes.events()) {
                    out.printf("  %s %s%s%n", e.at(), Printable.of(e.kind().toString()), e.detail() == null ? "" : " " + Printable.of(e.detail()));
                }
            }
        }
        out.flush();
        return 0;
    }

    /** " [correction note, stealth: 12 → 21]": what kind of change, for the summary line. */
    private static String kinds(VersionChange change) {
        List<String> parts = new ArrayList<>();
        change.notes().forEach(n -> parts.add(n.kind() + " note"));
        if (change.stealth()) {
            parts.add("stealth: " + change.facts().stream()
                    .map(f -> (f.oldText() == null ? "(none)" : f.oldText()) + " → " + (f.newText() == null ? "(removed)" : f.newText()))
                    .collect(Collectors.joining("; ")));
        }
        return parts.isEmpty() ? "" : " [" + String.join(", ", parts) + "]";
    }
}
