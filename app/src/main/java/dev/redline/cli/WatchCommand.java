package dev.redline.cli;

import dev.redline.error.BadInput;
import dev.redline.fetch.NetworkRanges;
import dev.redline.json.Json;
import dev.redline.service.Services;
import dev.redline.store.Article;
import dev.redline.store.Delivery;
import dev.redline.store.Store;
import dev.redline.store.Watch;
import dev.redline.text.Counted;
import dev.redline.webhook.DeliveryInfo;
import dev.redline.webhook.WatchInfo;
import dev.redline.webhook.Webhooks;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code redline watch add|list|remove|log|deliver}: webhooks for new versions ({@link Webhooks}). */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Webhooks: POST each new version of an article, a source or a search query to a URL.",
        subcommands = {WatchCommand.Add.class, WatchCommand.ListWatches.class, WatchCommand.Remove.class,
                WatchCommand.Log.class, WatchCommand.Deliver.class})
public final class WatchCommand extends CommandGroup {

    /** What every {@code watch} subcommand reaches: the root's options and its own output. */
    abstract static class Subcommand implements Callable<Integer> {
        @ParentCommand
        WatchCommand parent;

        @Spec
        CommandSpec spec;
    }

    /** Exactly one thing to watch. */
    static final class Target {
        @Option(names = "--article", paramLabel = "URL|ID", description = "A tracked article (any URL form or its id)")
        String article;

        @Option(names = "--source", paramLabel = "NAME", description = "Every article of a source")
        String source;

        @Option(names = "--query", paramLabel = "WORDS", description = "Every version whose headline or text holds all these words")
        String query;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a webhook; prints its id and signing secret.")
    static final class Add extends Subcommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(names = "--url", required = true, paramLabel = "URL", description = "Where to POST each matching version")
        String url;

        @Option(names = "--allow-private-network", description = "Allow a receiver on loopback or private addresses")
        boolean allowPrivateNetwork;

        @Override
        public Integer call() {
            try (Services services = parent.root.services()) {
                Store store = services.store();
                try {
                    new Webhooks(store, Clock.systemUTC(), allowPrivateNetwork ? NetworkRanges.PRIVATE : NetworkRanges.NONE).checkReceiver(url);
                } catch (IllegalArgumentException e) {
                    throw new BadInput("--url: " + e.getMessage(), e);
                }
                Watch.Kind kind;
                String what;
                if (target.article != null) {
                    Article a = ArticleRef.find(store, target.article).orElseThrow(() -> new BadInput(
                            "no tracked article with " + (ArticleRef.isId(target.article) ? "id " : "URL ") + Printable.of(target.article)));
                    kind = Watch.Kind.ARTICLE;
                    what = Long.toString(a.id());
                } else if (target.source != null) {
                    store.source(target.source).orElseThrow(() -> new BadInput(
                            "no source named '" + Printable.of(target.source) + "' (see `redline source list`)"));
                    kind = Watch.Kind.SOURCE;
                    what = target.source;
                } else {
                    if (Webhooks.words(target.query).isEmpty()) {
                        throw new BadInput("--query needs at least one word");
                    }
                    kind = Watch.Kind.QUERY;
                    what = target.query.strip();
                }
                Watch w = store.watches().addWatch(kind, what, url, Webhooks.newSecret());
                PrintWriter out = spec.commandLine().getOut();
                out.printf("watch %d added: %s %s → %s%n", w.id(), w.kind(), Printable.of(w.target()), w.url());
                out.printf("secret %s (each POST carries %s: sha256=HMAC-SHA256 of the body under this secret; it is shown only now)%n",
                        w.secret(), Webhooks.SIGNATURE_HEADER);
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the webhooks (without their secrets).")
    static final class ListWatches extends Subcommand {
        @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "text (default) or json")
        OutputFormat format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Services services = parent.root.services()) {
                Store store = services.store();
                List<WatchInfo> watches = store.watches().watches().stream().map(WatchInfo::of).toList();
                if (format == OutputFormat.json) {
                    out.println(Json.write(watches));
                } else if (watches.isEmpty()) {
                    out.println("no watches (add one with `redline watch add`)");
                } else {
                    watches.forEach(w -> out.printf("%d  %s %s → %s  (since %s)%n", w.id(), w.kind(), Printable.of(w.target()),
                            w.url(), w.createdAt()));
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a webhook and its queued deliveries.")
    static final class Remove extends Subcommand {
        @Parameters(paramLabel = "ID", description = "The watch id (see `redline watch list`)")
        long id;

        @Override
        public Integer call() {
            try (Services services = parent.root.services()) {
                Store store = services.store();
                if (!store.watches().removeWatch(id)) {
                    throw noSuchWatch(id);
                }
            }
            spec.commandLine().getOut().printf("watch %d removed%n", id);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "log", mixinStandardHelpOptions = true, description = "Show a webhook's deliveries, newest first.")
    static final class Log extends Subcommand {
        @Parameters(paramLabel = "ID", description = "The watch id")
        long id;

        @Option(names = "--limit", defaultValue = "20", description = "At most this many (default 20)")
        int limit;

        @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "text (default) or json")
        OutputFormat format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Services services = parent.root.services()) {
                Store store = services.store();
                store.watches().watch(id).orElseThrow(() -> noSuchWatch(id));
                List<Delivery> deliveries = store.watches().deliveries(id, Math.max(1, Math.min(limit, 1000)));
                if (format == OutputFormat.json) {
                    out.println(Json.write(deliveries.stream().map(DeliveryInfo::of).toList()));
                } else if (deliveries.isEmpty()) {
                    out.println("no deliveries yet");
                } else {
                    for (Delivery d : deliveries) {
                        out.printf("%d  %s  %s, queued %s%s%s%n", d.id(), d.state(), Counted.of(d.attempts(), "attempt"), d.createdAt(),
                                d.lastError() == null ? "" : ", last: " + Printable.of(d.lastError()),
                                d.nextAttempt() == null ? "" : ", next try " + d.nextAttempt());
                    }
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "deliver", mixinStandardHelpOptions = true,
            description = "Try every due delivery once now (`redline serve` does this every 10 seconds).")
    static final class Deliver extends Subcommand {
        @Option(names = "--allow-private-network", description = "Allow receivers on loopback or private addresses")
        boolean allowPrivateNetwork;

        @Override
        public Integer call() {
            int delivered;
            try (Services services = parent.root.services()) {
                Store store = services.store();
                delivered = new Webhooks(store, Clock.systemUTC(), allowPrivateNetwork ? NetworkRanges.PRIVATE : NetworkRanges.NONE).deliverDue();
            }
            spec.commandLine().getOut().printf("%s%n", Counted.of(delivered, "delivery", "deliveries") + " delivered");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private static BadInput noSuchWatch(long id) {
        return new BadInput("no watch with id " + id + " (see `redline watch list`)");
    }
}
