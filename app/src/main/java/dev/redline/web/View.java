package dev.redline.web;

import dev.redline.diff.DiffResult;
import dev.redline.store.Article;
import dev.redline.store.ArticleEvent;
import dev.redline.store.Change;
import dev.redline.store.CheckLog;
import dev.redline.store.SearchHit;
import dev.redline.store.Source;
import dev.redline.store.SourceHealth;
import dev.redline.store.Version;
import dev.redline.provenance.Evidence;
import dev.redline.trace.TraceMatch;
import java.time.Instant;
import java.util.List;

/** The immutable models the jte templates render, one per page. */
public final class View {
    private View() {
    }

    /** A link to an Atom feed announced in the page head. */
    public record Feed(String url, String title) {
    }

    /** One entry of a list of changes. */
    public record ChangeRow(Change change, String diffUrl, String size, boolean headlineChanged) {
    }

    public record Home(long articles, long versions, boolean hasSources, boolean showBoring, List<ChangeRow> changes,
                       int page, boolean morePages, Instant now, boolean writable) {
    }

    public record Sources(List<SourceHealth> health, Instant now, boolean writable) {
    }

    /** One row of an article's version table. */
    public record VersionRow(Version version, String gap, String whatChanged, String diffUrl, String rawUrl) {
    }

    /** A "reuses" relation shown on an article page, in either direction. */
    public record Reuse(String text, String href) {
    }

    public record ArticlePage(Article article, String sourceName, String statusLine, List<VersionRow> versions,
                              int changes, List<Reuse> reuses, List<ArticleEvent> events, List<CheckLog> checks,
                              Instant now) {
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
                           String nextUrl, int versionCount, String cardUrl, String cardAlt) {
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

    public record Search(String query, String source, String from, String to, List<Source> sources,
                         List<SearchRow> rows, boolean searched) {
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

    /** The trace page; {@code rows} is null before a query; {@code unindexed} stored versions are not in the trace index yet. */
    public record Trace(boolean available, String text, String url, List<TraceRow> rows, long unindexed) {
    }

    public record Error(int status, String title, String message) {
    }
}
