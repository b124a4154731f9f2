package dev.redline.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.timestamp_millis;

import dev.redline.article.ArticleText;
import dev.redline.newsedits.NewsEdits;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * An archive of article histories as a Dataset in the exchange shape of {@code redline export}
 * ({@link #SCHEMA}: one row per article, its versions oldest first), read from export JSON Lines
 * or from the store itself over JDBC. Stateless; the static readers are thread-safe.
 */
public final class Archive {
    /** One version, as {@code redline export} writes it ({@code fetchedAt} an ISO-8601 instant). */
    static final StructType VERSION = new StructType()
            .add("n", DataTypes.IntegerType)
            .add("fetchedAt", DataTypes.StringType, false)
            .add("title", DataTypes.StringType, false)
            .add("byline", DataTypes.StringType)
            .add("paragraphs", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("boring", DataTypes.BooleanType);

    /** One article: {@code url}, {@code source} (nullable) and {@code versions}. */
    public static final StructType SCHEMA = new StructType()
            .add("url", DataTypes.StringType, false)
            .add("source", DataTypes.StringType)
            .add("versions", DataTypes.createArrayType(VERSION, false), false);

    private static final String VERSIONS_QUERY = "(SELECT v.article_id, a.url, s.name AS source, v.n, v.fetched_at,"
            + " v.title, v.byline, v.paragraphs, v.boring FROM versions v JOIN articles a ON a.id = v.article_id"
            + " LEFT JOIN sources s ON s.id = a.source_id) redline_versions";

    private Archive() {
    }

    /**
     * Reads an archive: a {@code jdbc:} URL is the store itself (PostgreSQL or SQLite), anything else
     * a file or folder of {@code redline export} JSON Lines.
     *
     * @param partitions JDBC reads are split into this many ranges of article ids
     */
    public static Dataset<Row> read(SparkSession spark, String input, int partitions) {
        return input.startsWith("jdbc:") ? fromStore(spark, input, partitions) : fromExport(spark, input);
    }

    /** {@code redline export} JSON Lines (the history shape); a malformed line fails the job naming it. */
    public static Dataset<Row> fromExport(SparkSession spark, String path) {
        return spark.read().schema(SCHEMA).option("mode", "FAILFAST").json(path);
    }

    /**
     * The store's versions over JDBC, read in {@code partitions} ranges of article id (each range
     * one query on its own connection), then grouped back into histories.
     */
    public static Dataset<Row> fromStore(SparkSession spark, String url, int partitions) {
        return storeVersions(spark, url, partitions)
                .withColumn("fetchedAt", date_format(timestamp_millis(col("fetched_at").cast(DataTypes.LongType)), "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"))
                .withColumn("paragraphsList", from_json(col("paragraphs"), DataTypes.createArrayType(DataTypes.StringType)))
                .groupBy(col("article_id"), col("url"), col("source"))
                .agg(sort_array(collect_list(struct(col("n").cast(DataTypes.IntegerType).as("n"), col("fetchedAt"),
                        col("title"), col("byline"), col("paragraphsList").as("paragraphs"),
                        col("boring").equalTo(1).as("boring")))).as("versions"))
                .select(col("url"), col("source"), col("versions"));
    }

    /** The store's version rows as read: one JDBC query per range of article id. */
    static Dataset<Row> storeVersions(SparkSession spark, String url, int partitions) {
        long[] bounds = articleIdBounds(url);
        Properties props = new Properties();
        props.setProperty("fetchsize", "1000");
        return spark.read().jdbc(url, VERSIONS_QUERY, "article_id", bounds[0], bounds[1] + 1, Math.max(1, partitions), props);
    }

    private static long[] articleIdBounds(String url) {
        try (Connection c = DriverManager.getConnection(url);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MIN(article_id), MAX(article_id) FROM versions")) {
            rs.next();
            return new long[]{rs.getLong(1), rs.getLong(2)};
        } catch (SQLException e) {
            throw new IllegalArgumentException("cannot read the store at " + url + ": " + e.getMessage(), e);
        }
    }

    /** The versions of one archive row, oldest first, as core's NewsEdits takes them. */
    static List<NewsEdits.Version> versions(Row article) {
        List<Row> rows = article.getList(article.fieldIndex("versions"));
        List<NewsEdits.Version> versions = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row v = rows.get(i);
            int n = v.isNullAt(0) ? i : v.getInt(0);
            ArticleText text = new ArticleText(v.getString(2), v.getString(3), v.getList(4));
            versions.add(new NewsEdits.Version(n, Instant.parse(v.getString(1)), text, !v.isNullAt(5) && v.getBoolean(5)));
        }
        return versions;
    }
}
