package dev.redline.store;

import static dev.redline.store.Rows.ARTICLE_FIELDS;
import static dev.redline.store.Rows.VERSION_FIELDS;
import static dev.redline.store.Rows.columns;
import static dev.redline.store.Rows.count;
import static dev.redline.store.Rows.instant;
import static dev.redline.store.Rows.nullableLong;

import dev.redline.article.ArticleText;
import dev.redline.error.BadInput;
import dev.redline.error.Conflict;
import dev.redline.json.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link ArticleStore} over JDBC: articles, append-only versions (with their full-text rows),
 * imports, recent changes, events and the check log's read side. Thread-safe: all state is in the
 * database.
 */
final class JdbcArticles implements ArticleStore {
    private static final int URL_CHUNK = 500;
    private final Jdbi jdbi;
    private final boolean postgres;

    JdbcArticles(Database db) {
        this.jdbi = db.jdbi();
        this.postgres = db.postgres();
    }

    @Override
    public Article upsertArticle(String canonicalUrl, Long sourceId, Instant seenAt) {
        if (canonicalUrl == null || canonicalUrl.isBlank()) {
            throw new IllegalArgumentException("an article needs a URL");
        }
        long at = seenAt.toEpochMilli();
        return jdbi.inTransaction(h -> {
            insertOrAttach(h, canonicalUrl, sourceId, at, at, ArticleStatus.ACTIVE);
            return h.createQuery("SELECT " + ARTICLE_FIELDS + " FROM articles WHERE url = :url")
                    .bind("url", canonicalUrl).map((rs, ctx) -> Rows.article(rs, "")).one();
        });
    }

    @Override
    public int addArticles(Collection<String> canonicalUrls, Long sourceId, Instant seenAt) {
        if (canonicalUrls.stream().anyMatch(u -> u == null || u.isBlank())) {
            throw new IllegalArgumentException("an article needs a URL");
        }
        if (canonicalUrls.isEmpty()) {
            return 0;
        }
        long at = seenAt.toEpochMilli();
        return jdbi.inTransaction(h -> {
            int added = 0;
            for (String url : canonicalUrls) {
                added += insertOrAttach(h, url, sourceId, at, at, ArticleStatus.ACTIVE);
            }
            return added;
        });
    }

    @Override
    public Map<String, Article> articlesByUrl(Collection<String> canonicalUrls) {
        List<String> urls = List.copyOf(canonicalUrls);
        Map<String, Article> found = new HashMap<>();
        // IN-lists in chunks: SQLite's bound-parameter limit, and small lists plan fast
        for (int from = 0; from < urls.size(); from += URL_CHUNK) {
            List<String> chunk = urls.subList(from, Math.min(urls.size(), from + URL_CHUNK));
            jdbi.useHandle(h -> h.createQuery("SELECT " + ARTICLE_FIELDS + " FROM articles WHERE url IN (<urls>)")
                    .bindList("urls", chunk).map((rs, ctx) -> Rows.article(rs, ""))
                    .forEach(a -> found.put(a.url(), a)));
        }
        return found;
    }

    /**
     * Creates the article when its URL is new (first seen and last active at {@code at}), and
     * attaches it to {@code sourceId} when it has no source yet.
     */
    private static int insertOrAttach(Handle h, String canonicalUrl, Long sourceId, long at, Long nextCheck,
                                      ArticleStatus status) {
        int inserted = h.createUpdate("INSERT INTO articles (url, source_id, first_seen, next_check, status, activity_at)"
                        + " VALUES (:url, :s, :at, :next, :status, :at) ON CONFLICT (url) DO NOTHING")
                .bind("url", canonicalUrl).bind("s", sourceId).bind("at", at).bind("next", nextCheck)
                .bind("status", status.toString()).execute();
        if (sourceId != null) {
            h.createUpdate("UPDATE articles SET source_id = :s WHERE url = :url AND source_id IS NULL")
                    .bind("s", sourceId).bind("url", canonicalUrl).execute();
        }
        return inserted;
    }

    @Override
    public Optional<Article> article(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ARTICLE_FIELDS + " FROM articles WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> Rows.article(rs, "")).findOne());
    }

