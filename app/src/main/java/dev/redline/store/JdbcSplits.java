package dev.redline.store;

import static dev.redline.store.Rows.VERSION_FIELDS;
import static dev.redline.store.Rows.columns;

import dev.redline.diff.SplitText;
import dev.redline.text.Sentences;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SplitStore} over JDBC: one row per version in {@code version_sentences} (V50), the
 * offsets form of {@link SplitText#offsets}. The SQL is the same on SQLite and PostgreSQL.
 * Thread-safe: all state is in the database.
 */
final class JdbcSplits implements SplitStore {
    private static final Logger log = LoggerFactory.getLogger(JdbcSplits.class);
    /** IN-lists are cut to this many ids (far below SQLite's bound-parameter limit). */
    private static final int CHUNK = 500;

    private final Jdbi jdbi;

    JdbcSplits(Database db) {
        this.jdbi = db.jdbi();
    }

    @Override
    public SplitText split(Version version) {
        return splits(List.of(version)).getFirst();
    }

    @Override
    public List<SplitText> splits(List<Version> versions) {
        Map<Long, String> kept = new HashMap<>();
        for (int from = 0; from < versions.size(); from += CHUNK) {
            List<Long> ids = versions.subList(from, Math.min(versions.size(), from + CHUNK)).stream().map(Version::id).toList();
            jdbi.useHandle(h -> h.createQuery("SELECT version_id, offsets FROM version_sentences"
                            + " WHERE rules = :rules AND version_id IN (<ids>)")
                    .bind("rules", Sentences.rules()).bindList("ids", ids)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).forEach(e -> kept.put(e.getKey(), e.getValue())));
        }
        List<String> offsets = versions.stream().map(v -> kept.get(v.id())).toList();
        if (!offsets.contains(null)) {
            try {
                // read together, so that versions share the sentences of their unchanged paragraphs
                return SplitText.ofOffsets(versions.stream().map(Version::text).toList(), offsets);
            } catch (IllegalArgumentException e) {
                // damaged offsets: one by one below, which names the version and splits it again
            }
        }
        List<SplitText> splits = new ArrayList<>(versions.size());
        Map<Version, String> fresh = new LinkedHashMap<>();
        for (Version v : versions) {
            String own = kept.get(v.id());
            SplitText split = own == null ? null : fitting(v, own);
            if (split == null) {
                // a store older than the table, a failed analyser, or other rules: split again and keep it
                String made = SplitText.offsets(v.text());
                split = SplitText.ofOffsets(v.text(), made);
                fresh.put(v, made);
            }
            splits.add(split);
        }
        tryKeep(fresh);
        return splits;
    }

    /** The kept split, or null (logged) when the offsets do not fit the text, which only damage explains. */
    private static SplitText fitting(Version v, String offsets) {
        try {
            return SplitText.ofOffsets(v.text(), offsets);
        } catch (IllegalArgumentException e) {
            log.warn("version {} of article {}: kept split ignored, splitting again: {}", v.number(), v.articleId(), e.getMessage());
            return null;
        }
    }

    /** Keeps fresh splits in one transaction (one per version made a cold page's first view a write per version). */
    private void tryKeep(Map<Version, String> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            jdbi.useTransaction(h -> offsets.forEach((v, o) -> upsert(h, v.id(), o)));
        } catch (RuntimeException e) {
            // derived data: the caller has its splits, and the next read tries again
            Version v = offsets.keySet().iterator().next();
            log.warn("could not keep the splits of {} versions (the first: version {} of article {}): {}", offsets.size(),
                    v.number(), v.articleId(), e.getMessage());
        }
    }

    @Override
    public void keep(List<Version> versions) {
        List<String> offsets = versions.stream().map(v -> SplitText.offsets(v.text())).toList();
        jdbi.useTransaction(h -> {
            for (int k = 0; k < versions.size(); k++) {
                upsert(h, versions.get(k).id(), offsets.get(k));
            }
        });
    }

    private static void upsert(Handle h, long versionId, String offsets) {
        h.createUpdate("INSERT INTO version_sentences (version_id, rules, offsets) VALUES (:v, :rules, :offsets)"
                        + " ON CONFLICT (version_id) DO UPDATE SET rules = excluded.rules, offsets = excluded.offsets")
                .bind("v", versionId).bind("rules", Sentences.rules()).bind("offsets", offsets).execute();
    }

    @Override
    public List<Version> unsplit(long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + columns("v", "", VERSION_FIELDS) + " FROM versions v"
                        + " LEFT JOIN version_sentences s ON s.version_id = v.id AND s.rules = :rules"
                        + " WHERE v.id > :after AND s.version_id IS NULL ORDER BY v.id LIMIT :limit")
                .bind("rules", Sentences.rules()).bind("after", afterId).bind("limit", limit)
                .map((rs, ctx) -> Rows.version(rs, "")).list());
    }

    @Override
    public long unsplitCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM versions v"
                        + " LEFT JOIN version_sentences s ON s.version_id = v.id AND s.rules = :rules"
                        + " WHERE s.version_id IS NULL")
                .bind("rules", Sentences.rules()).mapTo(Long.class).one());
    }
}
