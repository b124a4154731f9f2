package dev.redline.store;

import dev.redline.change.VersionChange;
import dev.redline.json.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** {@link ChangeStore} over JDBC: one row per version in {@code version_changes} (V75). Thread-safe. */
final class JdbcChanges implements ChangeStore {
    private final Jdbi jdbi;

    JdbcChanges(Database db) {
        this.jdbi = db.jdbi();
    }

    @Override
    public void saveChanges(List<StoredChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO version_changes (version_id, article_id, rules, stealth, facets)"
                    + " VALUES (:v, :a, :rules, :stealth, :facets) ON CONFLICT (version_id) DO UPDATE"
                    + " SET rules = excluded.rules, stealth = excluded.stealth, facets = excluded.facets"
                    + " WHERE version_changes.rules <> excluded.rules");
            for (StoredChange c : changes) {
                batch.bind("v", c.versionId()).bind("a", c.articleId()).bind("rules", c.rules())
                        .bind("stealth", c.change().stealth() ? 1 : 0).bind("facets", Json.write(c.change())).add();
            }
            batch.execute();
        });
    }

    @Override
    public Map<Long, VersionChange> changes(long articleId, int rules) {
        return facets("article_id", List.of(articleId), rules);
    }

    @Override
    public Map<Long, VersionChange> changesOfArticles(List<Long> articleIds, int rules) {
        return facets("article_id", articleIds, rules);
    }

    @Override
    public Map<Long, VersionChange> changesOf(List<Long> versionIds, int rules) {
        return facets("version_id", versionIds, rules);
    }

    /** The facets under {@code rules} of the rows whose {@code column} is one of {@code ids}, by version id. */
    private Map<Long, VersionChange> facets(String column, List<Long> ids, int rules) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> read(h.createQuery("SELECT version_id, facets FROM version_changes WHERE " + column
                + " IN (<ids>) AND rules = :rules").bindList("ids", ids).bind("rules", rules)));
    }

    private static Map<Long, VersionChange> read(org.jdbi.v3.core.statement.Query query) {
        Map<Long, VersionChange> out = new HashMap<>();
        query.map((rs, ctx) -> out.put(rs.getLong("version_id"),
                Json.MAPPER.readValue(rs.getString("facets"), VersionChange.class))).list();
        return out;
    }

    @Override
    public List<Long> articlesLackingChanges(long afterId, int rules, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.id FROM articles a WHERE a.id > :after AND a.version_count >"
                        + " (SELECT COUNT(*) FROM version_changes c WHERE c.article_id = a.id AND c.rules = :rules)"
                        + " ORDER BY a.id LIMIT :limit")
                .bind("after", afterId).bind("rules", rules).bind("limit", limit).mapTo(Long.class).list());
    }
}
