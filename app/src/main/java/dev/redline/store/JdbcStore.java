package dev.redline.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.redline.article.ArticleText;
import dev.redline.extract.ExtractRules;
import dev.redline.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Store} over JDBC (JDBI), for SQLite and PostgreSQL alike; open one with
 * {@link #open(String)}. The SQL is shared except where the databases truly differ: full-text
 * search (FTS5 / tsvector) and claiming due work ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL; on
 * SQLite every write transaction is {@code BEGIN IMMEDIATE}, which serialises writers anyway).
 * Instants are stored as epoch milliseconds, so they come back truncated to the millisecond.
 *
 * <p>Thread-safe: all state is in the database and the connection pool; any number of threads,
 * store instances and processes may share one database.
 */
public final class JdbcStore implements Store {
    private static final Logger log = LoggerFactory.getLogger(JdbcStore.class);

    /** Re-check interval in the fetch state of an article never checked yet. */
    public static final Duration INITIAL_INTERVAL = Duration.ofMinutes(30);

    /** A source whose latest poll or check failed counts as failing after this long without success. */
    static final Duration FAILING_AFTER = Duration.ofHours(6);
    /** ... or after this many errors in the last 24 hours. */
    static final int FAILING_ERRORS = 3;
    /** A source with no new article and no change for this long is quiet. */
    static final Duration QUIET_AFTER = Duration.ofDays(3);

    private static final String ARTICLE_FIELDS =
            "id, source_id, url, title, first_seen, last_checked, next_check, status, version_count";
    private static final String VERSION_FIELDS =
            "id, article_id, n, fetched_at, title, byline, paragraphs, changed, boring, boring_reason, capture_ref";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean postgres;
    private final Clock clock;
    private final List<Consumer<Version>> listeners = new CopyOnWriteArrayList<>();

