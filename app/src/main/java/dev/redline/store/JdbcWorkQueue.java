package dev.redline.store;

import static dev.redline.store.Rows.ARTICLE_FIELDS;
import static dev.redline.store.Rows.article;
import static dev.redline.store.Rows.count;
import static dev.redline.store.Rows.millis;
import static dev.redline.store.Rows.nullableLong;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link WorkQueue} over JDBC: claims are one {@code UPDATE … WHERE id IN (SELECT … LIMIT n)
 * RETURNING}, with {@code FOR UPDATE SKIP LOCKED} on PostgreSQL; on SQLite every write
 * transaction is {@code BEGIN IMMEDIATE}, which serialises writers anyway. Finishing a check or a
 * poll also records the source's latest success or error, for its health. Thread-safe.
 */
final class JdbcWorkQueue implements WorkQueue {
    private final Jdbi jdbi;
    private final boolean postgres;

    JdbcWorkQueue(Database db) {
        this.jdbi = db.jdbi();
        this.postgres = db.postgres();
    }

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

    @Override
    public FetchState fetchState(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT etag, last_modified, interval_ms, unchanged_streak, failures,"
                        + " body_hash, unpublished FROM articles WHERE id = :id")
                .bind("id", articleId)
                .map((rs, ctx) -> {
                    Long interval = nullableLong(rs, "interval_ms");
                    return new FetchState(rs.getString("etag"), rs.getString("last_modified"),
                            interval == null ? FetchState.INITIAL_INTERVAL : Duration.ofMillis(interval),
                            rs.getInt("unchanged_streak"), rs.getInt("failures"), rs.getString("body_hash"),
                            rs.getInt("unpublished") == 1);
                })
                .findOne().orElseThrow(() -> new IllegalArgumentException("no article with id " + articleId)));
    }

    @Override
    public void finishCheck(long articleId, String workerId, CheckOutcome outcome) {
        Objects.requireNonNull(outcome.state(), "state");
        try {
            jdbi.useTransaction(h -> {
                Long sourceId = h.createQuery("SELECT source_id FROM articles WHERE id = :a").bind("a", articleId)
                        .map((rs, ctx) -> nullableLong(rs, "source_id")).one();
                try (CheckWriter writer = new CheckWriter(h.getConnection(), postgres)) {
                    writer.finish(articleId, sourceId, workerId, outcome);
                }
            });
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
    }

    @Override
    public List<Version> finishChecks(String workerId, List<FinishedCheck> checks) {
        if (checks.isEmpty()) {
            return List.of();
        }
        try {
            return jdbi.inTransaction(h -> {
                List<Version> appended = new ArrayList<>();
                try (CheckWriter writer = new CheckWriter(h.getConnection(), postgres);
                     LearnedLineWriter learned = new LearnedLineWriter(h.getConnection())) {
                    for (FinishedCheck check : checks) {
                        for (ArticleEvent event : check.events()) {
                            writer.event(event);
                        }
                        if (check.version() != null) {
                            appended.add(writer.append(check.articleId(), check.version()));
                        }
                        if (check.lens() != null) {
                            learned.pin(check.articleId(), check.lens());
                        }
                        if (check.lesson() != null) {
                            learned.count(check.lesson());
                        }
                        if (check.outcome() != null) {
                            writer.finish(check.articleId(), check.sourceId(), workerId, check.outcome());
                        }
                    }
                }
                return appended;
            });
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
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
}
