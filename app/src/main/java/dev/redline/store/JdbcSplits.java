package dev.redline.store;

import static dev.redline.store.Rows.VERSION_FIELDS;
import static dev.redline.store.Rows.columns;

import dev.redline.diff.KeptSplit;
import dev.redline.diff.SplitText;
import dev.redline.text.Sentences;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SplitStore} over JDBC: one row per version in {@code version_sentences} (V50), the
 * kept form of {@link SplitText#kept()}: offsets and (V51) key hashes. The SQL is the same on SQLite and PostgreSQL.
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
        return read(versions, new ArrayList<>());
    }

    @Override
    public List<SplitText> splitsKeepingMissing(List<Version> versions) {
        List<Integer> made = new ArrayList<>();
        List<SplitText> splits = read(versions, made);
        if (!made.isEmpty()) {
            keep(made.stream().map(versions::get).toList(), made.stream().map(splits::get).toList());
        }
        return splits;
    }

    /** The splits of {@code versions}, in order; the positions of those made now (none kept that fit) go to {@code made}. */
    private List<SplitText> read(List<Version> versions, List<Integer> made) {
        Map<Long, KeptSplit> kept = new HashMap<>();
        for (int from = 0; from < versions.size(); from += CHUNK) {
            List<Long> ids = versions.subList(from, Math.min(versions.size(), from + CHUNK)).stream().map(Version::id).toList();
            jdbi.useHandle(h -> h.createQuery("SELECT version_id, offsets, key_hashes FROM version_sentences"
                            + " WHERE rules = :rules AND version_id IN (<ids>)")
                    .bind("rules", Sentences.rules()).bindList("ids", ids)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), new KeptSplit(rs.getString(2), rs.getString(3))))
                    .forEach(e -> kept.put(e.getKey(), e.getValue())));
        }
        List<SplitText> splits = new ArrayList<>(versions.size());
        for (Version v : versions) {
            KeptSplit own = kept.get(v.id());
            SplitText split = own == null ? null : fitting(v, own);
            if (split == null) {
                // A store older than the table, a failed analyser, other rules or damage: split again.
                made.add(splits.size());
                split = SplitText.of(v.text());
            }
            splits.add(split);
        }
        return splits;
    }

    /** The kept split, or null (logged) when the offsets do not fit the text, which only damage explains. */
    private static SplitText fitting(Version v, KeptSplit kept) {
        try {
            return SplitText.ofKept(v.text(), kept);
        } catch (IllegalArgumentException e) {
            log.warn("version {} of article {}: kept split ignored, splitting again: {}", v.number(), v.articleId(), e.getMessage());
            return null;
        }
    }

    @Override
    public void keep(List<Version> versions, List<SplitText> made) {
        if (versions.size() != made.size()) {
            throw new IllegalArgumentException(versions.size() + " versions but " + made.size() + " splits");
        }
        List<KeptSplit> forms = new ArrayList<>(versions.size());
        for (int k = 0; k < versions.size(); k++) {
            forms.add(keptForm(versions.get(k), made.get(k)));
        }
        jdbi.useTransaction(h -> {
            for (int k = 0; k < versions.size(); k++) {
                upsert(h, versions.get(k).id(), forms.get(k));
            }
        });
    }

    /**
     * The kept form of a split handed over with its version, checked to fit the version's stored
     * text (else, and when none was handed over, the text is split now).
     */
    private static KeptSplit keptForm(Version v, SplitText made) {
        if (made != null) {
            try {
                KeptSplit form = made.kept();
                if (SplitText.ofOffsets(v.text(), form.offsets()).equals(made)) {
                    return form;
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                // not made from this text: split it below
            }
        }
        return SplitText.of(v.text()).kept();
    }

    private static void upsert(Handle h, long versionId, KeptSplit kept) {
        h.createUpdate("INSERT INTO version_sentences (version_id, rules, offsets, key_hashes) VALUES (:v, :rules, :offsets, :hashes)"
                        + " ON CONFLICT (version_id) DO UPDATE SET rules = excluded.rules, offsets = excluded.offsets,"
                        + " key_hashes = excluded.key_hashes")
                .bind("v", versionId).bind("rules", Sentences.rules()).bind("offsets", kept.offsets())
                .bind("hashes", kept.keyHashes()).execute();
    }

    @Override
    public List<Version> unsplit(long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + columns("v", "", VERSION_FIELDS) + " FROM versions v"
                        + " LEFT JOIN version_sentences s ON s.version_id = v.id AND s.rules = :rules"
                        + " AND s.key_hashes IS NOT NULL"
                        + " WHERE v.id > :after AND s.version_id IS NULL ORDER BY v.id LIMIT :limit")
                .bind("rules", Sentences.rules()).bind("after", afterId).bind("limit", limit)
                .map((rs, ctx) -> Rows.version(rs, "")).list());
    }

    @Override
    public long unsplitCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM versions v"
                        + " LEFT JOIN version_sentences s ON s.version_id = v.id AND s.rules = :rules"
                        + " AND s.key_hashes IS NOT NULL WHERE s.version_id IS NULL")
                .bind("rules", Sentences.rules()).mapTo(Long.class).one());
    }
}
