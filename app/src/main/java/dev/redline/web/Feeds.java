package dev.redline.web;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.redline.diff.DiffResult;
import dev.redline.error.NotFound;
import dev.redline.store.Article;
import dev.redline.store.Change;
import dev.redline.store.Source;
import dev.redline.store.Store;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

/**
 * Atom 1.0 feeds of changes (global, per source, per article), written by Rome. Each entry is one
 * new version and links to its diff. Thread-safe.
 */
final class Feeds {
    private static final int ENTRIES = 50;

    private final Store store;
    private final Differ differ;
    private final Supplier<String> base;

    /** @param base scheme, host and port of absolute links; never from the request (a forged Host would move them) */
    Feeds(Store store, Differ differ, Supplier<String> base) {
        this.store = store;
        this.differ = differ;
        this.base = base;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get(Links.CHANGES_FEED, ctx -> send(ctx, "Redline: latest changes", "/",
                store.recentChanges(null, null, false, false, 0, ENTRIES)));
        routes.get("/sources/{name}/changes.atom", ctx -> {
            Source source = store.source(ctx.pathParam("name")).orElseThrow(() -> new NotFound(
                    "There is no source named '" + Params.abbreviate(ctx.pathParam("name")) + "'."));
            send(ctx, "Redline: changes in " + source.name(), "/sources",
                    store.recentChanges(source.id(), null, false, false, 0, ENTRIES));
        });
        routes.get("/articles/{id}/changes.atom", ctx -> {
            Article article = store.article(Params.id(ctx, "id")).orElseThrow(
                    () -> new NotFound("There is no article " + ctx.pathParam("id") + "."));
            send(ctx, "Redline: changes to " + (article.title() == null ? article.url() : article.title()),
                    Links.article(article.id()), store.recentChanges(null, article.id(), false, true, 0, ENTRIES));
        });
    }

    private void send(Context ctx, String title, String pagePath, List<Change> changes) throws FeedException {
        String base = this.base.get();
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(title);
        feed.setUri(base + ctx.path());
        feed.setLinks(List.of(link(base + pagePath, "alternate", "text/html"),
                link(base + ctx.path(), "self", "application/atom+xml")));
        feed.setPublishedDate(changes.isEmpty() ? new Date(0) : Date.from(changes.getFirst().version().fetchedAt()));
        feed.setEntries(changes.stream().map(c -> entry(base, c)).toList());
        ctx.contentType("application/atom+xml; charset=utf-8").result(new SyndFeedOutput().outputString(feed));
    }

    private SyndEntry entry(String base, Change change) {
        Article a = change.article();
        String href = base + Links.diff(a.id(), change.previous().number(), change.version().number());
        DiffResult diff = differ.diff(change.previous(), change.version());
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(change.version().text().title());
        entry.setUri(href);
        entry.setLink(href);
        entry.setUpdatedDate(Date.from(change.version().fetchedAt()));
        entry.setPublishedDate(Date.from(change.version().fetchedAt()));
        entry.setAuthor(change.sourceName() == null ? "Redline" : change.sourceName());
        SyndContent summary = new SyndContentImpl();
        summary.setType("text");
        summary.setValue("Version " + change.version().number() + " of " + a.url() + ": "
                + Pages.whatChanged(change.version()) + " changed, " + Pages.size(diff.stats())
                + (diff.gap() == null ? "" : ", " + diff.gap()) + ".");
        entry.setDescription(summary);
        return entry;
    }

    private static SyndLink link(String href, String rel, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setHref(href);
        link.setRel(rel);
        link.setType(type);
        return link;
    }
}
