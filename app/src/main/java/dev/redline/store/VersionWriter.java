package dev.redline.store;

import dev.redline.article.ArticleText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Appends versions (number, row, full-text row) inside the caller's transaction on one connection,
 * with its statements prepared once: a slice of checks or an imported history appends many versions
 * without SQLite compiling the same three statements again for each (sqlite-jdbc keeps no statement
 * cache, and JDBI prepares anew per call). Not thread-safe: one per transaction.
 */
final class VersionWriter implements AutoCloseable {
    private final boolean postgres;
    private final PreparedStatement counter;
    private final PreparedStatement insert;
    private final PreparedStatement fts;

    VersionWriter(Connection c, boolean postgres) throws SQLException {
        this.postgres = postgres;
        // The article row is the counter: the UPDATE takes its row lock (PostgreSQL) or the write
        // lock (SQLite) before the number is read, and UNIQUE (article_id, n) backs it up.
        this.counter = c.prepareStatement("UPDATE articles SET version_count = version_count + 1, title = ?,"
                + " activity_at = CASE WHEN activity_at > ? THEN activity_at ELSE ? END,"
                + " last_change_at = CASE WHEN version_count > 0 THEN ? ELSE last_change_at END"
                + " WHERE id = ? RETURNING version_count");
        this.insert = c.prepareStatement("INSERT INTO versions (article_id, n, fetched_at, title, byline, paragraphs,"
                + " title_hash, byline_hash, body_hash, changed, boring, boring_reason, capture_ref"
                + (postgres ? ", search" : "") + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                + (postgres ? ", setweight(to_tsvector('simple', ?), 'A') || to_tsvector('simple', ?)" : "")
                + ") RETURNING id");
        this.fts = postgres ? null
                : c.prepareStatement("INSERT INTO versions_fts (rowid, title, byline, body) VALUES (?, ?, ?, ?)");
    }

    /** Appends {@code nv} as the article's next version; throws when there is no such article. */
    Version append(long articleId, NewVersion nv) throws SQLException {
        ArticleText text = nv.text();
        long at = nv.fetchedAt().toEpochMilli();
        counter.setString(1, text.title());
        counter.setLong(2, at);
        counter.setLong(3, at);
        counter.setLong(4, at);
        counter.setLong(5, articleId);
        int n;
        try (ResultSet rs = counter.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalArgumentException("no article with id " + articleId);
            }
            n = rs.getInt(1) - 1;
        }
        VersionRow row = VersionRow.of(nv);
        insert.setLong(1, articleId);
        insert.setInt(2, n);
        insert.setLong(3, at);
        insert.setString(4, row.title());
        CheckWriter.setNullable(insert, 5, row.byline());
        insert.setString(6, row.paragraphs());
        insert.setString(7, row.hashes().title());
        insert.setString(8, row.hashes().byline());
        insert.setString(9, row.hashes().body());
        insert.setString(10, row.changed());
        insert.setInt(11, row.boring());
        CheckWriter.setNullable(insert, 12, row.boringReason());
        CheckWriter.setNullable(insert, 13, row.captureRef());
        if (postgres) {
            insert.setString(14, row.titleWords());
            insert.setString(15, row.otherWords());
        }
        long id;
        try (ResultSet rs = insert.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        if (fts != null) {
            fts.setLong(1, id);
            fts.setString(2, row.titleWords());
            fts.setString(3, row.bylineWords());
            fts.setString(4, row.bodyWords());
            fts.executeUpdate();
        }
        return new Version(id, articleId, n, Instant.ofEpochMilli(at), text, nv.changed(), nv.boring(),
                nv.boringReason(), nv.captureRef());
    }

    @Override
    public void close() throws SQLException {
        try (counter; insert) {
            if (fts != null) {
                fts.close();
            }
        }
    }
}
