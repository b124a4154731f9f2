package dev.redline.store;

import dev.redline.fingerprint.ArticleShingles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table {@code trace_article_shingles} (migration V46): each article's versions' shingle sets as
 * one {@link ArticleShingles} row. A row covers versions 0 to {@code versions - 1}; one behind the
 * article's version count is stale and never read as current. Rows are kept by the index writer:
 * {@link #add} buffers what each added version carries and {@link #flush} extends each article's row
 * by the buffered versions that follow on from it, in number order (a version already covered is
 * skipped; after a gap, a version missing from the index, the row stays behind until the repair
 * rebuilds it from every version). Same SQL on SQLite and PostgreSQL. Not thread-safe: one per
 * writer.
 */
final class ShingleRows {
    private final Connection connection;
    private final Map<Long, List<Added>> buffered = new LinkedHashMap<>();

    ShingleRows(Connection connection) {
        this.connection = connection;
    }

    private record Added(long versionId, long[] shingles) {
    }

    /** Buffers one version's shingles (indexed now or before) for its article's row. */
    void add(long articleId, long versionId, long[] shingles) {
        buffered.computeIfAbsent(articleId, a -> new ArrayList<>()).add(new Added(versionId, shingles));
    }

    /** Extends the rows of the buffered articles in the current transaction. */
    void flush() throws SQLException {
        if (buffered.isEmpty()) {
            return;
        }
        Map<Long, Integer> numbers = versionNumbers(buffered.values().stream().flatMap(List::stream).map(Added::versionId).toList());
        Map<Long, ArticleShingles> rows = read(connection, buffered.keySet(), false);
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO trace_article_shingles (article_id, versions, shingles) "
                + "VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET versions = excluded.versions, shingles = excluded.shingles")) {
            int batched = 0;
            for (Map.Entry<Long, List<Added>> article : buffered.entrySet()) {
                ArticleShingles before = rows.getOrDefault(article.getKey(), ArticleShingles.empty());
                ArticleShingles after = before;
                List<Added> added = new ArrayList<>(article.getValue());
                added.sort(Comparator.comparingInt(a -> numbers.getOrDefault(a.versionId(), Integer.MAX_VALUE)));
                for (Added version : added) {
                    int number = numbers.getOrDefault(version.versionId(), Integer.MAX_VALUE);
                    if (number > after.versions()) {
                        break; // a gap: the row stays behind until the repair rebuilds it
                    }
                    if (number == after.versions()) {
                        after = after.plus(version.shingles());
                    }
                }
                if (after != before) {
                    upsert.setLong(1, article.getKey());
                    upsert.setInt(2, after.versions());
                    upsert.setBytes(3, after.encode());
                    upsert.addBatch();
                    batched++;
                }
            }
            if (batched > 0) {
                upsert.executeBatch();
            }
        }
        buffered.clear();
    }

    /** The version number of each of these version ids. */
    private Map<Long, Integer> versionNumbers(List<Long> versionIds) throws SQLException {
        Map<Long, Integer> numbers = new HashMap<>();
        for (List<Long> chunk : chunks(versionIds)) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT id, n FROM versions WHERE id IN (" + JdbcTracePostings.placeholders(chunk.size()) + ")")) {
                JdbcTracePostings.bind(ps, 1, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        numbers.put(rs.getLong(1), rs.getInt(2));
                    }
                }
            }
        }
        return numbers;
    }

    /**
     * The rows of these articles; with {@code currentOnly}, only those covering every version the
     * article has now. A row this build cannot decode (another layout) is left out, as if stale.
     */
    static Map<Long, ArticleShingles> read(Connection c, Collection<Long> articleIds, boolean currentOnly) throws SQLException {
        Map<Long, ArticleShingles> rows = new HashMap<>();
        String current = currentOnly ? " AND s.versions = (SELECT a.version_count FROM articles a WHERE a.id = s.article_id)" : "";
        for (List<Long> chunk : chunks(articleIds)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.article_id, s.shingles FROM trace_article_shingles s WHERE s.article_id IN ("
                    + JdbcTracePostings.placeholders(chunk.size()) + ")" + current)) {
                JdbcTracePostings.bind(ps, 1, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        try {
                            rows.put(rs.getLong(1), ArticleShingles.decode(rs.getBytes(2)));
                        } catch (IllegalArgumentException unreadable) {
                            // treated as stale: the repair writes it again
                        }
                    }
                }
            }
        }
        return rows;
    }

    /** How many versions the row of each of these articles covers (articles without a row are absent), without reading the rows. */
    static Map<Long, Integer> covered(Connection c, Collection<Long> articleIds) throws SQLException {
        Map<Long, Integer> covered = new HashMap<>();
        for (List<Long> chunk : chunks(articleIds)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT article_id, versions FROM trace_article_shingles WHERE article_id IN ("
                    + JdbcTracePostings.placeholders(chunk.size()) + ")")) {
                JdbcTracePostings.bind(ps, 1, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        covered.put(rs.getLong(1), rs.getInt(2));
                    }
                }
            }
        }
        return covered;
    }

    private static List<List<Long>> chunks(Collection<Long> values) {
        return JdbcTracePostings.chunks(values.stream().mapToLong(Long::longValue).toArray());
    }
}
