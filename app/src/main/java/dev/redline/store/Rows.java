package dev.redline.store;

import dev.redline.article.ArticleText;
import dev.redline.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Column lists and row mapping shared by the JDBC pieces of the store. Instants are stored as
 * epoch milliseconds. Stateless.
 */
final class Rows {
    static final String ARTICLE_FIELDS =
            "id, source_id, url, title, first_seen, last_checked, next_check, status, version_count";
    static final String VERSION_FIELDS =
            "id, article_id, n, fetched_at, title, byline, paragraphs, changed, boring, boring_reason, capture_ref";

    private Rows() {
    }

    /** {@code fields} as {@code alias.f AS prefixf}, for joins that read two rows of one table. */
    static String columns(String alias, String prefix, String fields) {
        return Arrays.stream(fields.split(",\\s*")).map(f -> alias + "." + f + " AS " + prefix + f)
                .collect(Collectors.joining(", "));
    }

    static Article article(ResultSet rs, String prefix) throws SQLException {
        return new Article(rs.getLong(prefix + "id"), nullableLong(rs, prefix + "source_id"), rs.getString(prefix + "url"),
                rs.getString(prefix + "title"), instant(rs, prefix + "first_seen"), instant(rs, prefix + "last_checked"),
                instant(rs, prefix + "next_check"), ArticleStatus.parse(rs.getString(prefix + "status")),
                rs.getInt(prefix + "version_count"));
    }

    static Version version(ResultSet rs, String prefix) throws SQLException {
        ArticleText text = new ArticleText(rs.getString(prefix + "title"), rs.getString(prefix + "byline"),
                List.of(Json.MAPPER.readValue(rs.getString(prefix + "paragraphs"), String[].class)));
        Set<VersionField> changed = EnumSet.noneOf(VersionField.class);
        for (String field : rs.getString(prefix + "changed").split(",")) {
            if (!field.isEmpty()) {
                changed.add(VersionField.valueOf(field.toUpperCase(Locale.ROOT)));
            }
        }
        return new Version(rs.getLong(prefix + "id"), rs.getLong(prefix + "article_id"), rs.getInt(prefix + "n"),
                instant(rs, prefix + "fetched_at"), text, changed, rs.getInt(prefix + "boring") == 1,
                rs.getString(prefix + "boring_reason"), rs.getString(prefix + "capture_ref"));
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Long v = nullableLong(rs, column);
        return v == null ? null : Instant.ofEpochMilli(v);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    /** A driver's failure in plain JDBC code, as the JDBI exception the rest of the store throws. */
    static RuntimeException failed(SQLException e) {
        return new UnableToExecuteStatementException(e.getMessage(), e, null);
    }

    /** A {@code COUNT(*)} with {@code :id} and, when given, {@code :since} bound. */
    static long count(Handle h, String sql, long id, Long since) {
        Query q = h.createQuery(sql).bind("id", id);
        if (since != null) {
            q.bind("since", since);
        }
        return q.mapTo(Long.class).one();
    }
}
