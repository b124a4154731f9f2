package dev.redline.cli;

import dev.redline.error.NotFound;
import dev.redline.service.Services;
import dev.redline.store.Article;
import dev.redline.store.CheckLog;
import dev.redline.store.Outcome;
import dev.redline.store.Source;
import dev.redline.store.Store;
import dev.redline.track.Tracker;
import dev.redline.track.TrackerConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code redline track URL}: follow one article without a feed, checking it right away. */
@Command(name = "track", mixinStandardHelpOptions = true,
        description = "Follow one article without a feed: add it and check it now; `redline poll` re-checks it later.")
public final class TrackCommand implements Callable<Integer> {
    @ParentCommand
    Redline root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "URL|ID", description = "The article's URL (any form of a tracked one finds it), or a tracked article's id.")
    String url;

    @Option(names = "--source", paramLabel = "NAME", description = "Attach the article to this source (its extraction rules apply).")
    String sourceName;

    @Mixin
    FetchOptions fetch;

    @Override
    public Integer call() {
        Services.Settings settings = Services.Settings.of(root.config()).withFetch(fetch.toConfig())
                .withTracker(TrackerConfig.defaults().withThreads(1));
        PrintWriter out = spec.commandLine().getOut();
        try (Services services = Services.create(settings)) {
            Store store = services.store();
            Long sourceId = null;
            if (sourceName != null) {
                sourceId = store.source(sourceName).map(Source::id)
                        .orElseThrow(() -> new NotFound("no source named '" + sourceName
                                + "' (see `redline source list`)"));
            }
            String target = ArticleRef.find(store, url).map(Article::url).orElseGet(() -> {
                if (ArticleRef.isId(url)) {
                    throw new NotFound("no tracked article with id " + url.strip());
                }
                return url;
            });
            Tracker.TrackResult result = services.tracker().track(target, sourceId);
            var article = result.article();
            out.printf("tracking %s: %s, %d version%s, status %s%n", Printable.of(article.url()), result.outcome(),
                    article.versionCount(), article.versionCount() == 1 ? "" : "s", article.status());
            List<CheckLog> last = store.checks(article.id(), 1);
            if (!last.isEmpty() && last.getFirst().error() != null) {
                out.println("  " + Printable.of(last.getFirst().error()));
            }
            out.flush();
            boolean captured = result.outcome() != Outcome.ERROR && result.outcome() != Outcome.DISALLOWED;
            return captured ? 0 : Redline.EXIT_FAILURE;
        }
    }
}
