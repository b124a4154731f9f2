package dev.redline.store;

import static dev.redline.store.Rows.ARTICLE_FIELDS;
import static dev.redline.store.Rows.VERSION_FIELDS;
import static dev.redline.store.Rows.article;
import static dev.redline.store.Rows.instant;
import static dev.redline.store.Rows.version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
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

    /** Matching versions ranked per round at first, per article asked for; each further round takes 8 times more. */
    private static final int CANDIDATES_PER_HIT = 20;
    /**
     * On PostgreSQL, a round ranks only the newest {@code RANKING_WINDOW × k} matching versions (by id,
     * which the primary key walks backwards, or the GIN index finds for a rare word), not the whole
     * match set: a common word's rank then costs the same at 1 M versions as at 100 k, and the hits
     * lean to recent versions, which a news archive's reader asks for first.
     */
    private static final int RANKING_WINDOW = 2;
    /** Ids per IN list (well under SQLite's 32,766 bound parameters). */
    private static final int CHUNK = 5_000;

    /** One matching version: its id, rank score (lower is better), article and fetch time. */
    private record Match(long versionId, double score, long articleId, int n, Instant at) {
    }

    /**
     * The best articles are those of the best-ranked matching versions, so only the top of the
     * ranking is joined with the versions table (the full match set of a common word is most of the
     * archive; on PostgreSQL only a window of the newest matches is ranked, {@link #RANKING_WINDOW}):
     * the best {@code limit × 20} versions first, eight times more while they name fewer
     * than {@code limit} articles (filters may drop many) and more matches remain. The articles come in
     * the order of their best version, as a GROUP BY over every match would give, ties aside.
     */
    @Override
    public List<SearchHit> search(String query, Long sourceId, Instant from, Instant to, int limit) {
        SearchText.Query parsed = SearchText.parse(query == null ? "" : query);
        if (parsed.isEmpty() || limit <= 0) {
            return List.of();
        }
        String match = postgres ? parsed.tsquery() : parsed.fts5();
        return jdbi.withHandle(h -> {
            Map<Long, Match> best = new LinkedHashMap<>();
            for (int k = limit * CANDIDATES_PER_HIT; ; k *= 8) {
                Query rank = h.createQuery(postgres
                                // ts_rank reads each row's tsvector from TOAST: ranking every match of a common
                                // word took 5 s at 220 k versions; the newest window of matches costs the same at any size
                                ? "SELECT id, score FROM (SELECT id, -ts_rank(search, to_tsquery('simple', :q)) AS score"
                                  + " FROM versions WHERE search @@ to_tsquery('simple', :q) ORDER BY id DESC LIMIT :window) w"
                                  + " ORDER BY score, id LIMIT :k"
                                : "SELECT rowid, rank FROM versions_fts WHERE versions_fts MATCH :q ORDER BY rank LIMIT :k")
                        .bind("q", match).bind("k", k);
                if (postgres) {
                    rank.bind("window", RANKING_WINDOW * k);
                }
                List<double[]> ranked = rank.map((rs, ctx) -> new double[] {rs.getLong(1), rs.getDouble(2)}).list();
                Map<Long, Match> rows = versions(h, ranked.stream().map(r -> (long) r[0]).toList(), null, sourceId, from, to);
                best.clear();
                for (double[] r : ranked) {
                    Match m = rows.get((long) r[0]);
                    if (m != null && !best.containsKey(m.articleId()) && best.size() < limit) {
                        best.put(m.articleId(), new Match(m.versionId(), r[1], m.articleId(), m.n(), m.at()));
                    }
                }
                if (best.size() >= limit || ranked.size() < k) {
                    break;
                }
            }
            if (best.isEmpty()) {
                return List.<SearchHit>of();
            }
            // every matching version of the chosen articles (within the filters), for their numbers and last match
            Map<Long, Match> candidates = versions(h, null, List.copyOf(best.keySet()), sourceId, from, to);
            Map<Long, List<Match>> matching = new HashMap<>();
            for (long id : matchingIds(h, List.copyOf(candidates.keySet()), match)) {
                Match m = candidates.get(id);
                matching.computeIfAbsent(m.articleId(), a -> new ArrayList<>()).add(m);
            }
            Map<Long, Article> articles = new HashMap<>();
            h.createQuery("SELECT " + ARTICLE_FIELDS + " FROM articles WHERE id IN (<ids>)").bindList("ids", List.copyOf(best.keySet()))
                    .map((rs, ctx) -> articles.put(rs.getLong("id"), article(rs, ""))).list();
            Map<Long, String> sourceNames = new HashMap<>();
            h.createQuery("SELECT id, name FROM sources").map((rs, ctx) -> sourceNames.put(rs.getLong(1), rs.getString(2))).list();
            record Ranked(Match best, List<Match> all, Instant lastAt) {
            }
            List<Ranked> ranked = new ArrayList<>();
            for (Match b : best.values()) {
                List<Match> all = matching.getOrDefault(b.articleId(), List.of(b)).stream().sorted(Comparator.comparingInt(Match::n)).toList();
                ranked.add(new Ranked(b, all, all.stream().map(Match::at).max(Comparator.naturalOrder()).orElseThrow()));
            }
            ranked.sort(Comparator.comparingDouble((Ranked r) -> r.best().score()).thenComparing(Ranked::lastAt, Comparator.reverseOrder()));
            List<SearchHit> hits = new ArrayList<>();
            for (Ranked r : ranked) {
                Article article = articles.get(r.best().articleId());
                Version newest = h.createQuery("SELECT " + VERSION_FIELDS + " FROM versions WHERE id = :id")
                        .bind("id", r.all().getLast().versionId()).map((rs, ctx) -> version(rs, "")).one();
                SearchText.Snippet snippet = SearchText.snippet(newest.text(), parsed);
                hits.add(new SearchHit(article, article.sourceId() == null ? null : sourceNames.get(article.sourceId()),
                        r.all().stream().map(Match::n).toList(), r.lastAt(), snippet.text(), snippet.highlights()));
            }
            return hits;
        });
    }

    /**
     * The versions with these ids, or of these articles, that pass the filters, by version id
     * (score 0: the caller has the rank). Ids go in chunks, so any number is fine.
     */
    private static Map<Long, Match> versions(Handle h, List<Long> versionIds, List<Long> articleIds, Long sourceId,
                                             Instant from, Instant to) {
        List<Long> ids = versionIds != null ? versionIds : articleIds;
        Map<Long, Match> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            Query q = h.createQuery("SELECT v.id, v.article_id, v.n, v.fetched_at FROM versions v JOIN articles a ON a.id = v.article_id"
                    + " WHERE " + (versionIds != null ? "v.id" : "v.article_id") + " IN (<ids>)"
                    + (sourceId != null ? " AND a.source_id = :s" : "") + (from != null ? " AND v.fetched_at >= :from" : "")
                    + (to != null ? " AND v.fetched_at < :to" : ""))
                    .bindList("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)));
            bindFilters(q, sourceId, from, to);
            q.map((rs, ctx) -> out.put(rs.getLong(1), new Match(rs.getLong(1), 0, rs.getLong(2), rs.getInt(3), instant(rs, 4)))).list();
        }
        return out;
    }

    /** Which of these versions match the query. */
    private List<Long> matchingIds(Handle h, List<Long> versionIds, String match) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < versionIds.size(); i += CHUNK) {
            out.addAll(h.createQuery(postgres
                            ? "SELECT id FROM versions WHERE id IN (<ids>) AND search @@ to_tsquery('simple', :q)"
                            : "SELECT rowid FROM versions_fts WHERE versions_fts MATCH :q AND rowid IN (<ids>)")
                    .bindList("ids", versionIds.subList(i, Math.min(versionIds.size(), i + CHUNK))).bind("q", match)
                    .mapTo(Long.class).list());
        }
        return out;
    }

    private static void bindFilters(Query q, Long sourceId, Instant from, Instant to) {
        if (sourceId != null) {
            q.bind("s", sourceId);
        }
        if (from != null) {
            q.bind("from", from.toEpochMilli());
        }
        if (to != null) {
            q.bind("to", to.toEpochMilli());
        }
    }
}