    @Override
    public Optional<Article> articleByUrl(String canonicalUrl) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ARTICLE_FIELDS + " FROM articles WHERE url = :url")
                .bind("url", canonicalUrl).map((rs, ctx) -> Rows.article(rs, "")).findOne());
    }

    @Override
    public List<Article> articles(Long sourceId, int offset, int limit) {
        return jdbi.withHandle(h -> {
            Query q = h.createQuery("SELECT " + ARTICLE_FIELDS + " FROM articles"
                    + (sourceId == null ? "" : " WHERE source_id = :s")
                    + " ORDER BY activity_at DESC, id DESC LIMIT :limit OFFSET :offset");
            if (sourceId != null) {
                q.bind("s", sourceId);
            }
            return q.bind("limit", limit).bind("offset", offset).map((rs, ctx) -> Rows.article(rs, "")).list();
        });
    }

    @Override
    public List<Article> sourceArticlesAfter(long sourceId, long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ARTICLE_FIELDS + " FROM articles WHERE source_id = :s AND id > :after"
                        + " ORDER BY id LIMIT :limit")
                .bind("s", sourceId).bind("after", afterId).bind("limit", limit).map((rs, ctx) -> Rows.article(rs, "")).list());
    }

    @Override
    public List<Article> articlesAfter(long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ARTICLE_FIELDS + " FROM articles WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit).map((rs, ctx) -> Rows.article(rs, "")).list());
    }

    @Override
    public long articleCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles").mapTo(Long.class).one());
    }

    @Override
    public StoreMark mark() {
        // MAX of a primary key is one index lookup on both databases (COUNT(*) would scan)
        return jdbi.withHandle(h -> h.createQuery("SELECT (SELECT COALESCE(MAX(id), 0) FROM articles),"
                        + " (SELECT COALESCE(MAX(id), 0) FROM versions), (SELECT COALESCE(MAX(id), 0) FROM article_events),"
                        + " (SELECT COALESCE(MAX(id), 0) FROM sources), (SELECT COUNT(*) FROM sources)")
                .map((rs, ctx) -> new StoreMark(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .one());
    }

    @Override
    public long versionCount() {
        // SQLite counts the smallest index; PostgreSQL's COUNT(*) reads the whole heap, so it sums
        // articles.version_count (kept in the append's transaction): a tenth of the rows, narrow ones
        return jdbi.withHandle(h -> h.createQuery(postgres ? "SELECT COALESCE(SUM(version_count), 0) FROM articles"
                : "SELECT COUNT(*) FROM versions").mapTo(Long.class).one());
    }

    @Override
    public List<Version> versions(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + VERSION_FIELDS + " FROM versions WHERE article_id = :a ORDER BY n")
                .bind("a", articleId).map((rs, ctx) -> Rows.version(rs, "")).list());
    }

    @Override
    public Optional<Version> version(long articleId, int number) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + VERSION_FIELDS + " FROM versions WHERE article_id = :a AND n = :n")
                .bind("a", articleId).bind("n", number).map((rs, ctx) -> Rows.version(rs, "")).findOne());
    }

    @Override
    public List<Integer> versionsWithHashes(long articleId, FieldHashes hashes) {
        return jdbi.withHandle(h -> h.createQuery("SELECT n FROM versions WHERE article_id = :a AND title_hash = :t "
                        + "AND byline_hash = :b AND body_hash = :body ORDER BY n")
                .bind("a", articleId).bind("t", hashes.title()).bind("b", hashes.byline()).bind("body", hashes.body())
                .mapTo(Integer.class).list());
    }

    @Override
    public Map<Long, List<Version>> versionsOf(List<Long> articleIds) {
        return versionsOf(articleIds, VERSION_FIELDS);
    }

    @Override
    public Map<Long, List<Version>> versionHeadsOf(List<Long> articleIds) {
        return versionsOf(articleIds, VERSION_FIELDS.replace("paragraphs", "'[]' AS paragraphs"));
    }

    private Map<Long, List<Version>> versionsOf(List<Long> articleIds, String fields) {
        Map<Long, List<Version>> out = new HashMap<>();
        if (articleIds.isEmpty()) {
            return out;
        }
        jdbi.useHandle(h -> h.createQuery("SELECT " + fields + " FROM versions WHERE article_id IN (<ids>) ORDER BY article_id, n")
                .bindList("ids", articleIds).map((rs, ctx) -> Rows.version(rs, ""))
                .forEach(v -> out.computeIfAbsent(v.articleId(), a -> new ArrayList<>()).add(v)));
        return out;
    }

    @Override
    public Version appendVersion(long articleId, NewVersion version) {
        try {
            return jdbi.inTransaction(h -> {
                try (VersionWriter writer = new VersionWriter(h.getConnection(), postgres)) {
                    return writer.append(articleId, version);
                }
            });
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
    }

    @Override
    public List<Version> importHistory(String canonicalUrl, Long sourceId, List<NewVersion> history) {
        return importHistories(List.of(new HistoryImport(canonicalUrl, sourceId, history))).getFirst();
    }

    @Override
    public List<List<Version>> importHistories(List<HistoryImport> histories) {
        for (HistoryImport history : histories) {
            if (history.versions().isEmpty()) {
                throw new BadInput("a history needs at least one version");
            }
        }
        try {
            return jdbi.inTransaction(h -> {
                if (postgres) {
                    return new PostgresImport(h.getConnection()).run(histories);
                }
                List<List<Version>> added = new ArrayList<>(histories.size());
                // one writer for the whole transaction: its statements are prepared once for every history
                try (VersionWriter writer = new VersionWriter(h.getConnection(), postgres)) {
                    for (HistoryImport history : histories) {
                        added.add(importOne(h, writer, history));
                    }
                }
                return added;
            });
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
    }

    private List<Version> importOne(Handle h, VersionWriter writer, HistoryImport history) throws SQLException {
        String canonicalUrl = history.canonicalUrl();
        insertOrAttach(h, canonicalUrl, history.sourceId(), history.versions().getFirst().fetchedAt().toEpochMilli(), null,
                ArticleStatus.SETTLED);
        long articleId = h.createQuery("SELECT id FROM articles WHERE url = :url").bind("url", canonicalUrl)
                .mapTo(Long.class).one();
        List<Version> existing = h.createQuery("SELECT " + VERSION_FIELDS + " FROM versions WHERE article_id = :a ORDER BY n")
                .bind("a", articleId).map((rs, ctx) -> Rows.version(rs, "")).list();
        List<Version> added = new ArrayList<>();
        for (NewVersion nv : ImportedHistory.unseen(canonicalUrl, existing.stream().map(ImportedHistory.Known::of).toList(),
                history.versions())) {
            added.add(writer.append(articleId, nv));
        }
        return added;
    }

    @Override
    public List<Change> recentChanges(Long sourceId, Long articleId, boolean includeFirst, boolean includeBoring,
                                      int offset, int limit) {
        return changes(sourceId, articleId, includeFirst, includeBoring, null, offset, limit);
    }

    @Override
    public List<Change> changesBefore(Long sourceId, boolean includeFirst, boolean includeBoring, long beforeVersionId,
                                      int limit) {
        return changes(sourceId, null, includeFirst, includeBoring, beforeVersionId, 0, limit);
    }

    @Override
    public List<Change> changesAfter(Long sourceId, boolean includeFirst, boolean includeBoring, long afterVersionId, int limit) {
        // only articles active since the cursor can hold a newer change: that set is the window, exact at once
        List<Change> oldestFirst = new ArrayList<>(jdbi.withHandle(h -> changes(h, sourceId, null, includeFirst, includeBoring,
                new Cursor(afterVersionId, true), 0, limit, sourceId == null ? 0 : -1)));
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** A keyset cursor: the changes after version {@code versionId} in newest-first order, or ({@code newer}) before it. */
    private record Cursor(long versionId, boolean newer) {
    }

    /**
     * Changes newest first. One source's: its most recently active articles first, a window of
     * them at a time (an article's {@code activity_at} is never before any of its versions'
     * fetch times, so once the last change wanted is newer than the first article left out, no
     * article outside the window holds a change before it); the window grows four times over
     * until that holds. Joining a source's articles with all their versions and sorting them, the
     * plan SQLite picked for the plain query, read every version of the source (seconds at a
     * million versions); walking the fetch-time index and skipping other sources' versions is
     * slow for a small source.
     */
    private List<Change> changes(Long sourceId, Long articleId, boolean includeFirst, boolean includeBoring,
                                 Long beforeVersionId, int offset, int limit) {
        Cursor cursor = beforeVersionId == null ? null : new Cursor(beforeVersionId, false);
        return jdbi.withHandle(h -> {
            if (sourceId == null || articleId != null) {
                return changes(h, sourceId, articleId, includeFirst, includeBoring, cursor, offset, limit, 0);
            }
            for (int window = Math.max(16, offset + limit); ; window = (int) Math.min(Integer.MAX_VALUE, window * 4L)) {
                List<Change> rows = changes(h, sourceId, null, includeFirst, includeBoring, cursor, offset, limit, window);
                Long firstLeftOut = h.createQuery("SELECT activity_at FROM articles WHERE source_id = :s"
                                + " ORDER BY activity_at DESC, id DESC LIMIT 1 OFFSET :window")
                        .bind("s", sourceId).bind("window", window).mapTo(Long.class).findOne().orElse(null);
                if (firstLeftOut == null
                        || (rows.size() == limit && rows.getLast().version().fetchedAt().toEpochMilli() > firstLeftOut)) {
                    return rows;
                }
            }
        });
    }

    /**
     * The changes query, newest first (oldest first for a {@link Cursor#newer} cursor); {@code window}
     * > 0 reads only that many of the source's most recently active articles, -1 only those active
     * since the cursor.
     */
    private static List<Change> changes(Handle h, Long sourceId, Long articleId, boolean includeFirst, boolean includeBoring,
                                        Cursor cursor, int offset, int limit, int window) {
        StringBuilder sql = new StringBuilder("SELECT ").append(columns("a", "a_", ARTICLE_FIELDS))
                .append(", s.name AS source_name, ").append(columns("v", "v_", VERSION_FIELDS))
                .append(", ").append(columns("p", "p_", VERSION_FIELDS)).append(" FROM ");
        if (window > 0) {
            sql.append("(SELECT id FROM articles WHERE source_id = :s ORDER BY activity_at DESC, id DESC LIMIT :window) w")
                    .append(" JOIN versions v ON v.article_id = w.id");
        } else if (window < 0) {
            sql.append("(SELECT id FROM articles WHERE source_id = :s AND activity_at >= (SELECT c.fetched_at FROM versions c")
                    .append(" WHERE c.id = :cursor)) w JOIN versions v ON v.article_id = w.id");
        } else {
            sql.append("versions v");
        }
        sql.append(" JOIN articles a ON a.id = v.article_id LEFT JOIN sources s ON s.id = a.source_id")
                .append(" LEFT JOIN versions p ON p.article_id = v.article_id AND p.n = v.n - 1 WHERE 1 = 1");
        if (sourceId != null) {
            sql.append(" AND a.source_id = :s");
        }
        if (articleId != null) {
            sql.append(" AND v.article_id = :a");
        }
        if (!includeFirst) {
            sql.append(" AND v.n > 0");
        }
        if (!includeBoring) {
            sql.append(" AND v.boring = 0");
        }
        if (cursor != null) {
            // keyset: after the cursor version in (fetched_at DESC, id DESC) order, or before it; the index on fetched_at serves both terms
            String at = "(SELECT c.fetched_at FROM versions c WHERE c.id = :cursor)";
            sql.append(cursor.newer() ? " AND v.fetched_at >= " + at + " AND (v.fetched_at > " + at + " OR v.id > :cursor)"
                    : " AND v.fetched_at <= " + at + " AND (v.fetched_at < " + at + " OR v.id < :cursor)");
        }
        String order = cursor != null && cursor.newer() ? " ASC" : " DESC";
        sql.append(" ORDER BY v.fetched_at").append(order).append(", v.id").append(order).append(" LIMIT :limit OFFSET :offset");
        Query q = h.createQuery(sql.toString()).bind("limit", limit).bind("offset", offset);
        if (window > 0) {
            q.bind("window", window);
        }
        if (cursor != null) {
            q.bind("cursor", cursor.versionId());
        }
        if (sourceId != null) {
            q.bind("s", sourceId);
        }
        if (articleId != null) {
            q.bind("a", articleId);
        }
        return q.map((rs, ctx) -> new Change(Rows.article(rs, "a_"), rs.getString("source_name"), Rows.version(rs, "v_"),
                nullableLong(rs, "p_id") == null ? null : Rows.version(rs, "p_"))).list();
    }

    @Override
    public void recordEvent(ArticleEvent event) {
        jdbi.useTransaction(h -> insertEvent(h, event));
    }

    @Override
    public int importLifecycle(long articleId, ArticleStatus status, List<ArticleEvent> events) {
        return jdbi.inTransaction(h -> {
            if (status == ArticleStatus.GONE) {
                h.createUpdate("UPDATE articles SET status = :s, next_check = NULL WHERE id = :a")
                        .bind("s", status.toString()).bind("a", articleId).execute();
            }
            int recorded = 0;
            for (ArticleEvent e : events) {
                boolean stored = h.createQuery("SELECT COUNT(*) FROM article_events WHERE article_id = :a AND at = :at"
                                + " AND kind = :kind AND " + (e.detail() == null ? "detail IS NULL" : "detail = :detail"))
                        .bind("a", articleId).bind("at", e.at().toEpochMilli()).bind("kind", e.kind().toString())
                        .bind("detail", e.detail()).mapTo(Long.class).one() > 0;
                if (!stored) {
                    insertEvent(h, new ArticleEvent(articleId, e.at(), e.kind(), e.detail()));
                    recorded++;
                }
            }
            return recorded;
        });
    }

    private static void insertEvent(Handle h, ArticleEvent event) {
        try (PreparedStatement s = h.getConnection().prepareStatement(CheckWriter.INSERT_EVENT)) {
            CheckWriter.bindEvent(s, event);
            s.executeUpdate();
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
    }

    @Override
    public List<ArticleEvent> recentEvents(Long sourceId, Long articleId, Set<EventKind> kinds, int limit) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT e.article_id, e.at, e.kind, e.detail FROM article_events e JOIN articles a ON a.id = e.article_id"
                + " WHERE e.kind IN (<kinds>)" + (sourceId != null ? " AND a.source_id = :s" : "")
                + (articleId != null ? " AND e.article_id = :a" : "") + " ORDER BY e.at DESC, e.id DESC LIMIT :limit";
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql).bindList("kinds", kinds.stream().map(EventKind::toString).toList())
                    .bind("limit", limit);
            if (sourceId != null) {
                q.bind("s", sourceId);
            }
            if (articleId != null) {
                q.bind("a", articleId);
            }
            return q.map(JdbcArticles::event).list();
        });
    }

    private static ArticleEvent event(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ArticleEvent(rs.getLong("article_id"), instant(rs, "at"), EventKind.fromWire(rs.getString("kind")),
                rs.getString("detail"));
    }

    @Override
    public List<ArticleEvent> events(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT article_id, at, kind, detail FROM article_events WHERE article_id = :a ORDER BY at, id")
                .bind("a", articleId)
                .map(JdbcArticles::event).list());
    }

    @Override
    public Map<Long, List<ArticleEvent>> eventsOf(List<Long> articleIds) {
        Map<Long, List<ArticleEvent>> out = new HashMap<>();
        if (articleIds.isEmpty()) {
            return out;
        }
        jdbi.useHandle(h -> h.createQuery("SELECT article_id, at, kind, detail FROM article_events WHERE article_id IN (<ids>)"
                        + " ORDER BY article_id, at, id")
                .bindList("ids", articleIds).map(JdbcArticles::event)
                .forEach(e -> out.computeIfAbsent(e.articleId(), a -> new ArrayList<>()).add(e)));
        return out;
    }

    @Override
    public List<ArticleEvent> recentEvents(Set<EventKind> kinds, Long sourceId, int limit) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> {
            Query q = h.createQuery("SELECT e.article_id, e.at, e.kind, e.detail FROM article_events e"
                    + (sourceId == null ? "" : " JOIN articles a ON a.id = e.article_id AND a.source_id = :s")
                    + " WHERE e.kind IN (<kinds>) ORDER BY e.at DESC, e.id DESC LIMIT :limit");
            if (sourceId != null) {
                q.bind("s", sourceId);
            }
            return q.bindList("kinds", kinds.stream().map(EventKind::toString).toList()).bind("limit", limit)
                    .map((rs, ctx) -> new ArticleEvent(rs.getLong("article_id"), instant(rs, "at"),
                            EventKind.fromWire(rs.getString("kind")), rs.getString("detail")))
                    .list();
        });
    }

    @Override
    public List<CheckLog> checks(long articleId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT article_id, at, http_status, outcome, error FROM check_log"
                        + " WHERE article_id = :a ORDER BY at DESC, id DESC LIMIT :limit")
                .bind("a", articleId).bind("limit", limit)
                .map((rs, ctx) -> new CheckLog(rs.getLong("article_id"), instant(rs, "at"),
                        nullableLong(rs, "http_status") == null ? null : rs.getInt("http_status"),
                        Outcome.fromWire(rs.getString("outcome")), rs.getString("error")))
                .list());
    }
}
