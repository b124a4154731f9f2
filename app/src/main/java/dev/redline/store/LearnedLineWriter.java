package dev.redline.store;

import dev.redline.extract.PageLine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts articles' lines towards their sources and pins lenses (the tables of V40) inside the
 * caller's transaction on one connection, each statement prepared once per transaction: a slice of
 * checks counts its first versions in its own commit ({@link JdbcWorkQueue#finishChecks}) instead
 * of a transaction and a dozen statement compilations per article. The thresholds of
 * {@link LearningRules} are applied in SQL over the whole source at once; the SQL is the same on
 * SQLite and PostgreSQL. Articles are counted one after another, in order, because each one's
 * ordinal and copy test depend on the ones before. Not thread-safe: one per transaction.
 */
final class LearnedLineWriter implements AutoCloseable {
    /** A sample longer than this is cut: it only names the line on the source page. */
    private static final int SAMPLE_CHARS = 500;
    /** Share of the articles counted since the line first appeared, in whole percent; binds share, then t. */
    private static final String SHARE_MET = "articles * 100 >= ? * (? - first_seen + 1)";
    private static final String TAUGHT = "SELECT taught FROM learned_articles WHERE article_id = ?";
    private static final String ADD_SOURCE = "INSERT INTO learned_sources (source_id, articles, copies, updated_at)"
            + " VALUES (?, 0, 0, ?) ON CONFLICT (source_id) DO NOTHING";
    private static final String ADD_COPY = "UPDATE learned_sources SET copies = copies + 1, updated_at = ? WHERE source_id = ?";
    private static final String NEXT_ORDINAL = "UPDATE learned_sources SET articles = articles + 1, updated_at = ?"
            + " WHERE source_id = ? RETURNING articles";
    private static final String UPSERT_LINE = "INSERT INTO learned_lines (source_id, fingerprint, sample, learnable,"
            + " articles, first_seen, last_seen) VALUES (?, ?, ?, ?, 1, ?, ?)"
            + " ON CONFLICT (source_id, fingerprint) DO UPDATE SET articles = learned_lines.articles + 1,"
            + " last_seen = excluded.last_seen, sample = excluded.sample,"
            // a line once seen as an article's own text is never boilerplate
            + " learnable = CASE WHEN excluded.learnable = 0 THEN 0 ELSE learned_lines.learnable END,"
            + " known_at = COALESCE(learned_lines.known_at, excluded.last_seen)";
    private static final String BECOME_BOILERPLATE = "UPDATE learned_lines SET boiler_at = ? WHERE source_id = ?"
            + " AND learnable = 1 AND boiler_at IS NULL AND articles >= ? AND " + SHARE_MET;
    // a line that stops qualifying is retired for good, so that every lens pinned before stays as it was
    private static final String RETIRE = "UPDATE learned_lines SET retired_at = ? WHERE source_id = ?"
            + " AND boiler_at IS NOT NULL AND retired_at IS NULL AND (learnable = 0 OR ? - last_seen > ? OR NOT ("
            + SHARE_MET + "))";
    private static final String HELD = "SELECT COUNT(*) FROM learned_lines WHERE source_id = ?";
    /** Over the cap, the rarest and oldest lines go first, current boilerplate last. */
    private static final String TRIM = "DELETE FROM learned_lines WHERE source_id = ? AND fingerprint IN (SELECT fingerprint"
            + " FROM learned_lines WHERE source_id = ? ORDER BY CASE WHEN boiler_at IS NOT NULL"
            + " AND retired_at IS NULL THEN 1 ELSE 0 END, articles, last_seen LIMIT ?)";
    // an article counted without a pinned lens was read with none: lens 0
    private static final String MARK_TAUGHT = "INSERT INTO learned_articles (article_id, lens, taught) VALUES (?, 0, ?)"
            + " ON CONFLICT (article_id) DO UPDATE SET taught = excluded.taught";
    private static final String PIN = "INSERT INTO learned_articles (article_id, lens) VALUES (?, ?)"
            + " ON CONFLICT (article_id) DO NOTHING";
    private static final String LENS = "SELECT lens FROM learned_articles WHERE article_id = ?";

    private final Connection connection;
    /** By SQL text: the copy test's statement differs by the number of paragraphs, the rest are fixed. */
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    LearnedLineWriter(Connection connection) {
        this.connection = connection;
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement s = statements.get(sql);
        if (s == null) {
            s = connection.prepareStatement(sql);
            statements.put(sql, s);
        }
        return s;
    }

    /** {@link LearnedLineStore#pinLens}: pins unless pinned, returns the article's lens. */
    int pin(long articleId, int ordinal) throws SQLException {
        PreparedStatement pin = statement(PIN);
        pin.setLong(1, articleId);
        pin.setInt(2, ordinal);
        pin.executeUpdate();
        PreparedStatement lens = statement(LENS);
        lens.setLong(1, articleId);
        try (ResultSet rs = lens.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("the lens of article " + articleId + " was not pinned");
            }
            return rs.getInt(1);
        }
    }

    /** {@link LearnedLineStore#count} of one article, in the caller's transaction. */
    LearnedLineStore.Counted count(Lesson lesson) throws SQLException {
        long source = lesson.sourceId();
        long at = lesson.at().toEpochMilli();
        LearningRules rules = lesson.rules();
        if (taught(lesson.articleId())) {
            return LearnedLineStore.Counted.ALREADY;
        }
        update(ADD_SOURCE, source, at);
        if (isCopy(source, lesson.lines(), rules)) {
            update(ADD_COPY, at, source);
            update(MARK_TAUGHT, lesson.articleId(), 0);
            return LearnedLineStore.Counted.COPY;
        }
        int t = (int) single(NEXT_ORDINAL, at, source);
        upsertLines(source, lesson.lines(), t);
        update(BECOME_BOILERPLATE, t, source, rules.minArticles(), rules.minSharePercent(), t);
        update(RETIRE, t, source, t, rules.staleAfter(), rules.minSharePercent(), t);
        long held = single(HELD, source);
        if (held > rules.maxLines()) {
            update(TRIM, source, source, held - rules.maxLines());
        }
        update(MARK_TAUGHT, lesson.articleId(), t);
        return LearnedLineStore.Counted.COUNTED;
    }

    private boolean taught(long articleId) throws SQLException {
        PreparedStatement s = statement(TAUGHT);
        s.setLong(1, articleId);
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getObject(1) != null && rs.getInt(1) >= 0;
        }
    }

    /** At least {@link LearningRules#copySharePercent} of the page's full paragraphs are on the source already. */
    private boolean isCopy(long sourceId, List<PageLine> lines, LearningRules rules) throws SQLException {
        List<Long> text = lines.stream().filter(l -> !l.learnable()).map(PageLine::fingerprint).toList();
        if (text.size() < 2) {
            return false;
        }
        Object[] args = new Object[text.size() + 1];
        args[0] = sourceId;
        for (int i = 0; i < text.size(); i++) {
            args[i + 1] = text.get(i);
        }
        String marks = "?" + ", ?".repeat(text.size() - 1);
        long seen = single("SELECT COUNT(*) FROM learned_lines WHERE source_id = ? AND fingerprint IN (" + marks + ")", args);
        return seen * 100 >= (long) rules.copySharePercent() * text.size();
    }

    private void upsertLines(long sourceId, List<PageLine> lines, int t) throws SQLException {
        if (lines.isEmpty()) {
            return;
        }
        PreparedStatement batch = statement(UPSERT_LINE);
        for (PageLine line : lines) {
            String sample = line.text().length() <= SAMPLE_CHARS ? line.text() : line.text().substring(0, SAMPLE_CHARS);
            batch.setLong(1, sourceId);
            batch.setLong(2, line.fingerprint());
            batch.setString(3, sample);
            batch.setInt(4, line.learnable() ? 1 : 0);
            batch.setInt(5, t);
            batch.setInt(6, t);
            batch.addBatch();
        }
        batch.executeBatch();
    }

    private void update(String sql, Object... args) throws SQLException {
        bind(statement(sql), args).executeUpdate();
    }

    /** The one number a query (or an UPDATE … RETURNING) gives. */
    private long single(String sql, Object... args) throws SQLException {
        try (ResultSet rs = bind(statement(sql), args).executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("no row from " + sql);
            }
            return rs.getLong(1);
        }
    }

    private static PreparedStatement bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case Integer v -> s.setInt(i + 1, v);
                case Long v -> s.setLong(i + 1, v);
                default -> throw new IllegalArgumentException("unexpected parameter " + args[i].getClass());
            }
        }
        return s;
    }

    @Override
    public void close() throws SQLException {
        SQLException failed = null;
        for (PreparedStatement s : statements.values()) {
            try {
                s.close();
            } catch (SQLException e) {
                failed = failed == null ? e : failed;
            }
        }
        statements.clear();
        if (failed != null) {
            throw failed;
        }
    }
}
