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
import dev.redline.store.Article;
import dev.redline.store.ArticleEvent;
import dev.redline.store.Change;
import dev.redline.store.EventKind;
import dev.redline.store.Source;
import dev.redline.store.Store;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Atom 1.0 and RSS 2.0 feeds of changes (global, per source, per article), written by Rome, each
 * linking the other with {@code rel=alternate}. One entry per new version, with a stable id
 * ({@code urn:redline:article:ID:version:N}), the title "old headline → new headline" when the
 * headline changed, and the changed sentences as HTML with inline styles (Rome escapes it as Atom's
 * {@code type="html"} requires); one entry per unpublishing or revert event. Cosmetic versions are
 * left out unless {@code ?boring=1}, as on the home page. Thread-safe.
 */
final class Feeds {
    private static final int ENTRIES = 50;
    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    /** Events that get an entry of their own: the article was unpublished, or went back to an earlier text. */
    static final Set<EventKind> ENTRY_EVENTS = EnumSet.of(EventKind.GONE, EventKind.UNPUBLISHED, EventKind.FLIP_FLOP);

    private final Store store;
    private final Differ differ;
    private final Supplier<String> base;
    private final Clock clock;
    private final WebServer server;
    private final ResponseCache cache;

    /**
     * What one feed holds.
     *
     * @param since when the feed began (its {@code updated} while it has no entry): the source's or
     *              article's creation, or null for the global feed (then the current time)
     */
    private record Scope(String title, String pagePath, Long sourceId, Long articleId, Instant since) {
    }

    /** An entry and the time it sorts by. */
    private record Dated(Instant at, SyndEntry entry) {
    }

    /** @param base scheme, host and port of absolute links; never from the request (a forged Host would move them) */
    Feeds(Store store, Differ differ, Supplier<String> base, Clock clock, WebServer server, ResponseCache cache) {
        this.store = store;
        this.cache = cache;
        this.differ = differ;
        this.base = base;
        this.clock = clock;
        this.server = server;
    }

    void register(JavalinDefaultRoutingApi routes) {
        feed(routes, Links.CHANGES_FEED.replace(".atom", ""), ctx -> new Scope("Redline: latest changes", "/", null, null, null));
        feed(routes, "/sources/{name}/changes", ctx -> {
            Source source = Lookups.source(store, ctx.pathParam("name"));
            return new Scope("Redline: changes in " + source.name(), "/sources", source.id(), null, source.createdAt());
        });
        feed(routes, "/articles/{id}/changes", ctx -> {
            Article article = Lookups.article(store, Params.id(ctx, "id"));
            return new Scope("Redline: changes to " + (article.title() == null ? article.url() : article.title()),
                    Links.article(article.id()), null, article.id(), article.firstSeen());
        });
    }

    private void feed(JavalinDefaultRoutingApi routes, String path, Function<Context, Scope> scope) {
        routes.get(path + ".atom", ctx -> send(ctx, scope.apply(ctx), false));
        routes.get(path + ".rss", ctx -> send(ctx, scope.apply(ctx), true));
    }

    private void send(Context ctx, Scope scope, boolean rss) {
        // a feed is worked out from the record alone: the store's mark validates it (the empty global feed's updated aside)
        boolean boring = Params.flag(ctx, "boring");
        String path = ctx.path();
        cache.serve(ctx, Conditional.tag(ctx, "feed", store.mark().token()), null, () -> new ResponseCache.Response(
                (rss ? "application/rss+xml" : "application/atom+xml") + "; charset=utf-8", feed(path, scope, boring, rss), null));
    }

