package dev.redline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes finished checks (events, versions, check-log rows, schedules, source health) inside the
 * caller's transaction on one connection, each statement prepared once per transaction, so a slice
 * of checks costs one commit and a handful of statement compilations instead of one of each per
 * write. Source health is gathered per source and written once at {@link #close()}. Not
 * thread-safe: one per transaction.
 */
final class CheckWriter implements AutoCloseable {
    static final String INSERT_EVENT = "INSERT INTO article_events (article_id, at, kind, detail) VALUES (?, ?, ?, ?)";

    private final Connection connection;
    private final boolean postgres;
    private VersionWriter versions;
    private PreparedStatement events;
    private PreparedStatement log;
    private PreparedStatement schedule;
    /** Per source: the latest successful check and the latest error, written at close. */
    private final Map<Long, long[]> successes = new LinkedHashMap<>();
    private final Map<Long, Object[]> errors = new LinkedHashMap<>();

    CheckWriter(Connection connection, boolean postgres) {
        this.connection = connection;
        this.postgres = postgres;
    }

    void event(ArticleEvent event) throws SQLException {
        if (events == null) {
            events = connection.prepareStatement(INSERT_EVENT);
        }
        bindEvent(events, event);
        events.executeUpdate();
    }

    static void bindEvent(PreparedStatement s, ArticleEvent event) throws SQLException {
        s.setLong(1, event.articleId());
        s.setLong(2, event.at().toEpochMilli());
        s.setString(3, event.kind().toString());
        setNullable(s, 4, event.detail());
    }

    Version append(long articleId, NewVersion version) throws SQLException {
        if (versions == null) {
            versions = new VersionWriter(connection, postgres);
        }
        return versions.append(articleId, version);
    }

    /**
     * The check-log row, and the schedule, status and fetch state while {@code workerId} still holds
     * the article (or nobody does, or its lease has expired); releases the lease.
     */
    void finish(long articleId, Long sourceId, String workerId, CheckOutcome outcome) throws SQLException {
        long at = outcome.at().toEpochMilli();
        FetchState state = Objects.requireNonNull(outcome.state(), "state");
        if (log == null) {
            log = connection.prepareStatement(
                    "INSERT INTO check_log (article_id, at, http_status, outcome, error) VALUES (?, ?, ?, ?, ?)");
            schedule = connection.prepareStatement("UPDATE articles SET last_checked = ?, next_check = ?, status = ?,"
                    + " etag = ?, last_modified = ?, interval_ms = ?, unchanged_streak = ?, failures = ?, body_hash = ?,"
                    + " unpublished = ?, lease_owner = NULL, lease_until = NULL"
                    + " WHERE id = ? AND (lease_owner IS NULL OR lease_owner = ? OR lease_until <= ?)");
        }
        log.setLong(1, articleId);
        log.setLong(2, at);
        setNullable(log, 3, outcome.httpStatus());
        log.setString(4, outcome.outcome().toString());
        setNullable(log, 5, outcome.error());
        log.executeUpdate();
        schedule.setLong(1, at);
        setNullable(schedule, 2, Rows.millis(outcome.nextCheck()));
        schedule.setString(3, outcome.status().toString());
        setNullable(schedule, 4, state.etag());
        setNullable(schedule, 5, state.lastModified());
        setNullable(schedule, 6, state.interval() == null ? null : state.interval().toMillis());
        schedule.setInt(7, state.unchangedStreak());
        schedule.setInt(8, state.failures());
        setNullable(schedule, 9, state.bodyHash());
        schedule.setInt(10, state.unpublished() ? 1 : 0);
        schedule.setLong(11, articleId);
        schedule.setString(12, workerId);
        schedule.setLong(13, at);
        schedule.executeUpdate();
        if (sourceId != null) {
            boolean failed = outcome.error() != null || outcome.outcome() == Outcome.ERROR;
            if (failed) {
                Object[] last = errors.get(sourceId);
                if (last == null || (long) last[0] <= at) {
                    errors.put(sourceId, new Object[] {at, Objects.requireNonNullElse(outcome.error(), outcome.outcome().toString())});
                }
            } else {
                successes.merge(sourceId, new long[] {at}, (a, b) -> a[0] >= b[0] ? a : b);
            }
        }
    }

    /** Writes the gathered source health and closes the statements. */
    @Override
    public void close() throws SQLException {
        VersionWriter v = versions;
        PreparedStatement e1 = events;
        PreparedStatement l = log;
        PreparedStatement sc = schedule;
        try (v; e1; l; sc) {
            if (!successes.isEmpty()) {
                try (PreparedStatement s = connection.prepareStatement(
                        "UPDATE sources SET last_success = ? WHERE id = ? AND (last_success IS NULL OR last_success < ?)")) {
                    for (Map.Entry<Long, long[]> e : successes.entrySet()) {
                        s.setLong(1, e.getValue()[0]);
                        s.setLong(2, e.getKey());
                        s.setLong(3, e.getValue()[0]);
                        s.executeUpdate();
                    }
                }
            }
            if (!errors.isEmpty()) {
                try (PreparedStatement s = connection.prepareStatement("UPDATE sources SET last_error = ?, last_error_at = ?"
                        + " WHERE id = ? AND (last_error_at IS NULL OR last_error_at <= ?)")) {
                    for (Map.Entry<Long, Object[]> e : errors.entrySet()) {
                        s.setString(1, (String) e.getValue()[1]);
                        s.setLong(2, (long) e.getValue()[0]);
                        s.setLong(3, e.getKey());
                        s.setLong(4, (long) e.getValue()[0]);
                        s.executeUpdate();
                    }
                }
            }
        }
    }

    static void setNullable(PreparedStatement s, int index, Object value) throws SQLException {
        switch (value) {
            case null -> s.setNull(index, Types.NULL);
            case String v -> s.setString(index, v);
            case Integer v -> s.setInt(index, v);
            case Long v -> s.setLong(index, v);
            default -> throw new IllegalArgumentException("unexpected column value " + value.getClass());
        }
    }
}
