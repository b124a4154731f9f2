package dev.redline.store;

import static dev.redline.store.Rows.ARTICLE_FIELDS;
import static dev.redline.store.Rows.VERSION_FIELDS;
import static dev.redline.store.Rows.article;
import static dev.redline.store.Rows.instant;
import static dev.redline.store.Rows.version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link TextSearch} over JDBC: FTS5 on SQLite, a weighted tsvector on PostgreSQL, both fed the
 * words of {@link SearchText} so they match identically. Thread-safe.
 */
final class JdbcSearch implements TextSearch {
    private final Jdbi jdbi;
    private final boolean postgres;

    JdbcSearch(Database db) {
        this.jdbi = db.jdbi();
        this.postgres = db.postgres();
    }

    @Override
    public List<SearchHit> search(String query, Long sourceId, Instant from, Instant to, int limit) {
        SearchText.Query parsed = SearchText.parse(query == null ? "" : query);
        if (parsed.isEmpty() || limit <= 0) {
            return List.of();
        }
        // (vid, score): matching version ids, lower score = better match.
        String matches = postgres
                ? "SELECT id AS vid, -ts_rank(search, to_tsquery('simple', :q)) AS score FROM versions WHERE search @@ to_tsquery('simple', :q)"
                : "SELECT rowid AS vid, rank AS score FROM versions_fts WHERE versions_fts MATCH :q";
        String match = postgres ? parsed.tsquery() : parsed.fts5();
        StringBuilder filter = new StringBuilder();
        if (sourceId != null) {
            filter.append(" AND a.source_id = :s");
        }
        if (from != null) {
            filter.append(" AND v.fetched_at >= :from");
        }
        if (to != null) {
            filter.append(" AND v.fetched_at < :to");
        }
        String base = " FROM (" + matches + ") m JOIN versions v ON v.id = m.vid JOIN articles a ON a.id = v.article_id WHERE 1 = 1" + filter;
        return jdbi.withHandle(h -> {
            record Best(long articleId, Instant lastAt) {
            }
            List<Best> best = bindSearch(h.createQuery("SELECT v.article_id, MIN(m.score) AS score, MAX(v.fetched_at) AS last_at"
                    + base + " GROUP BY v.article_id ORDER BY score, last_at DESC LIMIT :limit"), match, sourceId, from, to)
                    .bind("limit", limit)
                    .map((rs, ctx) -> new Best(rs.getLong("article_id"), instant(rs, "last_at"))).list();
            if (best.isEmpty()) {
                return List.<SearchHit>of();
            }
            Map<Long, List<Integer>> numbers = new LinkedHashMap<>();
            best.forEach(b -> numbers.put(b.articleId(), new ArrayList<>()));
            bindSearch(h.createQuery("SELECT v.article_id, v.n" + base + " AND v.article_id IN (<ids>) ORDER BY v.article_id, v.n"),
                    match, sourceId, from, to)
                    .bindList("ids", List.copyOf(numbers.keySet()))
                    .map((rs, ctx) -> numbers.get(rs.getLong("article_id")).add(rs.getInt("n"))).list();
            List<SearchHit> hits = new ArrayList<>();
            for (Best b : best) {
                List<Integer> ns = numbers.get(b.articleId());
                Article article = h.createQuery("SELECT " + ARTICLE_FIELDS + " FROM articles WHERE id = :id")
                        .bind("id", b.articleId()).map((rs, ctx) -> article(rs, "")).one();
                Version newest = h.createQuery("SELECT " + VERSION_FIELDS + " FROM versions WHERE article_id = :a AND n = :n")
                        .bind("a", b.articleId()).bind("n", ns.getLast()).map((rs, ctx) -> version(rs, "")).one();
                String sourceName = article.sourceId() == null ? null
                        : h.createQuery("SELECT name FROM sources WHERE id = :id").bind("id", article.sourceId())
                        .mapTo(String.class).findOne().orElse(null);
                SearchText.Snippet snippet = SearchText.snippet(newest.text(), parsed);
                hits.add(new SearchHit(article, sourceName, List.copyOf(ns), b.lastAt(), snippet.text(), snippet.highlights()));
            }
            return hits;
        });
    }

    private static Query bindSearch(Query q, String match, Long sourceId, Instant from, Instant to) {
        q.bind("q", match);
        if (sourceId != null) {
            q.bind("s", sourceId);
        }
        if (from != null) {
            q.bind("from", from.toEpochMilli());
        }
        if (to != null) {
            q.bind("to", to.toEpochMilli());
        }
        return q;
    }
}
