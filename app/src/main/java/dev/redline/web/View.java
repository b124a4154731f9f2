package dev.redline.web;

import dev.redline.change.EditingRecord;
import dev.redline.change.HeadlineTest;
import dev.redline.change.VersionChange;
import dev.redline.diff.DiffResult;
import dev.redline.store.Article;
import dev.redline.store.ArticleEvent;
import dev.redline.store.Change;
import dev.redline.store.CheckLog;
import dev.redline.store.SearchHit;
import dev.redline.store.Source;
import dev.redline.store.SourceHealth;
import dev.redline.store.Subscription;
import dev.redline.store.Version;
import dev.redline.provenance.Evidence;
import dev.redline.trace.TraceMatch;
import dev.redline.webhook.DeliveryInfo;
import dev.redline.webhook.WatchInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The immutable models the jte templates render, one per page. */
public final class View {
    private View() {
    }

    /** A link to an Atom feed announced in the page head. */
    public record Feed(String url, String title) {
    }

    /** One entry of a list of changes. */
    public record ChangeRow(Change change, String diffUrl, String size, boolean headlineChanged, VersionChange kinds) {
    }

    /** An article taken down, as the change list shows it. */
    public record GoneRow(Article article, String sourceName, ArticleEvent event) {
    }

    /** The change list; {@code source} is the source it is filtered to, or null. */
    /** @param newer the link to the newer page, or null on the first; {@code older} the same for the next */
    public record Home(long articles, long versions, boolean hasSources, boolean showBoring, List<ChangeRow> changes,
                       String newer, String older, Instant now, boolean writable, String source, List<GoneRow> gone) {
        /** The query string that keeps a list's filters, for the pager links. */
        static String filters(boolean showBoring, String source) {
            return (showBoring ? "&boring=1" : "") + (source == null ? "" : "&source=" + Fmt.url(source));
        }
    }

    /** @param push each source's WebSub subscriptions, by source id (absent: none) */
    public record Sources(List<SourceHealth> health, Instant now, boolean writable, Map<Long, List<Subscription>> push) {
        public List<Subscription> pushOf(SourceHealth h) {
            return push.getOrDefault(h.source().id(), List.of());
        }
    }

    /** One row of an article's version table. */
    public record VersionRow(Version version, String gap, String whatChanged, String diffUrl, String rawUrl,
                             VersionChange kinds) {
    }

    /** A "reuses" relation shown on an article page, in either direction. */
    public record Reuse(String text, String href) {
    }

    /**
     * An article's page; {@code unpublished} is the event that took it down, or null, and then
     * {@code lastVersion} is shown in full so it stays readable.
     */
    public record ArticlePage(Article article, String sourceName, String statusLine, List<VersionRow> versions,
                              int changes, List<Reuse> reuses, List<ArticleEvent> events, List<CheckLog> checks,
                              Instant now, List<HeadlineTest> headlineTests, ArticleEvent unpublished, Version lastVersion) {
    }

    /**
     * One version on its own: its text, what happened while it was current, and where to go next.
     *
     * @param notes  correction and update notes found in this version's text; none yet (issue 12's
     *               note detection fills this once it is on main)
     * @param events the article's events while this version was the newest (gone, redirected, …)
     */
    public record VersionPage(Article article, String sourceName, Version version, int versionCount,
                              String whatChanged, List<String> paragraphs, List<String> notes,
                              List<ArticleEvent> events, String rawUrl, String diffFromPrevious, String diffToNext,
                              String previousVersion, String nextVersion) {
        public boolean last() {
            return version.number() == versionCount - 1;
        }
    }

    public record DiffPage(Article article, String sourceName, Version from, Version to, DiffResult diff,
                           DiffView view, boolean inline, String permalink, String toggleUrl, String previousUrl,
                           String nextUrl, int versionCount, VersionChange kinds, String cardUrl, String cardAlt) {
    }

    /**
     * A diff as one standalone page (what {@code redline diff --format html} writes): the side-by-side
     * rows of the web's diff page, labelled with the compared files, with the site's CSS inline.
     */
    public record DiffDocument(DiffResult diff, DiffView view, String oldName, String newName, String css) {
        public String headline() {
            String title = diff.title().newText() != null ? diff.title().newText() : diff.title().oldText();
            return title == null ? "" : title;
        }
    }

