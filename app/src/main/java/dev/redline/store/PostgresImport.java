package dev.redline.store;

import static dev.redline.store.Rows.VERSION_FIELDS;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link ArticleStore#importHistories} on PostgreSQL in five statements per transaction, whatever
 * the number of histories: each statement takes its rows as arrays ({@code unnest}), so a batch of
 * a hundred articles and a thousand versions costs five round trips to the server instead of about
 * 26 per article (the generator of the 1 M archive was bound by them on the shared machine). The
 * rows and numbers stored are those of the one-version path ({@link VersionWriter}): the articles'
 * counters are raised once per article under their row locks, and the versions take the numbers
 * after them. Not thread-safe: one per transaction.
 */
final class PostgresImport {
    private static final String VERSION_COLUMNS = "article_id, n, fetched_at, title, byline, paragraphs, title_hash,"
            + " byline_hash, body_hash, changed, boring, boring_reason, capture_ref";

    private final Connection connection;

    PostgresImport(Connection connection) {
        this.connection = connection;
    }

    /** One article of the import: its id, what it held before and what this import appends to it. */
    private static final class Target {
        final long id;
        final int storedCount;
        final List<ImportedHistory.Known> known = new ArrayList<>();
        final List<NewVersion> queued = new ArrayList<>();
        int firstNumber;

        Target(long id, int storedCount) {
            this.id = id;
            this.storedCount = storedCount;
        }
    }

    /** Imports {@code histories} (each with at least one version) inside the connection's transaction. */
    List<List<Version>> run(List<ArticleStore.HistoryImport> histories) throws SQLException {
        Map<String, ArticleStore.HistoryImport> firstByUrl = new LinkedHashMap<>();
        Map<String, Long> sourceByUrl = new HashMap<>();
        for (ArticleStore.HistoryImport h : histories) {
            firstByUrl.putIfAbsent(h.canonicalUrl(), h);
            if (h.sourceId() != null) {
                sourceByUrl.putIfAbsent(h.canonicalUrl(), h.sourceId());
            }
        }
        Map<String, Target> targets = ensureArticles(new ArrayList<>(firstByUrl.values()), sourceByUrl);
        // what is decided per history, in the given order (a URL given twice sees the first one's entries)
        List<int[]> ranges = new ArrayList<>(histories.size());
        for (ArticleStore.HistoryImport h : histories) {
            Target t = targets.get(h.canonicalUrl());
            List<NewVersion> unseen = ImportedHistory.unseen(h.canonicalUrl(), t.known, h.versions());
            ranges.add(new int[] {t.queued.size(), t.queued.size() + unseen.size()});
            t.queued.addAll(unseen);
            unseen.forEach(nv -> t.known.add(new ImportedHistory.Known(Instant.ofEpochMilli(nv.fetchedAt().toEpochMilli()),
                    FieldHashes.of(nv.text()))));
        }
        List<Target> growing = targets.values().stream().filter(t -> !t.queued.isEmpty()).toList();
        raiseCounters(growing);
        Map<Long, Map<Integer, Version>> stored = insertVersions(growing);
        List<List<Version>> result = new ArrayList<>(histories.size());
        for (int i = 0; i < histories.size(); i++) {
            Target t = targets.get(histories.get(i).canonicalUrl());
            List<Version> appended = new ArrayList<>();
            for (int q = ranges.get(i)[0]; q < ranges.get(i)[1]; q++) {
                appended.add(stored.get(t.id).get(t.firstNumber + q));
            }
            result.add(appended);
        }
        return result;
    }