    private String feed(String path, Scope scope, boolean boring, boolean rss) {
        String base = this.base.get();
        String self = base + path;
        String stem = self.substring(0, self.lastIndexOf('.'));
        List<Dated> entries = entries(base, scope, boring, rss);
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(rss ? "rss_2.0" : "atom_1.0");
        feed.setTitle(scope.title());
        feed.setDescription(scope.title());
        feed.setUri(self);
        feed.setLink(base + scope.pagePath());
        Instant updated = entries.isEmpty() ? (scope.since() == null ? clock.instant() : scope.since()) : entries.getFirst().at();
        feed.setPublishedDate(Date.from(updated));
        if (rss) {
            feed.setForeignMarkup(List.of(atomLink(self, "self", "application/rss+xml"),
                    atomLink(stem + ".atom", "alternate", "application/atom+xml")));
        } else {
            feed.setLinks(List.of(link(base + scope.pagePath(), "alternate", "text/html"),
                    link(stem + ".rss", "alternate", "application/rss+xml"),
                    link(self, "self", "application/atom+xml")));
        }
        feed.setEntries(entries.stream().map(Dated::entry).toList());
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write a feed Redline built", e);
        }
    }

    private List<Dated> entries(String base, Scope scope, boolean boring, boolean rss) {
        List<Dated> entries = new ArrayList<>();
        for (Change c : store.recentChanges(scope.sourceId(), scope.articleId(), false, boring, 0, ENTRIES)) {
            entries.add(new Dated(c.version().fetchedAt(), versionEntry(base, c, rss)));
        }
        for (ArticleEvent e : store.recentEvents(scope.sourceId(), scope.articleId(), ENTRY_EVENTS, ENTRIES)) {
            store.article(e.articleId()).ifPresent(a -> entries.add(new Dated(e.at(), eventEntry(base, a, e))));
        }
        entries.sort(Comparator.comparing(Dated::at).reversed());
        return entries.subList(0, Math.min(ENTRIES, entries.size()));
    }

    private SyndEntry versionEntry(String base, Change change, boolean rss) {
        Article a = change.article();
        int n = change.version().number();
        String href = base + Links.diff(a.id(), change.previous().number(), n);
        DiffResult diff = differ.diff(change.previous(), change.version());
        String title = diff.title().changed() ? diff.title().oldText() + " → " + diff.title().newText()
                : change.version().text().title();
        String summary = "Version " + n + " of " + a.url() + ": " + Pages.whatChanged(change.version()) + " changed, "
                + HomePage.size(diff.stats()) + (diff.gap() == null ? "" : ", " + diff.gap()) + ".";
        DiffView view = DiffView.of(diff);
        String html = server.html("feedEntry.jte", new View.FeedEntry(summary, view, diff.title().changed(),
                view.lines().stream().filter(line -> !line.kind().equals("same")).toList(), href,
                base + Links.version(a.id(), n)));
        SyndEntry entry = entry("urn:redline:article:" + a.id() + ":version:" + n, title, href, change.sourceName(),
                change.version().fetchedAt());
        entry.setDescription(content(rss ? "html" : "text", rss ? html : summary));
        entry.setContents(List.of(content("html", html)));
        return entry;
    }

    private SyndEntry eventEntry(String base, Article a, ArticleEvent e) {
        String headline = a.title() == null ? a.url() : a.title();
        String href = base + (a.versionCount() == 0 ? Links.article(a.id()) : Links.version(a.id(), a.versionCount() - 1));
        boolean gone = e.kind() != EventKind.FLIP_FLOP; // gone (404/410) or unpublished (redirect, removal notice)
        SyndEntry entry = entry("urn:redline:article:" + a.id() + ":event:" + e.kind() + ":" + e.at().toEpochMilli(),
                (gone ? "Unpublished: " : "Reverted: ") + headline, href, null, e.at());
        entry.setDescription(content("text", (gone ? "The article " + a.url() + " was removed from the site"
                : "The article " + a.url() + " went back to an earlier version")
                + (e.detail() == null ? "" : " (" + e.detail() + ")") + ". Its last version stays readable at " + href + "."));
        return entry;
    }

    private static SyndEntry entry(String id, String title, String href, String author, Instant at) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(id);
        entry.setTitle(title);
        entry.setLink(href);
        entry.setUpdatedDate(Date.from(at));
        entry.setPublishedDate(Date.from(at));
        entry.setAuthor(author == null ? "Redline" : author);
        return entry;
    }

    private static SyndContent content(String type, String value) {
        SyndContent content = new SyndContentImpl();
        content.setType(type);
        content.setValue(value);
        return content;
    }

    private static SyndLink link(String href, String rel, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setHref(href);
        link.setRel(rel);
        link.setType(type);
        return link;
    }

    /** An {@code atom:link} inside an RSS channel (the usual way RSS names itself and its Atom twin). */
    private static Element atomLink(String href, String rel, String type) {
        return new Element("link", ATOM).setAttribute("href", href).setAttribute("rel", rel).setAttribute("type", type);
    }
}