    /**
     * The HTML content of a feed entry for a new version: its summary, the headline's word diff when
     * it changed, and only the changed sentences, styled inline (feed readers drop classes and style sheets).
     */
    public record FeedEntry(String summary, DiffView view, boolean headlineChanged, List<DiffView.Cell> lines,
                            String diffUrl, String versionUrl) {
    }

    /** A search result with its snippet cut into highlighted and plain runs. */
    public record SearchRow(SearchHit hit, List<DiffView.Piece> snippet, String articleUrl) {
    }

    /** @param rankedNewest 0 when every match was ranked, else how many of the newest were ({@code TextSearch.SearchResults}) */
    public record Search(String query, String source, String from, String to, List<Source> sources,
                         List<SearchRow> rows, boolean searched, int rankedNewest) {
    }

    /**
     * A trace match with a link to the matched article when it is tracked here (else null), its
     * evidence with links, and the diff of the matched version against the copy.
     */
    public record TraceRow(TraceMatch match, String articleUrl, List<EvidenceRow> evidence, List<DiffView.Cell> diff) {
    }

    /** A version named on the trace page, with a link to its row on the article page (null when not tracked here). */
    public record VersionLink(int number, String href) {
    }

    /** One piece of evidence with links to the versions it names and to the diff it comes from (null when not tracked here). */
    public record EvidenceRow(Evidence evidence, List<VersionLink> supports, List<VersionLink> contradicts, String diffUrl) {
    }

    /**
     * The trace page; {@code rows} is null before a query; {@code unindexed} stored versions are not
     * in the trace index yet, and {@code rebuilding} says whether a background repair is indexing them.
     */
    public record Trace(boolean available, String text, String url, List<TraceRow> rows, long unindexed, boolean rebuilding) {
    }

    /** A source's editing record page, its median time to first change in words, and one chart per figure. */
    public record SourcePage(EditingRecord record, String firstChange, List<Chart> charts, Learned learned) {
    }

    /**
     * The boilerplate Redline learned for a source (JSON: the {@code learned} member of the source record).
     *
     * @param articles    articles it was learned from
     * @param copies      articles skipped as copies of one learned before
     * @param lines       lines held for the source (learned or still being counted)
     * @param boilerplate the lines dropped from the source's new articles, most frequent first
     */
    public record Learned(int articles, int copies, int lines, List<LearnedLineRow> boilerplate) {
    }

    /**
     * One learned boilerplate line (untrusted text: the template escapes it).
     *
     * @param text        the line as last seen
     * @param articles    distinct articles that showed it
     * @param firstSeen   ordinal of the first of them (articles count 1, 2, ... per source)
     * @param since       ordinal from which it is boilerplate
     * @param lastSeen    ordinal of the latest one
     * @param fingerprint its 64-bit fingerprint, hex
     */
    public record LearnedLineRow(String text, int articles, int firstSeen, int since, int lastSeen, String fingerprint) {
    }

    /**
     * A bar chart drawn as inline SVG, {@link #WIDTH} by {@link #HEIGHT} user units.
     *
     * @param kind  a CSS class naming the figure
     * @param max   the largest weekly value (the scale)
     * @param total the sum over all weeks
     */
    public record Chart(String title, String kind, List<Bar> bars, int max, int total) {
        public static final int WIDTH = 600;
        public static final int HEIGHT = 120;
    }

    /** One bar: its rectangle and the label a reader sees on hover. */
    public record Bar(int x, int y, int width, int height, String label) {
    }

    public record Error(int status, String title, String message) {
    }

    /**
     * The watches page: locked (only the token form) until the admin token is sent.
     *
     * @param message   what the last action did, or null
     * @param newSecret the secret of the watch just added (shown once), or null
     */
    public record Watches(boolean unlocked, List<WatchRow> watches, String message, String newSecret) {
        static Watches locked() {
            return new Watches(false, List.of(), null, null);
        }
    }

    /** @param targetUrl the watched article's or source's page, or null for a query */
    public record WatchRow(WatchInfo watch, String targetUrl, List<DeliveryInfo> deliveries) {
    }
}
