package dev.redline.store;

import dev.redline.fingerprint.Fingerprint;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Adds versions to the trace index on one connection, inside the caller's transactions. A version
 * is marked as indexed at once ({@link #add} says whether it was new); its anchor and band postings
 * are buffered and written by {@link #flush} for everything added since, which the caller runs
 * before committing. Buffering is what makes a bulk load fast: the postings of an article's many
 * versions (which share most of their text) are written once, sorted by key so that the b-tree
 * inserts walk the pages in order, and each anchor's document frequency is raised once per flush by
 * the number of articles that newly carry it. Each table takes one statement per flush, not one
 * call per row: on PostgreSQL {@code unnest} of two arrays (the new postings counted in the same
 * statement), on SQLite {@code json_each} of one array. Each flush also extends the touched
 * articles' rows of shingle sets ({@link ShingleRows}). Not thread-safe: one per connection.
 */
final class PostingsWriter implements AutoCloseable {
    private static final String PG_ANCHORS = "WITH added AS (INSERT INTO trace_anchor (anchor, article_id) "
            + "SELECT * FROM unnest(?::bigint[], ?::bigint[]) ON CONFLICT DO NOTHING RETURNING anchor) "
            + "INSERT INTO trace_anchor_df (anchor, articles) SELECT anchor, COUNT(*) FROM added GROUP BY anchor ORDER BY anchor "
            + "ON CONFLICT (anchor) DO UPDATE SET articles = trace_anchor_df.articles + excluded.articles";
    private static final String PG_BANDS = "INSERT INTO trace_band (band_key, article_id) "
            + "SELECT * FROM unnest(?::bigint[], ?::bigint[]) ON CONFLICT DO NOTHING";

    /*
     * SQLite: the postings go in as one JSON array of [key, article] pairs per statement, unpacked by
     * json_each, so a flush costs a few calls into the driver instead of several per row (binding
     * and stepping each row is most of a row-at-a-time insert's cost). The anchor insert returns the
     * pairs it stored (not those already there), whose count per anchor raises the document
     * frequency in one more statement: one b-tree probe per pair fewer than asking first which pairs
     * are new, and no GROUP BY sort inside SQLite.
     */
    private static final String SQLITE_ANCHORS = "INSERT INTO trace_anchor (anchor, article_id) "
            + "SELECT value ->> 0, value ->> 1 FROM json_each(?) WHERE true ON CONFLICT DO NOTHING RETURNING anchor";
    private static final String SQLITE_DF = "INSERT INTO trace_anchor_df (anchor, articles) "
            + "SELECT value ->> 0, value ->> 1 FROM json_each(?) WHERE true "
            + "ON CONFLICT (anchor) DO UPDATE SET articles = trace_anchor_df.articles + excluded.articles";
    private static final String SQLITE_BANDS = "INSERT INTO trace_band (band_key, article_id) "
            + "SELECT value ->> 0, value ->> 1 FROM json_each(?) WHERE true ON CONFLICT DO NOTHING";

    private final Connection connection;
    private final boolean postgres;
    private final PreparedStatement mark;
    private final PreparedStatement anchors;
    private final PreparedStatement df;
    private final PreparedStatement bands;
    private final Pairs anchorBuffer = new Pairs();
    private final Pairs bandBuffer = new Pairs();
    private final ShingleRows shingleRows;

    PostingsWriter(Connection connection, boolean postgres) throws SQLException {
        this.connection = connection;
        this.postgres = postgres;
        this.shingleRows = new ShingleRows(connection);
        mark = connection.prepareStatement("INSERT INTO trace_version (version_id, article_id, shingles) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING");
        if (postgres) {
            anchors = connection.prepareStatement(PG_ANCHORS);
            df = null;
            bands = connection.prepareStatement(PG_BANDS);
        } else {
            anchors = connection.prepareStatement(SQLITE_ANCHORS);
            df = connection.prepareStatement(SQLITE_DF);
            bands = connection.prepareStatement(SQLITE_BANDS);
        }
    }

    /**
     * Marks one version as indexed and buffers its postings; false (no postings buffered) when it was
     * indexed already. Either way its shingles are buffered for its article's row of shingle sets
     * ({@link ShingleRows}), which takes them when the row is behind: that is how a repair fills the
     * rows of articles indexed before the rows existed.
     */
    boolean add(long articleId, long versionId, Fingerprint fingerprint) throws SQLException {
        shingleRows.add(articleId, versionId, fingerprint.shingles());
        mark.setLong(1, versionId);
        mark.setLong(2, articleId);
        mark.setInt(3, fingerprint.shingles().length);
        if (mark.executeUpdate() == 0) {
            return false;
        }
        for (long anchor : fingerprint.anchors()) {
            anchorBuffer.add(anchor, articleId);
        }
        for (long key : fingerprint.bandKeys()) {
            bandBuffer.add(key, articleId);
        }
        return true;
    }

    /** Writes the buffered postings (and the document frequencies they raise) and shingle rows in the current transaction. */
    void flush() throws SQLException {
        shingleRows.flush();
        anchorBuffer.sortDistinct();
        bandBuffer.sortDistinct();
        if (postgres) {
            unnest(anchors, anchorBuffer);
            unnest(bands, bandBuffer);
        } else {
            if (anchorBuffer.size > 0) {
                anchors.setString(1, json(anchorBuffer));
                Pairs raised = new Pairs();
                try (ResultSet added = anchors.executeQuery()) {
                    while (added.next()) {
                        raised.add(added.getLong(1), 1);
                    }
                }
                if (raised.size > 0) {
                    df.setString(1, json(raised.countedByKey()));
                    df.executeUpdate();
                }
            }
            if (bandBuffer.size > 0) {
                bands.setString(1, json(bandBuffer));
                bands.executeUpdate();
            }
        }
        anchorBuffer.clear();
        bandBuffer.clear();
    }

    /** The pairs as one JSON array of [key, value] (a JSON integer holds any 64-bit value exactly in SQLite). */
    private static String json(Pairs pairs) {
        StringBuilder json = new StringBuilder(pairs.size * 32).append('[');
        for (int i = 0; i < pairs.size; i++) {
            json.append(i == 0 ? "[" : ",[").append(pairs.keys[i]).append(',').append(pairs.values[i]).append(']');
        }
        return json.append(']').toString();
    }

    private void unnest(PreparedStatement insert, Pairs pairs) throws SQLException {
        if (pairs.size == 0) {
            return;
        }
        Array keys = connection.createArrayOf("bigint", boxed(pairs.keys, pairs.size));
        Array articles = connection.createArrayOf("bigint", boxed(pairs.values, pairs.size));
        try {
            insert.setArray(1, keys);
            insert.setArray(2, articles);
            insert.executeUpdate();
        } finally {
            keys.free();
            articles.free();
        }
    }

    private static Long[] boxed(long[] values, int size) {
        Long[] out = new Long[size];
        for (int i = 0; i < size; i++) {
            out[i] = values[i];
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        try (mark; anchors; bands; PreparedStatement d = df) {
            // closes every statement, even when one fails (df is null on PostgreSQL)
        }
    }

    /** A growing buffer of (key, value) pairs: postings (anchor or band key, article) sorted and made distinct before writing, or counts. */
    private static final class Pairs {
        long[] keys = new long[1024];
        long[] values = new long[1024];
        int size;

        void add(long key, long value) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size++] = value;
        }

        /** Sorts by key then article and drops repeats (the same posting from several versions of one article). */
        void sortDistinct() {
            // a primitive sort of (high half of the key, position) packed in one long, which orders by key
            // as Long.compare does; the few runs sharing a high half are finished by insertion (no boxing)
            long[] order = new long[size];
            for (int i = 0; i < size; i++) {
                order[i] = (keys[i] >> 32) << 32 | i;
            }
            Arrays.sort(order);
            for (int from = 0; from < size; ) {
                int to = from + 1;
                while (to < size && order[to] >> 32 == order[from] >> 32) {
                    to++;
                }
                for (int i = from + 1; i < to; i++) {
                    for (int j = i; j > from && before((int) order[j], (int) order[j - 1]); j--) {
                        long swap = order[j];
                        order[j] = order[j - 1];
                        order[j - 1] = swap;
                    }
                }
                from = to;
            }
            long[] k = new long[Math.max(1024, size)];
            long[] a = new long[k.length];
            int n = 0;
            for (long packed : order) {
                int i = (int) packed;
                if (n == 0 || k[n - 1] != keys[i] || a[n - 1] != values[i]) {
                    k[n] = keys[i];
                    a[n++] = values[i];
                }
            }
            keys = k;
            values = a;
            size = n;
        }

        /** (key, how many times it occurs) for each distinct key, sorted by key. */
        Pairs countedByKey() {
            long[] sorted = Arrays.copyOf(keys, size);
            Arrays.sort(sorted);
            Pairs counted = new Pairs();
            for (int i = 0; i < sorted.length; ) {
                int j = i;
                while (j < sorted.length && sorted[j] == sorted[i]) {
                    j++;
                }
                counted.add(sorted[i], j - i);
                i = j;
            }
            return counted;
        }

        private boolean before(int i, int j) {
            return keys[i] != keys[j] ? Long.compare(keys[i], keys[j]) < 0 : values[i] < values[j];
        }

        void clear() {
            size = 0;
        }
    }
}
