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

    private final int rankedWindow;

    JdbcSearch(Database db) {
        this(db, RANKED_WINDOW);
    }

    /** @param rankedWindow most matches ranked (on PostgreSQL a cap of each round's window; tests use a small one) */
    JdbcSearch(Database db, int rankedWindow) {
        this.jdbi = db.jdbi();
        this.postgres = db.postgres();
        this.rankedWindow = rankedWindow;
    }

    /** Matching versions ranked per round at first, per article asked for; each further round takes 8 times more. */
    private static final int CANDIDATES_PER_HIT = 20;
    /**
     * Most matches ranked by relevance on SQLite: a query matching more versions lists them newest
     * first (by id, the order they were stored), since FTS5's bm25 first counts each of the query's
     * phrases over the whole index, whatever part of the matches it ranks (0.4 s of CPU for a name in
     * 60 % of a 700 k-version archive; 55 to 235 ms at 1 M even when it ranked only the newest 5,000).
     * For such a word relevance says little anyway (its weight is near zero); a rare word is ranked
     * by bm25 over all its matches. PostgreSQL ranks at most this many with ts_rank, and per round
     * only the newest {@link #PG_WINDOW_PER_CANDIDATE} × k matches (see {@link #search}).
     */
    static final int RANKED_WINDOW = 5_000;
    /**
     * On PostgreSQL a round ranks the newest {@code 2 × k} matches in one statement (the primary key
     * walked backwards, or the GIN index for a rare word): ts_rank reads each row's tsvector from
     * TOAST, and ranking every match of a common word took 5 s at 220 k versions.
     */
    private static final int PG_WINDOW_PER_CANDIDATE = 2;
    /** Ids per IN list (well under SQLite's 32,766 bound parameters). */
    private static final int CHUNK = 5_000;

    /** One matching version: its id, rank score (lower is better), article and fetch time. */
    private record Match(long versionId, double score, long articleId, int n, Instant at) {
    }

    /**
     * The best articles are those of the best-ranked matching versions, so only the top of the
     * ranking is joined with the versions table (the full match set of a common word is most of the
     * archive): the best {@code limit × 20} versions first, eight times more while they name fewer
     * than {@code limit} articles (filters may drop many) and more matches remain. The articles come in
     * the order of their best version, as a GROUP BY over every match would give, ties aside.
     */
    @Override
    public SearchResults find(String query, Long sourceId, Instant from, Instant to, int limit) {
        SearchText.Query parsed = SearchText.parse(query == null ? "" : query);
        if (parsed.isEmpty() || limit <= 0) {
            return new SearchResults(List.of(), 0);
        }
        String match = postgres ? parsed.tsquery() : parsed.fts5();
        return jdbi.withHandle(h -> {
            Long floor = postgres ? null : windowFloor(h, match);
            int[] pgWindow = {0}; // PostgreSQL: the window of the last round when it was full (more matched)
            List<SearchHit> hits = search(h, parsed, match, floor, pgWindow, sourceId, from, to, limit);
            return new SearchResults(hits, postgres ? pgWindow[0] : floor == null ? 0 : rankedWindow);
        });
    }

    /**
     * On SQLite, the id of the {@code rankedWindow}th newest matching version when more match (the
     * query is common: its hits come newest first), else null (all are ranked by bm25). Finding it
     * walks the match list from its newest end (FTS5 keeps it in rowid order), far cheaper than
     * ranking.
     */
    private Long windowFloor(Handle h, String match) {
        List<Long> edge = h.createQuery("SELECT rowid FROM versions_fts WHERE versions_fts MATCH :q ORDER BY rowid DESC"
                + " LIMIT 2 OFFSET :skip").bind("q", match).bind("skip", rankedWindow - 1).mapTo(Long.class).list();
        return edge.size() < 2 ? null : edge.getFirst();
    }

    /** The hits: ranked by bm25, or newest first when {@code floor} is given (a common query). */
    private List<SearchHit> search(Handle h, SearchText.Query parsed, String match, Long floor, int[] pgWindow, Long sourceId,
                                   Instant from, Instant to, int limit) {
        Map<Long, Match> best = new LinkedHashMap<>();
        for (int k = limit * CANDIDATES_PER_HIT; ; k *= 8) {
            int window = Math.max(k, Math.min(rankedWindow, PG_WINDOW_PER_CANDIDATE * k));
            Query rank = h.createQuery(postgres
                            ? "SELECT id, score, COUNT(*) OVER () FROM (SELECT id, -ts_rank(search, to_tsquery('simple', :q)) AS score"
                              + " FROM versions WHERE search @@ to_tsquery('simple', :q) ORDER BY id DESC LIMIT :window) w"
                              + " ORDER BY score, id LIMIT :k"
                            // a common query comes newest first (score: minus the rowid), walking its match list from the
                            // newest end; bm25 would count each phrase over the whole index first (FTS5's xQueryPhrase)
                            : floor != null ? "SELECT rowid, -rowid, 0 FROM versions_fts WHERE versions_fts MATCH :q ORDER BY rowid DESC LIMIT :k"
                            : "SELECT rowid, rank, 0 FROM versions_fts WHERE versions_fts MATCH :q ORDER BY rank LIMIT :k")
                    .bind("q", match).bind("k", k);
            if (postgres) {
                rank.bind("window", window);
            }
            List<double[]> ranked = rank.map((rs, ctx) -> new double[] {rs.getLong(1), rs.getDouble(2), rs.getLong(3)}).list();
            pgWindow[0] = !ranked.isEmpty() && ranked.getFirst()[2] >= window ? window : 0;
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
            return List.of();
        }
        // every matching version of the chosen articles (within the filters), for their numbers and last match
        Map<Long, Match> candidates = versions(h, null, List.copyOf(best.keySet()), sourceId, from, to);
        Map<Long, List<Match>> matching = new HashMap<>();
        for (long id : matchingIds(h, candidates, match)) {
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

    /**
     * Which of these versions match the query. On SQLite, one range of rowids per article (FTS5
     * seeks to a rowid range; with {@code rowid IN (…)} it walks a common word's whole match list).
     */
    private List<Long> matchingIds(Handle h, Map<Long, Match> candidates, String match) {
        List<Long> out = new ArrayList<>();
        if (!postgres) {
            Map<Long, long[]> ranges = new HashMap<>();
            candidates.values().forEach(m -> ranges.merge(m.articleId(), new long[] {m.versionId(), m.versionId()},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])}));
            for (long[] range : ranges.values()) {
                h.createQuery("SELECT rowid FROM versions_fts WHERE versions_fts MATCH :q AND rowid BETWEEN :lo AND :hi")
                        .bind("q", match).bind("lo", range[0]).bind("hi", range[1]).mapTo(Long.class)
                        .forEach(id -> {
                            if (candidates.containsKey(id)) {
                                out.add(id);
                            }
                        });
            }
            return out;
        }
        List<Long> versionIds = List.copyOf(candidates.keySet());
        for (int i = 0; i < versionIds.size(); i += CHUNK) {
            out.addAll(h.createQuery("SELECT id FROM versions WHERE id IN (<ids>) AND search @@ to_tsquery('simple', :q)")
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