    /** Creates the new articles (settled), attaches sourceless ones, and reads each one's id and stored versions. */
    private Map<String, Target> ensureArticles(List<ArticleStore.HistoryImport> firsts, Map<String, Long> sourceByUrl)
            throws SQLException {
        List<String> urls = firsts.stream().map(ArticleStore.HistoryImport::canonicalUrl).toList();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO articles (url, source_id, first_seen,"
                + " status, activity_at) SELECT u.url, u.s, u.at, '" + ArticleStatus.SETTLED + "', u.at"
                + " FROM unnest(?::text[], ?::bigint[], ?::bigint[]) AS u(url, s, at) ON CONFLICT (url) DO NOTHING")) {
            insert.setArray(1, array("text", urls, Function.identity()));
            insert.setArray(2, array("bigint", urls, sourceByUrl::get));
            insert.setArray(3, array("bigint", firsts, h -> h.versions().getFirst().fetchedAt().toEpochMilli()));
            insert.executeUpdate();
        }
        List<String> attach = urls.stream().filter(sourceByUrl::containsKey).toList();
        if (!attach.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE articles a SET source_id = u.s"
                    + " FROM unnest(?::text[], ?::bigint[]) AS u(url, s) WHERE a.url = u.url AND a.source_id IS NULL")) {
                update.setArray(1, array("text", attach, Function.identity()));
                update.setArray(2, array("bigint", attach, sourceByUrl::get));
                update.executeUpdate();
            }
        }
        Map<String, Target> targets = new HashMap<>();
        Map<Long, Target> byId = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, url, version_count FROM articles WHERE url = ANY(?::text[])")) {
            select.setArray(1, array("text", urls, Function.identity()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Target t = new Target(rs.getLong(1), rs.getInt(3));
                    targets.put(rs.getString(2), t);
                    byId.put(t.id, t);
                }
            }
        }
        List<Long> withVersions = byId.values().stream().filter(t -> t.storedCount > 0).map(t -> t.id).toList();
        if (!withVersions.isEmpty()) {
            try (PreparedStatement versions = connection.prepareStatement("SELECT " + VERSION_FIELDS
                    + " FROM versions WHERE article_id = ANY(?::bigint[]) ORDER BY article_id, n")) {
                versions.setArray(1, array("bigint", withVersions, Function.identity()));
                try (ResultSet rs = versions.executeQuery()) {
                    while (rs.next()) {
                        Version v = Rows.version(rs, "");
                        byId.get(v.articleId()).known.add(ImportedHistory.Known.of(v));
                    }
                }
            }
        }
        return targets;
    }

    /**
     * Raises each article's version count by its queued versions (title, activity and last change
     * as the one-version path leaves them after the last), which takes the row locks that make the
     * numbers safe; the queued versions are numbered from the count before.
     */
    private void raiseCounters(List<Target> growing) throws SQLException {
        if (growing.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE articles a SET"
                + " version_count = a.version_count + u.k, title = u.title, activity_at = GREATEST(a.activity_at, u.at),"
                + " last_change_at = CASE WHEN a.version_count + u.k > 1 THEN u.at ELSE a.last_change_at END"
                + " FROM unnest(?::bigint[], ?::int[], ?::text[], ?::bigint[]) AS u(id, k, title, at)"
                + " WHERE a.id = u.id RETURNING a.id, a.version_count")) {
            update.setArray(1, array("bigint", growing, t -> t.id));
            update.setArray(2, array("int", growing, t -> t.queued.size()));
            update.setArray(3, array("text", growing, t -> t.queued.getLast().text().title()));
            update.setArray(4, array("bigint", growing, t -> t.queued.getLast().fetchedAt().toEpochMilli()));
            Map<Long, Target> byId = new HashMap<>();
            growing.forEach(t -> byId.put(t.id, t));
            try (ResultSet rs = update.executeQuery()) {
                while (rs.next()) {
                    Target t = byId.get(rs.getLong(1));
                    t.firstNumber = rs.getInt(2) - t.queued.size();
                }
            }
        }
    }

    /** Inserts every queued version in one statement; returns them by article id and number. */
    private Map<Long, Map<Integer, Version>> insertVersions(List<Target> growing) throws SQLException {
        List<Queued> rows = new ArrayList<>();
        for (Target t : growing) {
            for (int q = 0; q < t.queued.size(); q++) {
                rows.add(new Queued(t.id, t.firstNumber + q, t.queued.get(q), VersionRow.of(t.queued.get(q))));
            }
        }
        Map<Long, Map<Integer, Version>> stored = new HashMap<>();
        if (rows.isEmpty()) {
            return stored;
        }
        Map<Long, Map<Integer, Queued>> byKey = new HashMap<>();
        rows.forEach(r -> byKey.computeIfAbsent(r.articleId, k -> new HashMap<>()).put(r.n, r));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO versions (" + VERSION_COLUMNS + ", search)"
                + " SELECT " + VERSION_COLUMNS + ", setweight(to_tsvector('simple', u.title_words), 'A')"
                + " || to_tsvector('simple', u.other_words) FROM unnest(?::bigint[], ?::int[], ?::bigint[], ?::text[],"
                + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[]) AS u(" + VERSION_COLUMNS + ", title_words, other_words) RETURNING id, article_id, n")) {
            insert.setArray(1, array("bigint", rows, r -> r.articleId));
            insert.setArray(2, array("int", rows, r -> r.n));
            insert.setArray(3, array("bigint", rows, r -> r.row.fetchedAt()));
            insert.setArray(4, array("text", rows, r -> r.row.title()));
            insert.setArray(5, array("text", rows, r -> r.row.byline()));
            insert.setArray(6, array("text", rows, r -> r.row.paragraphs()));
            insert.setArray(7, array("text", rows, r -> r.row.hashes().title()));
            insert.setArray(8, array("text", rows, r -> r.row.hashes().byline()));
            insert.setArray(9, array("text", rows, r -> r.row.hashes().body()));
            insert.setArray(10, array("text", rows, r -> r.row.changed()));
            insert.setArray(11, array("int", rows, r -> r.row.boring()));
            insert.setArray(12, array("text", rows, r -> r.row.boringReason()));
            insert.setArray(13, array("text", rows, r -> r.row.captureRef()));
            insert.setArray(14, array("text", rows, r -> r.row.titleWords()));
            insert.setArray(15, array("text", rows, r -> r.row.otherWords()));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    Queued r = byKey.get(rs.getLong(2)).get(rs.getInt(3));
                    NewVersion nv = r.version;
                    stored.computeIfAbsent(r.articleId, k -> new HashMap<>()).put(r.n, new Version(rs.getLong(1), r.articleId,
                            r.n, Instant.ofEpochMilli(r.row.fetchedAt()), nv.text(), nv.changed(), nv.boring(),
                            nv.boringReason(), nv.captureRef()));
                }
            }
        }
        return stored;
    }

    private record Queued(long articleId, int n, NewVersion version, VersionRow row) {
    }

    private <T> Array array(String type, List<T> items, Function<? super T, ?> value) throws SQLException {
        return connection.createArrayOf(type, items.stream().map(value).toArray());
    }
}
