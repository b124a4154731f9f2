package dev.redline.trace;

import dev.redline.fingerprint.Fingerprint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
    /** Candidates with fewer than 1/this of the best candidate's hits are dropped. */
    private static final int RELATIVE_CUTOFF = 10;
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
            try (Writer writer = new Writer(c)) {
                boolean added = writer.add(articleId, versionId, fingerprint);
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
     * Adds versions on one connection inside the caller's transactions, with its statements
     * prepared once. Versions are queued and written by {@link #flush} in one batch per statement,
     * postings deduplicated and sorted by key first (so the b-trees are filled in order, not at
     * random places). Not thread-safe: one per thread.
     */
    public static final class Writer implements AutoCloseable {
        private final PreparedStatement mark;
        private final PreparedStatement posting;
        private final PreparedStatement df;
        private final PreparedStatement band;
        private final List<Queued> queued = new ArrayList<>();

        private record Queued(long articleId, long versionId, Fingerprint fingerprint) {
        }

        /** One (key, article) posting. */
        private record Posting(long key, long articleId) implements Comparable<Posting> {
            @Override
            public int compareTo(Posting o) {
                int c = Long.compare(key, o.key);
                return c != 0 ? c : Long.compare(articleId, o.articleId);
            }
        }

        public Writer(Connection c) throws SQLException {
            mark = c.prepareStatement("INSERT INTO trace_version (version_id, article_id, shingles) VALUES (?, ?, ?) "
                    + "ON CONFLICT DO NOTHING");
            posting = c.prepareStatement("INSERT INTO trace_anchor (anchor, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
            df = c.prepareStatement("INSERT INTO trace_anchor_df (anchor, articles) VALUES (?, ?) "
                    + "ON CONFLICT (anchor) DO UPDATE SET articles = trace_anchor_df.articles + excluded.articles");
            band = c.prepareStatement("INSERT INTO trace_band (band_key, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
        }

        /** Indexes one version now; false when it was indexed already. */
        public boolean add(long articleId, long versionId, Fingerprint fingerprint) throws SQLException {
            if (!queued.isEmpty()) {
                flush();
            }
            queue(articleId, versionId, fingerprint);
            return !flush().isEmpty();
        }

        /** Queues a version for the next {@link #flush}. */
        public void queue(long articleId, long versionId, Fingerprint fingerprint) {
            queued.add(new Queued(articleId, versionId, fingerprint));
        }

        /** Number of versions queued. */
        public int queued() {
            return queued.size();
        }

        /** Writes the queued versions; returns the ids of those newly indexed (the others were indexed already). */
        public List<Long> flush() throws SQLException {
            for (Queued q : queued) {
                mark.setLong(1, q.versionId());
                mark.setLong(2, q.articleId());
                mark.setInt(3, q.fingerprint().shingles().length);
                mark.addBatch();
            }
            int[] marked = queued.isEmpty() ? new int[0] : mark.executeBatch();
            List<Long> added = new ArrayList<>();
            TreeSet<Posting> anchors = new TreeSet<>();
            TreeSet<Posting> bands = new TreeSet<>();
            for (int i = 0; i < marked.length; i++) {
                if (marked[i] == 0) {
                    continue;
                }
                Queued q = queued.get(i);
                added.add(q.versionId());
                for (long anchor : q.fingerprint().anchors()) {
                    anchors.add(new Posting(anchor, q.articleId()));
                }
                for (long key : q.fingerprint().bandKeys()) {
                    bands.add(new Posting(key, q.articleId()));
                }
            }
            queued.clear();
            write(posting, anchors);
            int[] inserted = anchors.isEmpty() ? new int[0] : posting.executeBatch();
            // each new (anchor, article) posting is one more article carrying the anchor
            TreeMap<Long, Integer> increments = new TreeMap<>();
            int i = 0;
            for (Posting p : anchors) {
                if (inserted[i++] == 1) {
                    increments.merge(p.key(), 1, Integer::sum);
                }
            }
            for (var e : increments.entrySet()) {
                df.setLong(1, e.getKey());
                df.setInt(2, e.getValue());
                df.addBatch();
            }
            if (!increments.isEmpty()) {
                df.executeBatch();
            }
            write(band, bands);
            if (!bands.isEmpty()) {
                band.executeBatch();
            }
            return added;
        }

        private static void write(PreparedStatement statement, Set<Posting> postings) throws SQLException {
            for (Posting p : postings) {
                statement.setLong(1, p.key());
                statement.setLong(2, p.articleId());
                statement.addBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            try (mark; posting; df; band) {
                // closes all four, even when one fails
            }
        }
    }

    /**
     * A bulk load on one connection: versions are queued and written {@code batch} at a time, each
     * batch in one transaction. Not thread-safe. {@link #close} writes what is left.
     */
    public final class BulkLoad implements AutoCloseable {
        private final Connection connection;
        private final Writer writer;
        private final int batch;
        private final List<Long> added = new ArrayList<>();

        private BulkLoad(int batch) throws SQLException {
            this.connection = dataSource.getConnection();
            this.batch = batch;
            try {
                connection.setAutoCommit(false);
                this.writer = new Writer(connection);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        }

        /** Queues one version; writes and commits a batch when {@code batch} are queued. */
        public void add(long articleId, long versionId, Fingerprint fingerprint) {
            writer.queue(articleId, versionId, fingerprint);
            if (writer.queued() >= batch) {
                commit();
            }
        }

        /** Ids of the versions newly indexed so far (not those indexed before). */
        public List<Long> added() {
            return List.copyOf(added);
        }

        private void commit() {
            try {
                added.addAll(writer.flush());
                connection.commit();
            } catch (SQLException e) {
                try {
                    connection.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw new IllegalStateException("could not write to the trace index: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try (connection; writer) {
                commit();
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                throw new IllegalStateException("could not close the trace index load: " + e.getMessage(), e);
            }
        }
    }

    /** Starts a bulk load committing every {@code batch} versions. */
    public BulkLoad bulk(int batch) {
        try {
            return new BulkLoad(batch);
        } catch (SQLException e) {
            throw new IllegalStateException("could not open the trace index: " + e.getMessage(), e);
        }
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
     * articles), or at least one LSH band key. Ranked by hits (anchors plus bands); articles with
     * less than a tenth of the best article's hits are left out.
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
            List<Candidate> ranked = hits.entrySet().stream()
                    .map(e -> new Candidate(e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .sorted(Comparator.comparingInt(Candidate::hits).reversed()
                            .thenComparing(Comparator.comparingInt(Candidate::anchorHits).reversed())
                            .thenComparingLong(Candidate::articleId))
                    .toList();
            // articles with a tenth of the best article's hits share a stray phrase, not the copy
            int cutoff = ranked.isEmpty() ? 0 : ranked.getFirst().hits() / RELATIVE_CUTOFF;
            return ranked.stream().filter(candidate -> candidate.hits() >= cutoff).limit(limit).toList();
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
        return String.join(",", Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, int first, List<Long> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setLong(first + i, values.get(i));
        }
    }
}
