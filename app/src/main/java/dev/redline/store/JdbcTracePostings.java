package dev.redline.store;

import dev.redline.fingerprint.ArticleShingles;
import dev.redline.fingerprint.Fingerprint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * {@link TracePostings} over plain JDBC; writes go through a {@link PostingsWriter} (buffered,
 * sorted postings, one statement per table and flush on PostgreSQL). Moved here from {@code TraceIndex} so that
 * the trace package no longer needs the store's {@link DataSource}. Thread-safe: every call uses
 * its own pooled connection.
 */
final class JdbcTracePostings implements TracePostings {
    /** IN-lists are split in chunks of this size (SQLite's bound-parameter limit is 32766; small is faster to plan). */
    private static final int CHUNK = 500;
    /**
     * Page cache of a bulk writer's connection on SQLite, in KiB ({@link #bulkCacheKib}): postings go
     * to random places in the b-trees, and a cache bigger than SQLite's 2 MB default keeps a bulk load
     * from re-reading pages.
     */
    private static final long BULK_CACHE_KIB = bulkCacheKib(Runtime.getRuntime().maxMemory());

    private final DataSource dataSource;
    private final boolean postgres;

    JdbcTracePostings(DataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /**
     * The bulk page cache for a process whose heap limit is {@code maxHeapBytes}: an eighth of it,
     * from 16 MiB to 512 MiB. The cache is native memory outside the heap, so a fixed 512 MiB took
     * {@code poll -Xmx512m} to 786 MB of RSS while it repaired the index; sized by the heap limit the
     * user gave, it keeps RSS near that limit (64 MiB under {@code -Xmx512m}; its cost in indexing
     * speed is in BENCHMARKS.md).
     */
    static long bulkCacheKib(long maxHeapBytes) {
        return Math.clamp(maxHeapBytes / 8 / 1024, 16 * 1024, 512 * 1024);
    }

    @Override
    public boolean add(long articleId, long versionId, Fingerprint fingerprint) {
        return addAll(List.of(new Entry(articleId, versionId, fingerprint))) == 1;
    }

    @Override
    public int addAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PostingsWriter writer = new PostingsWriter(c, postgres)) {
                int added = 0;
                for (Entry e : entries) {
                    added += writer.add(e.articleId(), e.versionId(), e.fingerprint()) ? 1 : 0;
                }
                writer.flush();
                c.commit();
                return added;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not index " + entries.size() + " versions from version "
                    + entries.getFirst().versionId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Map<Long, Shape> shapes(Collection<Long> articleIds) {
        Map<Long, Shape> out = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (List<Long> chunk : chunks(articleIds.stream().mapToLong(Long::longValue).distinct().toArray())) {
                try (PreparedStatement ps = c.prepareStatement("SELECT v.article_id, a.source_id, v.id, t.shingles "
                        + "FROM versions v JOIN articles a ON a.id = v.article_id "
                        + "LEFT JOIN trace_version t ON t.version_id = v.id WHERE v.article_id IN ("
                        + placeholders(chunk.size()) + ") ORDER BY v.article_id, v.n")) {
                    bind(ps, 1, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        long article = -1;
                        Long source = null;
                        List<VersionShape> versions = new ArrayList<>();
                        while (rs.next()) {
                            if (rs.getLong(1) != article) {
                                if (article != -1) {
                                    out.put(article, new Shape(article, source, versions));
                                }
                                article = rs.getLong(1);
                                long s = rs.getLong(2);
                                source = rs.wasNull() ? null : s;
                                versions = new ArrayList<>();
                            }
                            long versionId = rs.getLong(3);
                            int shingles = rs.getInt(4);
                            versions.add(new VersionShape(versionId, rs.wasNull() ? -1 : shingles));
                        }
                        if (article != -1) {
                            out.put(article, new Shape(article, source, versions));
                        }
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the trace index: " + e.getMessage(), e);
        }
    }

    @Override
    public Bulk bulk() {
        try {
            Connection c = dataSource.getConnection();
            try {
                List<String> restore = new ArrayList<>();
                if (!postgres) {
                    try (Statement s = c.createStatement()) {
                        for (Map.Entry<String, String> pragma : bulkPragmas().entrySet()) {
                            try (ResultSet rs = s.executeQuery("PRAGMA " + pragma.getKey())) {
                                if (rs.next()) {
                                    restore.add("PRAGMA " + pragma.getKey() + " = " + rs.getLong(1));
                                }
                            }
                            s.execute("PRAGMA " + pragma.getKey() + " = " + pragma.getValue()); // this connection only
                        }
                    }
                }
                c.setAutoCommit(false);
                return new BulkWriter(c, new PostingsWriter(c, postgres), List.copyOf(restore));
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not open the trace index for a bulk load: " + e.getMessage(), e);
        }
    }

    /**
     * The SQLite pragmas of a bulk writer's connection, set for the load and put back on close (a
     * pragma is per connection, and the pool hands the connection out again). Both leave every
     * commit as crash-safe as before ({@code synchronous} stays NORMAL in WAL mode, where a crash
     * loses at most the last commits and never corrupts): {@code cache_size} ({@link #BULK_CACHE_KIB})
     * keeps the postings' b-tree pages in memory; {@code wal_autocheckpoint} (pages, 64 MiB of 4 KiB
     * pages instead of 1000) checkpoints less often, so a hot page (the document frequencies, the
     * top of each b-tree) is copied back to the database once per 64 MiB of log, not once per 4 MiB.
     */
    static Map<String, String> bulkPragmas() {
        Map<String, String> pragmas = new LinkedHashMap<>();
        pragmas.put("cache_size", "-" + BULK_CACHE_KIB);
        pragmas.put("wal_autocheckpoint", "16384");
        return pragmas;
    }

    /**
     * A {@link Bulk} over one connection in manual-commit mode. {@code restore} (SQLite) puts the
     * pooled connection's pragmas back on close: left at the bulk cache size, every later use of that
     * connection would keep up to {@link #BULK_CACHE_KIB} of native memory outside the heap limit.
     */
    private record BulkWriter(Connection connection, PostingsWriter writer, List<String> restore) implements Bulk {
        @Override
        public boolean add(long articleId, long versionId, Fingerprint fingerprint) {
            try {
                return writer.add(articleId, versionId, fingerprint);
            } catch (SQLException e) {
                throw new IllegalStateException("could not index version " + versionId + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void commit() {
            try {
                writer.flush();
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("could not commit to the trace index: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try (connection) {
                try (writer) {
                    connection.rollback();
                } finally {
                    connection.setAutoCommit(true); // the pool hands it out again
                    try (Statement s = connection.createStatement()) {
                        for (String pragma : restore) {
                            s.execute(pragma);
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not close the trace index writer: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Map<Long, ArticleShingles> articleShingles(Collection<Long> articleIds) {
        try (Connection c = dataSource.getConnection()) {
            return ShingleRows.read(c, articleIds, true);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the trace index: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<Long, Integer> shingledVersions(Collection<Long> articleIds) {
        try (Connection c = dataSource.getConnection()) {
            return ShingleRows.covered(c, articleIds);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the trace index: " + e.getMessage(), e);
        }
    }

    @Override
    public long staleShingleRows() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM articles a LEFT JOIN trace_article_shingles s "
                     + "ON s.article_id = a.id WHERE a.version_count > 0 AND (s.versions IS NULL OR s.versions <> a.version_count)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the trace index: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isIndexed(long versionId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM trace_version WHERE version_id = ?")) {
            ps.setLong(1, versionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the trace index: " + e.getMessage(), e);
        }
    }

    @Override
    public Set<Long> indexedAmong(long[] versionIds) {
        try (Connection c = dataSource.getConnection()) {
            Set<Long> indexed = new HashSet<>();
            for (List<Long> chunk : chunks(versionIds)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT version_id FROM trace_version WHERE version_id IN ("
                        + placeholders(chunk.size()) + ")")) {
                    bind(ps, 1, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            indexed.add(rs.getLong(1));
                        }
                    }
                }
            }
            return indexed;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the trace index: " + e.getMessage(), e);
        }
    }

    @Override
    public long indexedVersions() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM trace_version");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the trace index: " + e.getMessage(), e);
        }
    }

    @Override
    public Set<Long> commonAnchors(long[] anchors, int maxArticles) {
        try (Connection c = dataSource.getConnection()) {
            Set<Long> common = new HashSet<>();
            for (List<Long> chunk : chunks(anchors)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT anchor FROM trace_anchor_df WHERE articles > ? AND anchor IN ("
                        + placeholders(chunk.size()) + ")")) {
                    ps.setInt(1, maxArticles);
                    bind(ps, 2, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            common.add(rs.getLong(1));
                        }
                    }
                }
            }
            return common;
        } catch (SQLException e) {
            throw new IllegalStateException("could not query the trace index: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<Long, Integer> anchorHits(long[] anchors) {
        return hits("SELECT article_id FROM trace_anchor WHERE anchor IN (", anchors);
    }

    @Override
    public Map<Long, Integer> bandHits(long[] bandKeys) {
        return hits("SELECT article_id FROM trace_band WHERE band_key IN (", bandKeys);
    }

    private Map<Long, Integer> hits(String sqlPrefix, long[] keys) {
        Map<Long, Integer> hits = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (List<Long> chunk : chunks(keys)) {
                try (PreparedStatement ps = c.prepareStatement(sqlPrefix + placeholders(chunk.size()) + ")")) {
                    bind(ps, 1, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            hits.merge(rs.getLong(1), 1, Integer::sum);
                        }
                    }
                }
            }
            return hits;
        } catch (SQLException e) {
            throw new IllegalStateException("could not query the trace index: " + e.getMessage(), e);
        }
    }

    /** {@code values} in IN-list chunks of {@value #CHUNK} (shared by the index's tables, {@link ShingleRows} too). */
    static List<List<Long>> chunks(long[] values) {
        List<List<Long>> out = new ArrayList<>();
        for (int from = 0; from < values.length; from += CHUNK) {
            List<Long> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(values.length, from + CHUNK); i++) {
                chunk.add(values[i]);
            }
            out.add(chunk);
        }
        return out;
    }

    static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    static void bind(PreparedStatement ps, int first, List<Long> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setLong(first + i, values.get(i));
        }
    }
}
