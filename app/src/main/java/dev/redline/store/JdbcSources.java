package dev.redline.store;

import static dev.redline.store.Rows.count;
import static dev.redline.store.Rows.instant;

import dev.redline.error.BadInput;
import dev.redline.error.Conflict;
import dev.redline.extract.ExtractRules;
import dev.redline.json.Json;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link SourceStore} over JDBC: sources with their feeds, and the health verdict of each.
 * Thread-safe (all state is in the database, but for the names of sources by id, see
 * {@link #sourceName}).
 */
final class JdbcSources implements SourceStore {
    /** A source whose latest poll or check failed counts as failing after this long without success. */
    static final Duration FAILING_AFTER = Duration.ofHours(6);
    /** ... or after this many errors in the last 24 hours. */
    static final int FAILING_ERRORS = 3;
    /** A source with no new article and no change for this long is quiet. */
    static final Duration QUIET_AFTER = Duration.ofDays(3);

    private final Jdbi jdbi;
    private final Clock clock;
    /**
     * Source names by id, read once: an id never changes its name and is never reused, and a removed
     * source's articles are detached from it, so only a new source is missing here (then it is read
     * again). Pages name the source of every article they list, fifty a page.
     */
    private volatile Map<Long, String> names = Map.of();

    JdbcSources(Database db) {
        this.jdbi = db.jdbi();
        this.clock = db.clock();
    }

    @Override
    public Source addSource(String name, List<String> feeds, List<String> sitemaps, ExtractRules rules) {
        if (name == null || name.isBlank()) {
            throw new BadInput("a source needs a name");
        }
        long now = clock.millis();
        try {
            long id = jdbi.inTransaction(h -> {
                if (h.createQuery("SELECT COUNT(*) FROM sources WHERE name = :name").bind("name", name)
                        .mapTo(Long.class).one() > 0) {
                    throw new Conflict("a source named '" + name + "' already exists");
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
                throw new Conflict("a source named '" + name + "' already exists", e);
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
    public String sourceName(Long sourceId) {
        if (sourceId == null) {
            return null;
        }
        String name = names.get(sourceId);
        if (name == null) {
            names = jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM sources")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).list())
                    .stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
            name = names.get(sourceId);
        }
        return name;
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
        boolean removed = jdbi.inTransaction(h -> {
            // the hubs that may hold a subscription are told to stop after the rows cascade away (V80)
            h.createUpdate("INSERT INTO websub_departures (hub, topic, callback_key, tries, next_action)"
                    + " SELECT w.hub, w.topic, w.callback_key, 0, 0 FROM websub_subscriptions w JOIN sources s ON s.id = w.source_id"
                    + " WHERE s.name = :name AND w.state IN ('requested', 'active', 'unsubscribing')").bind("name", name).execute();
            return h.createUpdate("DELETE FROM sources WHERE name = :name").bind("name", name).execute() > 0;
        });
        names = Map.of(); // articles read before the removal may still name its id
        return removed;
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
                        + " WHERE a.source_id = :id AND c.at >= :since AND (c.error IS NOT NULL OR c.outcome = '" + Outcome.ERROR + "')", id, dayAgo)
                        + count(h, "SELECT COUNT(*) FROM feed_log WHERE source_id = :id AND at >= :since AND error IS NOT NULL", id, dayAgo);
                long newThisWeek = count(h, "SELECT COUNT(*) FROM articles WHERE source_id = :id AND first_seen >= :since", id, weekAgo);
                Instant lastChange = maxInstant(h, "SELECT MAX(last_change_at) FROM articles WHERE source_id = :id", id);
                Instant lastNew = maxInstant(h, "SELECT MAX(first_seen) FROM articles WHERE source_id = :id", id);
                SourceHealth.Verdict verdict = verdict(source, now, row.lastSuccess(), row.lastErrorAt(), errors, lastNew, lastChange);
                result.add(new SourceHealth(source, articles, row.lastSuccess(), row.lastError(), errors,
                        newThisWeek / 7.0, lastChange, verdict));
            }
            return result;
        });
    }

    /**
     * {@code FAILING} when the latest poll or check failed and either nothing succeeded for
     * {@link #FAILING_AFTER} or errors keep coming ({@link #FAILING_ERRORS} in 24 h); {@code QUIET} when
     * the source, older than {@link #QUIET_AFTER}, gave no new article and no change for that long.
     */
    private static SourceHealth.Verdict verdict(Source source, Instant now, Instant lastSuccess, Instant lastErrorAt, long errors24h,
                                  Instant lastNew, Instant lastChange) {
        boolean latestFailed = lastErrorAt != null && (lastSuccess == null || !lastSuccess.isAfter(lastErrorAt));
        if (latestFailed && (lastSuccess == null || lastSuccess.isBefore(now.minus(FAILING_AFTER)) || errors24h >= FAILING_ERRORS)) {
            return SourceHealth.Verdict.FAILING;
        }
        Instant quietSince = now.minus(QUIET_AFTER);
        Instant lastNews = lastNew == null ? lastChange : lastChange == null ? lastNew
                : lastNew.isAfter(lastChange) ? lastNew : lastChange;
        if (source.createdAt().isBefore(quietSince) && (lastNews == null || lastNews.isBefore(quietSince))) {
            return SourceHealth.Verdict.QUIET;
        }
        return SourceHealth.Verdict.OK;
    }

    private static Instant maxInstant(Handle h, String sql, long id) {
        return h.createQuery(sql).bind("id", id).map((rs, ctx) -> instant(rs, 1)).one();
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
