package dev.redline.cli;

import dev.redline.error.BadInput;
import dev.redline.error.NotFound;
import dev.redline.extract.ExtractRules;
import dev.redline.json.Json;
import dev.redline.push.SourceStatus;
import dev.redline.service.Services;
import dev.redline.store.Source;
import dev.redline.store.SourceHealth;
import dev.redline.store.Store;
import dev.redline.store.Subscription;
import dev.redline.text.Counted;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code redline source add|list|remove}: the news sources Redline follows. */
@Command(name = "source", mixinStandardHelpOptions = true, description = "Add, list (with health) and remove the news sources to follow.",
        subcommands = {SourceCommand.Add.class, SourceCommand.ListSources.class, SourceCommand.Remove.class})
public final class SourceCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Follow a news source through its feeds and/or news sitemaps.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        SourceCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "Short unique name, e.g. daily-planet")
        String name;

        @Option(names = "--feed", paramLabel = "URL", description = "RSS, Atom or JSON Feed URL (repeatable)")
        List<String> feeds = new ArrayList<>();

        @Option(names = "--sitemap", paramLabel = "URL", description = "News sitemap or sitemap index URL (repeatable)")
        List<String> sitemaps = new ArrayList<>();

        @Option(names = "--body-selector", paramLabel = "CSS", description = "Elements whose text is the body (repeatable)")
        List<String> bodySelectors = new ArrayList<>();

        @Option(names = "--title-selector", paramLabel = "CSS", description = "Element whose text is the headline")
        String titleSelector;

        @Option(names = "--remove-selector", paramLabel = "CSS", description = "Elements to drop before extraction (repeatable)")
        List<String> removeSelectors = new ArrayList<>();

        @Override
        public Integer call() {
            if (!Source.validName(name)) {
                throw new BadInput("source name '" + name + "' must be " + Source.NAME_RULE);
            }
            if (feeds.isEmpty() && sitemaps.isEmpty()) {
                throw new BadInput("source '" + name + "' needs at least one --feed or --sitemap URL");
            }
            feeds.forEach(url -> HttpUrl.require("--feed", url));
            sitemaps.forEach(url -> HttpUrl.require("--sitemap", url));
            bodySelectors.forEach(css -> checkSelector("--body-selector", css));
            removeSelectors.forEach(css -> checkSelector("--remove-selector", css));
            if (titleSelector != null) {
                checkSelector("--title-selector", titleSelector);
            }
            try (Services services = parent.root.services()) {
                Store store = services.store();
                Source source = store.addSource(name, feeds, sitemaps,
                        new ExtractRules(bodySelectors, titleSelector, removeSelectors));
                spec.commandLine().getOut().printf("added source %s: %s, %s%n",
                        source.name(), Counted.of(source.feeds().size(), "feed"), Counted.of(source.sitemaps().size(), "sitemap"));
            }
            return 0;
        }

        private static void checkSelector(String option, String css) {
            try {
                QueryParser.parse(css);
            } catch (Selector.SelectorParseException | IllegalArgumentException e) {
                throw new BadInput(option + " '" + css + "' is not a valid CSS selector: " + e.getMessage(), e);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The sources, their feeds and how they are doing.")
    static final class ListSources implements Callable<Integer> {
        @ParentCommand
        SourceCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE})")
        OutputFormat format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Services services = parent.root.services()) {
                Store store = services.store();
                Instant now = Instant.now();
                List<SourceHealth> health = store.sourceHealth(now);
                List<Subscription> push = store.subscriptions().subscriptions();
                if (format == OutputFormat.json) {
                    out.println(Json.writePretty(SourceStatus.of(health, push, now)));
                } else if (health.isEmpty()) {
                    out.println("no sources yet; add one with: redline source add NAME --feed URL");
                } else {
                    out.printf("%-20s %-8s %8s %10s %8s  %-20s %-20s %s%n", "NAME", "HEALTH", "ARTICLES", "NEW/DAY",
                            "ERR/24H", "LAST SUCCESS", "LAST CHANGE", "LAST ERROR");
                    for (SourceHealth h : health) {
                        out.printf(Locale.ROOT, "%-20s %-8s %8d %10.1f %8d  %-20s %-20s %s%n", Printable.of(h.source().name()), h.verdict(),
                                h.articles(), h.newPerDay(), h.errorsLast24h(), time(h.lastSuccess()), time(h.lastChange()),
                                h.lastError() == null ? "" : Printable.of(oneLine(h.lastError())));
                        h.source().feeds().forEach(f -> out.println("    feed    " + Printable.of(f)));
                        push.stream().filter(p -> p.sourceId() == h.source().id()).forEach(p -> out.println(
                                "    push    " + Printable.of(p.hub()) + " (" + p.summary(now) + "; " + p.pushes() + " received"
                                        + (p.refused() > 0 ? ", " + p.refused() + " refused" : "") + ")"
                                        + (p.lastError() == null ? "" : ": " + Printable.of(oneLine(p.lastError())))));
                        h.source().sitemaps().forEach(f -> out.println("    sitemap " + Printable.of(f)));
                    }
                }
            }
            out.flush();
            return 0;
        }

        private static String time(Instant t) {
            return t == null ? "-" : t.truncatedTo(ChronoUnit.SECONDS).toString();
        }

        private static String oneLine(String s) {
            String line = s.replaceAll("\\s+", " ");
            return line.length() > 80 ? line.substring(0, 79) + "…" : line;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stop following a source; its articles and versions are kept.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        SourceCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Services services = parent.root.services()) {
                Store store = services.store();
                if (!store.removeSource(name)) {
                    throw new NotFound("no source named '" + name + "'");
                }
            }
            spec.commandLine().getOut().printf("removed source %s (its articles and versions are kept)%n", name);
            return 0;
        }
    }
}
