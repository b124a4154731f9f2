package dev.redline.store;

import static dev.redline.store.Rows.nullableInt;

import dev.redline.extract.PageLine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link LearnedLineStore} over JDBC (tables of V40), the same SQL on SQLite and PostgreSQL. Counts
 * and pins go through {@link LearnedLineWriter}, here in a transaction each, in a slice of checks in
 * the slice's transaction. Thread-safe: all state is in the database.
 */
final class JdbcLearnedLines implements LearnedLineStore {
    private static final String LINE_FIELDS = "fingerprint, sample, articles, first_seen, last_seen, known_at, boiler_at,"
            + " retired_at";

    private final Jdbi jdbi;

    JdbcLearnedLines(Database db) {
        this.jdbi = db.jdbi();
    }

    @Override
    public Counted count(long sourceId, long articleId, List<PageLine> lines, LearningRules rules, Instant at) {
        Lesson lesson = new Lesson(sourceId, articleId, lines, rules, at);
        return inWriter(w -> w.count(lesson));
    }

    /** {@code work} on a {@link LearnedLineWriter} in a transaction of its own. */
    private <T> T inWriter(WriterWork<T> work) {
        try {
            return jdbi.inTransaction(h -> {
                try (LearnedLineWriter writer = new LearnedLineWriter(h.getConnection())) {
                    return work.on(writer);
                }
            });
        } catch (SQLException e) {
            throw Rows.failed(e);
        }
    }

    private interface WriterWork<T> {
        T on(LearnedLineWriter writer) throws SQLException;
    }

    @Override
    public int ordinal(long sourceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT articles FROM learned_sources WHERE source_id = :s")
                .bind("s", sourceId).mapTo(Integer.class).findOne().orElse(0));
    }

    @Override
    public int pinLens(long articleId, int ordinal) {
        return inWriter(w -> w.pin(articleId, ordinal));
    }

    @Override
    public OptionalInt lens(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT lens FROM learned_articles WHERE article_id = :a")
                .bind("a", articleId).mapTo(Integer.class).findOne().map(OptionalInt::of).orElse(OptionalInt.empty()));
    }

    @Override
    public List<LearnedLine> knownLines(long sourceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + LINE_FIELDS + " FROM learned_lines WHERE source_id = :s"
                        + " AND learnable = 1 AND (known_at IS NOT NULL OR boiler_at IS NOT NULL)")
                .bind("s", sourceId).map(JdbcLearnedLines::line).list());
    }

    @Override
    public LearnedSummary summary(long sourceId, int limit) {
        return jdbi.withHandle(h -> {
            record Counts(int articles, int copies) {
            }
            Counts counts = h.createQuery("SELECT articles, copies FROM learned_sources WHERE source_id = :s")
                    .bind("s", sourceId).map((rs, ctx) -> new Counts(rs.getInt("articles"), rs.getInt("copies")))
                    .findOne().orElse(new Counts(0, 0));
            List<LearnedLine> boilerplate = h.createQuery("SELECT " + LINE_FIELDS + " FROM learned_lines"
                            + " WHERE source_id = :s AND boiler_at IS NOT NULL AND retired_at IS NULL"
                            + " ORDER BY articles DESC, last_seen DESC, fingerprint LIMIT :limit")
                    .bind("s", sourceId).bind("limit", limit).map(JdbcLearnedLines::line).list();
            long lines = h.createQuery("SELECT COUNT(*) FROM learned_lines WHERE source_id = :s AND learnable = 1")
                    .bind("s", sourceId).mapTo(Long.class).one();
            return new LearnedSummary(counts.articles(), counts.copies(), boilerplate, (int) lines);
        });
    }

    private static LearnedLine line(ResultSet rs, StatementContext ctx) throws SQLException {
        return new LearnedLine(rs.getLong("fingerprint"), rs.getString("sample"), rs.getInt("articles"),
                rs.getInt("first_seen"), rs.getInt("last_seen"), nullableInt(rs, "known_at"),
                nullableInt(rs, "boiler_at"), nullableInt(rs, "retired_at"));
    }
}
