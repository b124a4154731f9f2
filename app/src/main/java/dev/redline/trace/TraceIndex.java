package dev.redline.trace;

import dev.redline.fingerprint.Fingerprint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The fingerprint index in the database (tables of migration {@code V20__trace_index.sql}; the
 * statements are the same on SQLite and PostgreSQL): for each article, the winnowed anchors and the LSH band keys
 * of all its versions, plus per-anchor document frequency (number of articles carrying it), and
 * which versions are indexed. Postings are per <em>article</em>, not per version: versions of one
 * article share most of their text, and the exact version is chosen afterwards by verification.
 * Thread-safe: every call uses its own pooled connection; concurrent {@link #add} calls of the same
 * article are harmless (inserts ignore duplicates).
 */
public final class TraceIndex {
    /** Anchors carried by more articles than this are treated as boilerplate and ignored in queries. */
    public static final int DEFAULT_MAX_ANCHOR_ARTICLES = 50;
    /** IN-lists are split in chunks of this size (SQLite's bound-parameter limit is 32766; small is faster to plan). */
    private static final int CHUNK = 500;

    private final DataSource dataSource;
    private final int maxAnchorArticles;

    public TraceIndex(DataSource dataSource) {
        this(dataSource, DEFAULT_MAX_ANCHOR_ARTICLES);
    }

    public TraceIndex(DataSource dataSource, int maxAnchorArticles) {
        this.dataSource = dataSource;
        this.maxAnchorArticles = maxAnchorArticles;
    }

    /** Indexes one version; returns false (and changes nothing) when it was indexed already. */
    public boolean add(long articleId, long versionId, Fingerprint fingerprint) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                boolean added = add(c, articleId, versionId, fingerprint);
                c.commit();
                return added;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not index version " + versionId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Indexes one version inside the caller's transaction (bulk loads batch many versions per
     * commit); false when it was indexed already.
     */
    public boolean add(Connection c, long articleId, long versionId, Fingerprint fingerprint) throws SQLException {
        try (PreparedStatement mark = c.prepareStatement(
                "INSERT INTO trace_version (version_id, article_id, shingles) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            mark.setLong(1, versionId);
            mark.setLong(2, articleId);
            mark.setInt(3, fingerprint.shingles().length);
            if (mark.executeUpdate() == 0) {
                return false;
            }
        }
        List<Long> newAnchors = new ArrayList<>();
        try (PreparedStatement posting = c.prepareStatement(
                "INSERT INTO trace_anchor (anchor, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (long anchor : fingerprint.anchors()) {
                posting.setLong(1, anchor);
                posting.setLong(2, articleId);
                posting.addBatch();
            }
            int[] inserted = posting.executeBatch();
            for (int i = 0; i < inserted.length; i++) {
                // a new (anchor, article) posting: one more article carries this anchor
                if (inserted[i] == 1) {
                    newAnchors.add(fingerprint.anchors()[i]);
                }
            }
        }
        if (!newAnchors.isEmpty()) {
            try (PreparedStatement df = c.prepareStatement(
                    "INSERT INTO trace_anchor_df (anchor, articles) VALUES (?, 1) "
                            + "ON CONFLICT (anchor) DO UPDATE SET articles = trace_anchor_df.articles + 1")) {
                for (long anchor : newAnchors) {
                    df.setLong(1, anchor);
                    df.addBatch();
                }
                df.executeBatch();
            }
        }
        try (PreparedStatement band = c.prepareStatement(
                "INSERT INTO trace_band (band_key, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (long key : fingerprint.bandKeys()) {
                band.setLong(1, key);
                band.setLong(2, articleId);
                band.addBatch();
            }
            band.executeBatch();
        }
        return true;
    }

    /** Whether this version is in the index. */
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

    /** Number of indexed versions. */
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

    /**
     * Articles that may contain the fingerprinted text, most promising first: those sharing at
     * least one anchor that is not boilerplate (carried by at most {@code maxAnchorArticles}
     * articles), or at least one LSH band key. Ranked by anchor hits, then band hits.
     *
     * @param excludeArticleId an article to leave out (the copy's own, when tracking), or null
     * @param limit            at most this many
     */
    public List<Candidate> candidates(Fingerprint copy, Long excludeArticleId, int limit) {
        if (copy.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection()) {
            Set<Long> common = new HashSet<>();
            for (List<Long> chunk : chunks(copy.anchors())) {
                try (PreparedStatement ps = c.prepareStatement("SELECT anchor FROM trace_anchor_df WHERE articles > ? AND anchor IN ("
                        + placeholders(chunk.size()) + ")")) {
                    ps.setInt(1, maxAnchorArticles);
                    bind(ps, 2, chunk);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            common.add(rs.getLong(1));
                        }
                    }
                }
            }
            Map<Long, int[]> hits = new HashMap<>();
            List<Long> rare = new ArrayList<>();
            for (long anchor : copy.anchors()) {
                if (!common.contains(anchor)) {
                    rare.add(anchor);
                }
            }
            collect(c, "SELECT article_id FROM trace_anchor WHERE anchor IN (", rare, hits, 0);
            List<Long> bands = new ArrayList<>();
            for (long key : copy.bandKeys()) {
                bands.add(key);
            }
            collect(c, "SELECT article_id FROM trace_band WHERE band_key IN (", bands, hits, 1);
            if (excludeArticleId != null) {
                hits.remove(excludeArticleId);
            }
            return hits.entrySet().stream()
                    .map(e -> new Candidate(e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .sorted(Comparator.comparingInt(Candidate::anchorHits).reversed()
                            .thenComparing(Comparator.comparingInt(Candidate::bandHits).reversed())
                            .thenComparingLong(Candidate::articleId))
                    .limit(limit)
                    .toList();
        } catch (SQLException e) {
            throw new IllegalStateException("could not query the trace index: " + e.getMessage(), e);
        }
    }

    private static void collect(Connection c, String sqlPrefix, List<Long> keys, Map<Long, int[]> hits, int slot)
            throws SQLException {
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<Long> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement(sqlPrefix + placeholders(chunk.size()) + ")")) {
                bind(ps, 1, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hits.computeIfAbsent(rs.getLong(1), id -> new int[2])[slot]++;
                    }
                }
            }
        }
    }

    private static List<List<Long>> chunks(long[] values) {
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

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, int first, List<Long> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setLong(first + i, values.get(i));
        }
    }
}