    JdbcStore(HikariDataSource dataSource, boolean postgres, Clock clock) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.postgres = postgres;
        this.clock = clock;
    }

    /**
     * Opens (creating and migrating as needed) the database at a JDBC URL: {@code jdbc:sqlite:FILE}
     * or {@code jdbc:postgresql://…}. Throws {@link IllegalArgumentException} naming the file or URL
     * when it is not a usable database; such a file is never written to.
     */
    public static JdbcStore open(String jdbcUrl) {
        return open(jdbcUrl, Clock.systemUTC());
    }

    /** As {@link #open(String)}, with the clock that stamps sources' creation times. */
    public static JdbcStore open(String jdbcUrl, Clock clock) {
        return StoreDatabase.open(jdbcUrl, clock);
    }

    // --- sources -------------------------------------------------------------------------------

    @Override
    public Source addSource(String name, List<String> feeds, List<String> sitemaps, ExtractRules rules) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a source needs a name");
        }
        long now = clock.millis();
        try {
            long id = jdbi.inTransaction(h -> {
                if (h.createQuery("SELECT COUNT(*) FROM sources WHERE name = :name").bind("name", name)
                        .mapTo(Long.class).one() > 0) {
                    throw new IllegalArgumentException("a source named '" + name + "' already exists");
                }
                long sourceId = h.createQuery("INSERT INTO sources (name, rules, created_at) VALUES (:name, :rules, :at) RETURNING id")
                        .bind("name", name).bind("rules", Json.write(rules == null ? ExtractRules.NONE : rules))
                        .bind("at", now).mapTo(Long.class).one();
                int position = 0;
                for (String url : new LinkedHashSet<>(feeds)) {
                    insertFeed(h, sourceId, url, false, position++, now);
                }
                for (String url : new LinkedHashSet<>(sitemaps)) {
                    insertFeed(h, sourceId, url, true, position++, now);
                }
                return sourceId;
            });
            return source(id).orElseThrow();
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                throw new IllegalArgumentException("a source named '" + name + "' already exists", e);
            }
            throw e;
        }
    }

    private static void insertFeed(Handle h, long sourceId, String url, boolean sitemap, int position, long now) {
        h.createUpdate("INSERT INTO source_feeds (source_id, url, sitemap, position, next_poll) VALUES (:s, :url, :sitemap, :pos, :now)")
                .bind("s", sourceId).bind("url", url).bind("sitemap", sitemap ? 1 : 0).bind("pos", position)
                .bind("now", now).execute();
    }

    @Override
    public Optional<Source> source(String name) {
        return loadSources("WHERE name = :key", name).stream().findFirst();
    }

    @Override
    public Optional<Source> source(long id) {
        return loadSources("WHERE id = :key", id).stream().findFirst();
    }

    @Override
    public List<Source> sources() {
        return loadSources("", null);
    }

    private List<Source> loadSources(String where, Object key) {
        return jdbi.withHandle(h -> {
            Query query = h.createQuery("SELECT id, name, rules, created_at FROM sources " + where + " ORDER BY name");
            if (key != null) {
                query.bind("key", key);
            }
            record Row(long id, String name, String rules, long createdAt) {
            }
            List<Row> rows = query.map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("name"),
                    rs.getString("rules"), rs.getLong("created_at"))).list();
            List<Source> result = new ArrayList<>();
            for (Row row : rows) {
                List<String> feeds = new ArrayList<>();
                List<String> sitemaps = new ArrayList<>();
                h.createQuery("SELECT url, sitemap FROM source_feeds WHERE source_id = :s ORDER BY position")
                        .bind("s", row.id()).map((rs, ctx) -> {
                            (rs.getInt("sitemap") == 1 ? sitemaps : feeds).add(rs.getString("url"));
                            return null;
                        }).list();
                result.add(new Source(row.id(), row.name(), feeds, sitemaps,
                        Json.MAPPER.readValue(row.rules(), ExtractRules.class), Instant.ofEpochMilli(row.createdAt())));
            }
            return result;
        });
    }

    @Override
    public boolean removeSource(String name) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM sources WHERE name = :name").bind("name", name).execute() > 0);
    }

    @Override
    public List<SourceHealth> sourceHealth(Instant now) {
        long dayAgo = now.minus(Duration.ofDays(1)).toEpochMilli();
        long weekAgo = now.minus(Duration.ofDays(7)).toEpochMilli();
        return jdbi.withHandle(h -> {
            List<SourceHealth> result = new ArrayList<>();
            for (Source source : sources()) {
                long id = source.id();
                record Row(Instant lastSuccess, String lastError, Instant lastErrorAt) {
                }
                Row row = h.createQuery("SELECT last_success, last_error, last_error_at FROM sources WHERE id = :id")
                        .bind("id", id).map((rs, ctx) -> new Row(instant(rs, "last_success"), rs.getString("last_error"),
                                instant(rs, "last_error_at"))).one();
                long articles = count(h, "SELECT COUNT(*) FROM articles WHERE source_id = :id", id, null);
                long errors = count(h, "SELECT COUNT(*) FROM check_log c JOIN articles a ON a.id = c.article_id"
                        + " WHERE a.source_id = :id AND c.at >= :since AND (c.error IS NOT NULL OR c.outcome = 'error')", id, dayAgo)
                        + count(h, "SELECT COUNT(*) FROM feed_log WHERE source_id = :id AND at >= :since AND error IS NOT NULL", id, dayAgo);
                long newThisWeek = count(h, "SELECT COUNT(*) FROM articles WHERE source_id = :id AND first_seen >= :since", id, weekAgo);
                Instant lastChange = maxInstant(h, "SELECT MAX(last_change_at) FROM articles WHERE source_id = :id", id);
                Instant lastNew = maxInstant(h, "SELECT MAX(first_seen) FROM articles WHERE source_id = :id", id);
                String verdict = verdict(source, now, row.lastSuccess(), row.lastErrorAt(), errors, lastNew, lastChange);
                result.add(new SourceHealth(source, articles, row.lastSuccess(), row.lastError(), errors,
                        newThisWeek / 7.0, lastChange, verdict));
            }
            return result;
        });
    }

    /**
     * "failing" when the latest poll or check failed and either nothing succeeded for
     * {@link #FAILING_AFTER} or errors keep coming ({@link #FAILING_ERRORS} in 24 h); "quiet" when
     * the source, older than {@link #QUIET_AFTER}, gave no new article and no change for that long.
     */
    private static String verdict(Source source, Instant now, Instant lastSuccess, Instant lastErrorAt, long errors24h,
                                  Instant lastNew, Instant lastChange) {
        boolean latestFailed = lastErrorAt != null && (lastSuccess == null || !lastSuccess.isAfter(lastErrorAt));
        if (latestFailed && (lastSuccess == null || lastSuccess.isBefore(now.minus(FAILING_AFTER)) || errors24h >= FAILING_ERRORS)) {
            return "failing";
        }
        Instant quietSince = now.minus(QUIET_AFTER);
        Instant lastNews = lastNew == null ? lastChange : lastChange == null ? lastNew
                : lastNew.isAfter(lastChange) ? lastNew : lastChange;
        if (source.createdAt().isBefore(quietSince) && (lastNews == null || lastNews.isBefore(quietSince))) {
            return "quiet";
        }
        return "ok";
    }

    private static long count(Handle h, String sql, long id, Long since) {
        Query q = h.createQuery(sql).bind("id", id);
        if (since != null) {
            q.bind("since", since);
        }
        return q.mapTo(Long.class).one();
    }

    private static Instant maxInstant(Handle h, String sql, long id) {
        return h.createQuery(sql).bind("id", id).map((rs, ctx) -> instant(rs, 1)).one();
    }

    // --- articles ------------------------------------------------------------------------------

    @Override
    public Article upsertArticle(String canonicalUrl, Long sourceId, Instant seenAt) {
        if (canonicalUrl == null || canonicalUrl.isBlank()) {
            throw new IllegalArgumentException("an article needs a URL");
        }
        long at = seenAt.toEpochMilli();
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO articles (url, source_id, first_seen, next_check, status, activity_at)"
                            + " VALUES (:url, :s, :at, :at, 'active', :at) ON CONFLICT (url) DO NOTHING")
                    .bind("url", canonicalUrl).bind("s", sourceId).bind("at", at).execute();
            if (sourceId != null) {
                h.createUpdate("UPDATE articles SET source_id = :s WHERE url = :url AND source_id IS NULL")
                        .bind("s", sourceId).bind("url", canonicalUrl).execute();
            }
            return h.createQuery("SELECT " + ARTICLE_FIELDS + " FROM articles WHERE url = :url")
                    .bind("url", canonicalUrl).map((rs, ctx) -> article(rs, "")).one();
        });
    }

    @Override
    public Optional<Article> article(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ARTICLE_FIELDS + " FROM articles WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> article(rs, "")).findOne());
    }

    @Override
    public Optional<Article> articleByUrl(String canonicalUrl) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ARTICLE_FIELDS + " FROM articles WHERE url = :url")
                .bind("url", canonicalUrl).map((rs, ctx) -> article(rs, "")).findOne());
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
            return q.bind("limit", limit).bind("offset", offset).map((rs, ctx) -> article(rs, "")).list();
        });
    }

    /**
     * Articles in id order after {@code afterId} (0 to start): a stable way to walk every article
     * while others keep writing, for export and re-indexing.
     */
    public List<Article> articlesAfter(long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ARTICLE_FIELDS + " FROM articles WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit).map((rs, ctx) -> article(rs, "")).list());
    }

    @Override
    public long articleCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles").mapTo(Long.class).one());
    }

    @Override
    public long versionCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM versions").mapTo(Long.class).one());
    }

    // --- versions ------------------------------------------------------------------------------

    @Override
    public List<Version> versions(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + VERSION_FIELDS + " FROM versions WHERE article_id = :a ORDER BY n")
                .bind("a", articleId).map((rs, ctx) -> version(rs, "")).list());
    }

    @Override
    public Optional<Version> version(long articleId, int number) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + VERSION_FIELDS + " FROM versions WHERE article_id = :a AND n = :n")
                .bind("a", articleId).bind("n", number).map((rs, ctx) -> version(rs, "")).findOne());
    }

    @Override
    public Version appendVersion(long articleId, NewVersion version) {
        Version stored = jdbi.inTransaction(h -> append(h, articleId, version));
        notifyListeners(List.of(stored));
        return stored;
    }

    /**
     * Loads an archived history in one transaction: creates the article if it is new (settled, since
     * imported text is not re-checked unless the tracker is told to follow it), attaches the source
     * if the article has none, and appends the versions that are not stored yet. A version counts as
     * stored when one with the same fetch time (to the millisecond) and the same normalised fields
     * exists, so importing the same history twice adds nothing. Nothing is written when a new version
     * is older than the newest stored one (versions are append-only).
     *
     * @return the versions appended (empty when all were there)
     * @throws IllegalArgumentException when the history conflicts with what is stored
     */
    public List<Version> importHistory(String canonicalUrl, Long sourceId, List<NewVersion> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("a history needs at least one version");
        }
        long firstSeen = history.getFirst().fetchedAt().toEpochMilli();
        List<Version> appended = jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO articles (url, source_id, first_seen, next_check, status, activity_at)"
                            + " VALUES (:url, :s, :at, NULL, 'settled', :at) ON CONFLICT (url) DO NOTHING")
                    .bind("url", canonicalUrl).bind("s", sourceId).bind("at", firstSeen).execute();
            if (sourceId != null) {
                h.createUpdate("UPDATE articles SET source_id = :s WHERE url = :url AND source_id IS NULL")
                        .bind("s", sourceId).bind("url", canonicalUrl).execute();
            }
            long articleId = h.createQuery("SELECT id FROM articles WHERE url = :url").bind("url", canonicalUrl)
                    .mapTo(Long.class).one();
            List<Version> existing = h.createQuery("SELECT " + VERSION_FIELDS + " FROM versions WHERE article_id = :a ORDER BY n")
                    .bind("a", articleId).map((rs, ctx) -> version(rs, "")).list();
            List<Version> added = new ArrayList<>();
            Instant newest = existing.isEmpty() ? null : existing.getLast().fetchedAt();
            for (NewVersion nv : history) {
                Instant at = Instant.ofEpochMilli(nv.fetchedAt().toEpochMilli());
                FieldHashes hashes = FieldHashes.of(nv.text());
                boolean stored = existing.stream().anyMatch(v -> v.fetchedAt().equals(at) && FieldHashes.of(v.text()).equals(hashes));
                if (stored) {
                    continue;
                }
                if (newest != null && at.isBefore(newest)) {
                    throw new IllegalArgumentException("the version fetched at " + at + " is older than stored version "
                            + (existing.size() + added.size() - 1) + " (" + newest + ") and not in the store; versions are append-only");
                }
                Version v = append(h, articleId, nv);
                added.add(v);
                newest = v.fetchedAt();
            }
            return added;
        });
        notifyListeners(appended);
        return appended;
    }

    private Version append(Handle h, long articleId, NewVersion nv) {
        ArticleText text = nv.text();
        long at = nv.fetchedAt().toEpochMilli();
        FieldHashes hashes = FieldHashes.of(text);
        String changed = nv.changed().stream().sorted().map(VersionField::toString).collect(Collectors.joining(","));
        // The article row is the counter: the UPDATE takes its row lock (PostgreSQL) or the write
        // lock (SQLite) before the number is read, and UNIQUE (article_id, n) backs it up.
        int count = h.createQuery("UPDATE articles SET version_count = version_count + 1, title = :title,"
                        + " activity_at = CASE WHEN activity_at > :at THEN activity_at ELSE :at END,"
                        + " last_change_at = CASE WHEN version_count > 0 THEN :at ELSE last_change_at END"
                        + " WHERE id = :id RETURNING version_count")
                .bind("title", text.title()).bind("at", at).bind("id", articleId)
                .mapTo(Integer.class).findOne()
                .orElseThrow(() -> new IllegalArgumentException("no article with id " + articleId));
        int n = count - 1;
        String titleWords = SearchText.indexText(text.title());
        String bylineWords = SearchText.indexText(text.byline());
        String bodyWords = SearchText.indexBody(text);
        Query insert = h.createQuery("INSERT INTO versions (article_id, n, fetched_at, title, byline, paragraphs, title_hash,"
                        + " byline_hash, body_hash, changed, boring, boring_reason, capture_ref"
                        + (postgres ? ", search" : "") + ") VALUES (:a, :n, :at, :title, :byline, :paragraphs, :th, :bh, :body,"
                        + " :changed, :boring, :reason, :capture"
                        + (postgres ? ", setweight(to_tsvector('simple', :tw), 'A') || to_tsvector('simple', :ow)" : "")
                        + ") RETURNING id")
                .bind("a", articleId).bind("n", n).bind("at", at).bind("title", text.title())
                .bind("byline", text.byline()).bind("paragraphs", Json.write(text.paragraphs()))
                .bind("th", hashes.title()).bind("bh", hashes.byline()).bind("body", hashes.body())
                .bind("changed", changed).bind("boring", nv.boring() ? 1 : 0).bind("reason", nv.boringReason())
                .bind("capture", nv.captureRef());
        if (postgres) {
            insert.bind("tw", titleWords).bind("ow", (bylineWords + " " + bodyWords).strip());
        }
        long id = insert.mapTo(Long.class).one();
        if (!postgres) {
            h.createUpdate("INSERT INTO versions_fts (rowid, title, byline, body) VALUES (:id, :t, :b, :body)")
                    .bind("id", id).bind("t", titleWords).bind("b", bylineWords).bind("body", bodyWords).execute();
        }
        return new Version(id, articleId, n, Instant.ofEpochMilli(at), text, nv.changed(), nv.boring(),
                nv.boringReason(), nv.captureRef());
    }

    private void notifyListeners(List<Version> committed) {
        for (Version version : committed) {
            for (Consumer<Version> listener : listeners) {
                try {
                    listener.accept(version);
                } catch (RuntimeException e) {
                    // The version is committed; a failing listener (say, the trace index) must not undo or hide that.
                    log.warn("append listener failed for article {} version {}", version.articleId(), version.number(), e);
                }
            }
        }
    }

    @Override
    public List<Change> recentChanges(Long sourceId, Long articleId, boolean includeFirst, boolean includeBoring,
                                      int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(columns("a", "a_", ARTICLE_FIELDS))
                .append(", s.name AS source_name, ").append(columns("v", "v_", VERSION_FIELDS))
                .append(", ").append(columns("p", "p_", VERSION_FIELDS))
                .append(" FROM versions v JOIN articles a ON a.id = v.article_id LEFT JOIN sources s ON s.id = a.source_id")
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
        sql.append(" ORDER BY v.fetched_at DESC, v.id DESC LIMIT :limit OFFSET :offset");
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.toString()).bind("limit", limit).bind("offset", offset);
            if (sourceId != null) {
                q.bind("s", sourceId);
            }
            if (articleId != null) {
                q.bind("a", articleId);
            }
            return q.map((rs, ctx) -> new Change(article(rs, "a_"), rs.getString("source_name"), version(rs, "v_"),
                    nullableLong(rs, "p_id") == null ? null : version(rs, "p_"))).list();
        });
    }

    // --- search --------------------------------------------------------------------------------

    @Override
    public List<SearchHit> search(String query, Long sourceId, Instant from, Instant to, int limit) {
        SearchText.Query parsed = SearchText.parse(query == null ? "" : query);
        if (parsed.isEmpty() || limit <= 0) {
            return List.of();
        }
        // (vid, score): matching version ids, lower score = better match.
        String matches = postgres
                ? "SELECT id AS vid, -ts_rank(search, to_tsquery('simple', :q)) AS score FROM versions WHERE search @@ to_tsquery('simple', :q)"
                : "SELECT rowid AS vid, rank AS score FROM versions_fts WHERE versions_fts MATCH :q";
        String match = postgres ? parsed.tsquery() : parsed.fts5();
        StringBuilder filter = new StringBuilder();
        if (sourceId != null) {
            filter.append(" AND a.source_id = :s");
        }
        if (from != null) {
            filter.append(" AND v.fetched_at >= :from");
        }
        if (to != null) {
            filter.append(" AND v.fetched_at < :to");
        }
        String base = " FROM (" + matches + ") m JOIN versions v ON v.id = m.vid JOIN articles a ON a.id = v.article_id WHERE 1 = 1" + filter;
        return jdbi.withHandle(h -> {
            record Best(long articleId, Instant lastAt) {
            }
            List<Best> best = bindSearch(h.createQuery("SELECT v.article_id, MIN(m.score) AS score, MAX(v.fetched_at) AS last_at"
                    + base + " GROUP BY v.article_id ORDER BY score, last_at DESC LIMIT :limit"), match, sourceId, from, to)
                    .bind("limit", limit)
                    .map((rs, ctx) -> new Best(rs.getLong("article_id"), instant(rs, "last_at"))).list();
            if (best.isEmpty()) {
                return List.<SearchHit>of();
            }
            Map<Long, List<Integer>> numbers = new LinkedHashMap<>();
            best.forEach(b -> numbers.put(b.articleId(), new ArrayList<>()));
            bindSearch(h.createQuery("SELECT v.article_id, v.n" + base + " AND v.article_id IN (<ids>) ORDER BY v.article_id, v.n"),
                    match, sourceId, from, to)
                    .bindList("ids", List.copyOf(numbers.keySet()))
                    .map((rs, ctx) -> numbers.get(rs.getLong("article_id")).add(rs.getInt("n"))).list();
            List<SearchHit> hits = new ArrayList<>();
            for (Best b : best) {
                List<Integer> ns = numbers.get(b.articleId());
                Article article = h.createQuery("SELECT " + ARTICLE_FIELDS + " FROM articles WHERE id = :id")
                        .bind("id", b.articleId()).map((rs, ctx) -> article(rs, "")).one();
                Version newest = h.createQuery("SELECT " + VERSION_FIELDS + " FROM versions WHERE article_id = :a AND n = :n")
                        .bind("a", b.articleId()).bind("n", ns.getLast()).map((rs, ctx) -> version(rs, "")).one();
                String sourceName = article.sourceId() == null ? null
                        : h.createQuery("SELECT name FROM sources WHERE id = :id").bind("id", article.sourceId())
                        .mapTo(String.class).findOne().orElse(null);
                SearchText.Snippet snippet = SearchText.snippet(newest.text(), parsed);
                hits.add(new SearchHit(article, sourceName, List.copyOf(ns), b.lastAt(), snippet.text(), snippet.highlights()));
            }
            return hits;
        });
    }

    private static Query bindSearch(Query q, String match, Long sourceId, Instant from, Instant to) {
        q.bind("q", match);
        if (sourceId != null) {
            q.bind("s", sourceId);
        }
        if (from != null) {
            q.bind("from", from.toEpochMilli());
        }
        if (to != null) {
            q.bind("to", to.toEpochMilli());
        }
        return q;
    }

    // --- tracking ------------------------------------------------------------------------------

    /**
     * {@inheritDoc}
     *
     * <p>With {@code ignoreSchedule}, an article already checked at or after {@code now} is not
     * claimed again, so a caller passing its run's start time as {@code now} claims each article once.
     */
    @Override
    public List<Article> claimDueArticles(Instant now, int limit, String workerId, Duration lease, boolean ignoreSchedule) {
        String due = ignoreSchedule ? "(last_checked IS NULL OR last_checked < :now)" : "next_check <= :now";
        String sql = "UPDATE articles SET lease_owner = :w, lease_until = :until WHERE id IN ("
                + "SELECT id FROM articles WHERE status IN ('active', 'failing') AND " + due
                + " AND (lease_until IS NULL OR lease_until <= :now) ORDER BY next_check, id LIMIT :limit"
                + (postgres ? " FOR UPDATE SKIP LOCKED" : "") + ") RETURNING " + ARTICLE_FIELDS;
        List<Article> claimed = new ArrayList<>(jdbi.inTransaction(h -> h.createQuery(sql)
                .bind("w", workerId).bind("until", now.plus(lease).toEpochMilli()).bind("now", now.toEpochMilli())
                .bind("limit", limit).map((rs, ctx) -> article(rs, "")).list()));
        claimed.sort(Comparator.comparing(Article::nextCheck, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(Article::id));
        return claimed;
    }

    /** {@inheritDoc} A never-checked article has no validators and {@link #INITIAL_INTERVAL}. */
    @Override
    public FetchState fetchState(long articleId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT etag, last_modified, interval_ms, unchanged_streak, failures FROM articles WHERE id = :id")
                .bind("id", articleId)
                .map((rs, ctx) -> {
                    Long interval = nullableLong(rs, "interval_ms");
                    return new FetchState(rs.getString("etag"), rs.getString("last_modified"),
                            interval == null ? INITIAL_INTERVAL : Duration.ofMillis(interval),
                            rs.getInt("unchanged_streak"), rs.getInt("failures"));
                })
                .findOne().orElseThrow(() -> new IllegalArgumentException("no article with id " + articleId)));
    }

    /**
     * {@inheritDoc}
     *
     * <p>The check is always logged; the schedule is only updated while this worker still holds the
     * article (or nobody does), so a worker whose lease expired and was taken over cannot overwrite
     * the newer owner's schedule.
     */
    @Override
    public void finishCheck(long articleId, String workerId, CheckOutcome outcome) {
        long at = outcome.at().toEpochMilli();
        FetchState state = Objects.requireNonNull(outcome.state(), "state");
        boolean failed = outcome.error() != null || "error".equals(outcome.outcome());
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO check_log (article_id, at, http_status, outcome, error) VALUES (:a, :at, :status, :outcome, :error)")
                    .bind("a", articleId).bind("at", at).bind("status", outcome.httpStatus())
                    .bind("outcome", outcome.outcome()).bind("error", outcome.error()).execute();
            h.createUpdate("UPDATE articles SET last_checked = :at, next_check = :next, status = :st, etag = :etag,"
                            + " last_modified = :lm, interval_ms = :interval, unchanged_streak = :streak, failures = :failures,"
                            + " lease_owner = NULL, lease_until = NULL"
                            + " WHERE id = :a AND (lease_owner IS NULL OR lease_owner = :w OR lease_until <= :at)")
                    .bind("at", at).bind("next", millis(outcome.nextCheck())).bind("st", outcome.status().toString())
                    .bind("etag", state.etag()).bind("lm", state.lastModified())
                    .bind("interval", state.interval() == null ? null : state.interval().toMillis())
                    .bind("streak", state.unchangedStreak()).bind("failures", state.failures())
                    .bind("a", articleId).bind("w", workerId).execute();
            Long sourceId = h.createQuery("SELECT source_id FROM articles WHERE id = :a").bind("a", articleId)
                    .map((rs, ctx) -> nullableLong(rs, "source_id")).one();
            if (sourceId != null) {
                recordSourceResult(h, sourceId, at, failed ? Objects.requireNonNullElse(outcome.error(), outcome.outcome()) : null);
            }
        });
    }

    private static void recordSourceResult(Handle h, long sourceId, long at, String error) {
        if (error == null) {
            h.createUpdate("UPDATE sources SET last_success = :at WHERE id = :s AND (last_success IS NULL OR last_success < :at)")
                    .bind("at", at).bind("s", sourceId).execute();
        } else {
            h.createUpdate("UPDATE sources SET last_error = :e, last_error_at = :at WHERE id = :s AND (last_error_at IS NULL OR last_error_at <= :at)")
                    .bind("e", error).bind("at", at).bind("s", sourceId).execute();
        }
    }

    @Override
    public List<FeedTask> claimDueFeeds(Instant now, int limit, String workerId, Duration lease) {
        String sql = "UPDATE source_feeds SET lease_owner = :w, lease_until = :until WHERE id IN ("
                + "SELECT id FROM source_feeds WHERE next_poll <= :now AND (lease_until IS NULL OR lease_until <= :now)"
                + " ORDER BY next_poll, id LIMIT :limit" + (postgres ? " FOR UPDATE SKIP LOCKED" : "")
                + ") RETURNING source_id, url, sitemap, etag, last_modified";
        return jdbi.inTransaction(h -> {
            record Row(long sourceId, String url, boolean sitemap, String etag, String lastModified) {
            }
            List<Row> rows = h.createQuery(sql).bind("w", workerId).bind("until", now.plus(lease).toEpochMilli())
                    .bind("now", now.toEpochMilli()).bind("limit", limit)
                    .map((rs, ctx) -> new Row(rs.getLong("source_id"), rs.getString("url"), rs.getInt("sitemap") == 1,
                            rs.getString("etag"), rs.getString("last_modified"))).list();
            List<FeedTask> tasks = new ArrayList<>();
            for (Row r : rows) {
                String name = h.createQuery("SELECT name FROM sources WHERE id = :id").bind("id", r.sourceId()).mapTo(String.class).one();
                tasks.add(new FeedTask(r.sourceId(), name, r.url(), r.sitemap(), r.etag(), r.lastModified()));
            }
            return tasks;
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>A null {@code etag} or {@code lastModified} keeps the stored one (a 304 or a failed poll
     * carries no new validators). A poll of a source removed meanwhile is ignored.
     */
    @Override
    public void finishFeedPoll(FeedTask feed, String workerId, Instant at, Integer httpStatus, String error, String etag,
                               String lastModified, int newArticles, Instant nextPoll) {
        long when = at.toEpochMilli();
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE source_feeds SET etag = COALESCE(:etag, etag), last_modified = COALESCE(:lm, last_modified),"
                            + " next_poll = :next, last_polled = :at, last_status = :status, last_error = :error,"
                            + " lease_owner = NULL, lease_until = NULL"
                            + " WHERE source_id = :s AND url = :url AND (lease_owner IS NULL OR lease_owner = :w OR lease_until <= :at)")
                    .bind("etag", etag).bind("lm", lastModified).bind("next", nextPoll.toEpochMilli()).bind("at", when)
                    .bind("status", httpStatus).bind("error", error).bind("s", feed.sourceId()).bind("url", feed.url())
                    .bind("w", workerId).execute();
            boolean sourceExists = updated > 0 || count(h, "SELECT COUNT(*) FROM sources WHERE id = :id", feed.sourceId(), null) > 0;
            if (!sourceExists) {
                return;
            }
            h.createUpdate("INSERT INTO feed_log (source_id, url, at, http_status, error, new_articles) VALUES (:s, :url, :at, :status, :error, :n)")
                    .bind("s", feed.sourceId()).bind("url", feed.url()).bind("at", when).bind("status", httpStatus)
                    .bind("error", error).bind("n", newArticles).execute();
            recordSourceResult(h, feed.sourceId(), when, error);
        });
    }

    @Override
    public Instant reserveHostSlot(String host, Instant now, Duration minDelay) {
        long delay = minDelay.toMillis();
        long nowMs = now.toEpochMilli();
        // One upsert: atomic on both databases (row lock on PostgreSQL, write lock on SQLite).
        long nextFree = jdbi.inTransaction(h -> h.createQuery("INSERT INTO host_slots (host, next_free) VALUES (:host, :first)"
                        + " ON CONFLICT (host) DO UPDATE SET next_free ="
                        + " (CASE WHEN host_slots.next_free > :now THEN host_slots.next_free ELSE :now END) + :delay"
                        + " RETURNING next_free")
                .bind("host", host.toLowerCase(Locale.ROOT)).bind("first", nowMs + delay).bind("now", nowMs)
                .bind("delay", delay).mapTo(Long.class).one());
        return Instant.ofEpochMilli(Math.max(nowMs, nextFree - delay));
    }

    @Override
    public void recordEvent(ArticleEvent event) {
        jdbi.useTransaction(h -> h.createUpdate("INSERT INTO article_events (article_id, at, kind, detail) VALUES (:a, :at, :kind, :detail)")
                .bind("a", event.articleId()).bind("at", event.at().toEpochMilli()).bind("kind", event.kind())
                .bind("detail", event.detail()).execute());
    }

    @Override
    public List<ArticleEvent> events(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT article_id, at, kind, detail FROM article_events WHERE article_id = :a ORDER BY at, id")
                .bind("a", articleId)
                .map((rs, ctx) -> new ArticleEvent(rs.getLong("article_id"), instant(rs, "at"), rs.getString("kind"), rs.getString("detail")))
                .list());
    }

    @Override
    public List<ArticleEvent> recentEvents(Set<String> kinds, Long sourceId, int limit) {
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
            return q.bindList("kinds", List.copyOf(kinds)).bind("limit", limit)
                    .map((rs, ctx) -> new ArticleEvent(rs.getLong("article_id"), instant(rs, "at"), rs.getString("kind"), rs.getString("detail")))
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
                        rs.getString("outcome"), rs.getString("error")))
                .list());
    }

    // --- extension points ------------------------------------------------------------------------

    @Override
    public void addAppendListener(Consumer<Version> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public boolean isPostgres() {
        return postgres;
    }

    /** The JDBI instance over {@link #dataSource()}, for features with tables of their own. */
    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    // --- mapping ---------------------------------------------------------------------------------

    private static String columns(String alias, String prefix, String fields) {
        return Arrays.stream(fields.split(",\\s*")).map(f -> alias + "." + f + " AS " + prefix + f)
                .collect(Collectors.joining(", "));
    }

    private static Article article(ResultSet rs, String prefix) throws SQLException {
        return new Article(rs.getLong(prefix + "id"), nullableLong(rs, prefix + "source_id"), rs.getString(prefix + "url"),
                rs.getString(prefix + "title"), instant(rs, prefix + "first_seen"), instant(rs, prefix + "last_checked"),
                instant(rs, prefix + "next_check"), ArticleStatus.parse(rs.getString(prefix + "status")),
                rs.getInt(prefix + "version_count"));
    }

    private static Version version(ResultSet rs, String prefix) throws SQLException {
        ArticleText text = new ArticleText(rs.getString(prefix + "title"), rs.getString(prefix + "byline"),
                List.of(Json.MAPPER.readValue(rs.getString(prefix + "paragraphs"), String[].class)));
        Set<VersionField> changed = EnumSet.noneOf(VersionField.class);
        for (String field : rs.getString(prefix + "changed").split(",")) {
            if (!field.isEmpty()) {
                changed.add(VersionField.valueOf(field.toUpperCase(Locale.ROOT)));
            }
        }
        return new Version(rs.getLong(prefix + "id"), rs.getLong(prefix + "article_id"), rs.getInt(prefix + "n"),
                instant(rs, prefix + "fetched_at"), text, changed, rs.getInt(prefix + "boring") == 1,
                rs.getString(prefix + "boring_reason"), rs.getString(prefix + "capture_ref"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Long v = nullableLong(rs, column);
        return v == null ? null : Instant.ofEpochMilli(v);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    /** True when the failure, or one of its causes, is a unique-constraint violation. */
    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState())
                    || String.valueOf(sql.getMessage()).contains("UNIQUE constraint failed"))) {
                return true;
            }
        }
        return false;
    }
}
