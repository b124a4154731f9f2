package dev.redline.store;

import static dev.redline.store.Rows.nullableInt;

import dev.redline.extract.PageLine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link LearnedLineStore} over JDBC (tables of V40), the same SQL on SQLite and PostgreSQL. The
 * thresholds of {@link LearningRules} are applied in SQL over the whole source at once, so a count
 * costs a few statements whatever the number of lines. Thread-safe: all state is in the database.
 */
final class JdbcLearnedLines implements LearnedLineStore {
    /** A sample longer than this is cut: it only names the line on the source page. */
    private static final int SAMPLE_CHARS = 500;
    private static final String LINE_FIELDS = "fingerprint, sample, articles, first_seen, last_seen, known_at, boiler_at,"
            + " retired_at";
    /** Share of the articles counted since the line first appeared, in whole percent, as SQL. */
    private static final String SHARE_MET = "articles * 100 >= :share * (:t - first_seen + 1)";

    private final Jdbi jdbi;

    JdbcLearnedLines(Database db) {
        this.jdbi = db.jdbi();
    }

    @Override
    public Counted count(long sourceId, long articleId, List<PageLine> lines, LearningRules rules, Instant at) {
        return jdbi.inTransaction(h -> {
            Optional<Integer> taught = h.createQuery("SELECT taught FROM learned_articles WHERE article_id = :a")
                    .bind("a", articleId).map((rs, ctx) -> nullableInt(rs, "taught") == null ? -1 : rs.getInt("taught"))
                    .findOne();
            if (taught.isPresent() && taught.get() >= 0) {
                return Counted.ALREADY;
            }
            h.createUpdate("INSERT INTO learned_sources (source_id, articles, copies, updated_at) VALUES (:s, 0, 0, :at)"
                    + " ON CONFLICT (source_id) DO NOTHING").bind("s", sourceId).bind("at", at.toEpochMilli()).execute();
            if (isCopy(h, sourceId, lines, rules)) {
                h.createUpdate("UPDATE learned_sources SET copies = copies + 1, updated_at = :at WHERE source_id = :s")
                        .bind("s", sourceId).bind("at", at.toEpochMilli()).execute();
                markTaught(h, articleId, 0);
                return Counted.COPY;
            }
            int t = h.createQuery("UPDATE learned_sources SET articles = articles + 1, updated_at = :at"
                    + " WHERE source_id = :s RETURNING articles").bind("s", sourceId).bind("at", at.toEpochMilli())
                    .mapTo(Integer.class).one();
            upsertLines(h, sourceId, lines, t);
            h.createUpdate("UPDATE learned_lines SET boiler_at = :t WHERE source_id = :s AND learnable = 1"
                            + " AND boiler_at IS NULL AND articles >= :n AND " + SHARE_MET)
                    .bind("s", sourceId).bind("t", t).bind("n", rules.minArticles()).bind("share", rules.minSharePercent())
                    .execute();
            // a line that stops qualifying is retired for good, so that every lens pinned before stays as it was
            h.createUpdate("UPDATE learned_lines SET retired_at = :t WHERE source_id = :s AND boiler_at IS NOT NULL"
                            + " AND retired_at IS NULL AND (learnable = 0 OR :t - last_seen > :stale OR NOT (" + SHARE_MET + "))")
                    .bind("s", sourceId).bind("t", t).bind("stale", rules.staleAfter()).bind("share", rules.minSharePercent())
                    .execute();
            trim(h, sourceId, rules.maxLines());
            markTaught(h, articleId, t);
            return Counted.COUNTED;
        });
    }

    /** At least {@link LearningRules#copySharePercent} of the page's full paragraphs are on the source already. */
    private static boolean isCopy(Handle h, long sourceId, List<PageLine> lines, LearningRules rules) {
        List<Long> text = lines.stream().filter(l -> !l.learnable()).map(PageLine::fingerprint).toList();
        if (text.size() < 2) {
            return false;
        }
        long seen = h.createQuery("SELECT COUNT(*) FROM learned_lines WHERE source_id = :s AND fingerprint IN (<fps>)")
                .bind("s", sourceId).bindList("fps", text).mapTo(Long.class).one();
        return seen * 100 >= (long) rules.copySharePercent() * text.size();
    }

    private static void upsertLines(Handle h, long sourceId, List<PageLine> lines, int t) {
        PreparedBatch batch = h.prepareBatch("INSERT INTO learned_lines (source_id, fingerprint, sample, learnable,"
                + " articles, first_seen, last_seen) VALUES (:s, :fp, :sample, :learnable, 1, :t, :t)"
                + " ON CONFLICT (source_id, fingerprint) DO UPDATE SET articles = learned_lines.articles + 1,"
                + " last_seen = excluded.last_seen, sample = excluded.sample,"
                // a line once seen as an article's own text is never boilerplate
                + " learnable = CASE WHEN excluded.learnable = 0 THEN 0 ELSE learned_lines.learnable END,"
                + " known_at = COALESCE(learned_lines.known_at, excluded.last_seen)");
        for (PageLine line : lines) {
            String sample = line.text().length() <= SAMPLE_CHARS ? line.text() : line.text().substring(0, SAMPLE_CHARS);
            batch.bind("s", sourceId).bind("fp", line.fingerprint()).bind("sample", sample)
                    .bind("learnable", line.learnable() ? 1 : 0).bind("t", t).add();
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    /** Over the cap, the rarest and oldest lines go first, current boilerplate last. */
    private static void trim(Handle h, long sourceId, int maxLines) {
        long held = h.createQuery("SELECT COUNT(*) FROM learned_lines WHERE source_id = :s").bind("s", sourceId)
                .mapTo(Long.class).one();
        if (held <= maxLines) {
            return;
        }
        h.createUpdate("DELETE FROM learned_lines WHERE source_id = :s AND fingerprint IN (SELECT fingerprint"
                        + " FROM learned_lines WHERE source_id = :s ORDER BY CASE WHEN boiler_at IS NOT NULL"
                        + " AND retired_at IS NULL THEN 1 ELSE 0 END, articles, last_seen LIMIT :excess)")
                .bind("s", sourceId).bind("excess", held - maxLines).execute();
    }

    private static void markTaught(Handle h, long articleId, int taught) {
        // an article counted without a pinned lens was read with none: lens 0
        h.createUpdate("INSERT INTO learned_articles (article_id, lens, taught) VALUES (:a, 0, :t)"
                + " ON CONFLICT (article_id) DO UPDATE SET taught = excluded.taught")
                .bind("a", articleId).bind("t", taught).execute();
    }

    @Override
    public int ordinal(long sourceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT articles FROM learned_sources WHERE source_id = :s")
                .bind("s", sourceId).mapTo(Integer.class).findOne().orElse(0));
    }

    @Override
    public int pinLens(long articleId, int ordinal) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO learned_articles (article_id, lens) VALUES (:a, :lens)"
                    + " ON CONFLICT (article_id) DO NOTHING").bind("a", articleId).bind("lens", ordinal).execute();
            return h.createQuery("SELECT lens FROM learned_articles WHERE article_id = :a").bind("a", articleId)
                    .mapTo(Integer.class).one();
        });
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
