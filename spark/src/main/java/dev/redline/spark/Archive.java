package dev.redline.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.transform;

import dev.redline.article.ArticleText;
import dev.redline.change.HistoryEvent;
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
import org.apache.spark.sql.Column;
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

    /** One event, as {@code redline export} writes it ({@code at} an ISO-8601 instant, {@code kind} its wire name). */
    static final StructType EVENT = new StructType()
            .add("at", DataTypes.StringType, false)
            .add("kind", DataTypes.StringType, false)
            .add("detail", DataTypes.StringType);

    /** One article: {@code url}, {@code source} (nullable) and {@code versions}. */
    public static final StructType SCHEMA = new StructType()
            .add("url", DataTypes.StringType, false)
            .add("source", DataTypes.StringType)
            .add("versions", DataTypes.createArrayType(VERSION, false), false);

    /** {@link #SCHEMA} with the article's {@code events} (null or empty when it has none). */
    public static final StructType WITH_EVENTS = SCHEMA.add("events", DataTypes.createArrayType(EVENT, false));

    /** Whether a job reads the articles' events too (only {@code stats} does; the others skip reading them). */
    public enum Events { READ, SKIP }

    private static final String VERSIONS_QUERY = "(SELECT v.article_id, a.url, s.name AS source, v.n, v.fetched_at,"
            + " v.title, v.byline, v.paragraphs, v.boring FROM versions v JOIN articles a ON a.id = v.article_id"
            + " LEFT JOIN sources s ON s.id = a.source_id) redline_versions";
    private static final String EVENTS_QUERY = "(SELECT article_id, at, kind, detail FROM article_events) redline_events";
    private static final String ISO_MILLIS = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

    private Archive() {
    }

    /**
     * Reads an archive: a {@code jdbc:} URL is the store itself (PostgreSQL or SQLite), anything else
     * a file or folder of {@code redline export} JSON Lines.
     *
     * @param partitions JDBC reads are split into this many ranges of article ids
     */
    public static Dataset<Row> read(SparkSession spark, String input, int partitions, Events events) {
        return input.startsWith("jdbc:") ? fromStore(spark, input, partitions, events) : fromExport(spark, input, events);
    }

    /** {@code redline export} JSON Lines (the history shape); a malformed line fails the job naming it. */
    public static Dataset<Row> fromExport(SparkSession spark, String path, Events events) {
        return spark.read().schema(events == Events.READ ? WITH_EVENTS : SCHEMA).option("mode", "FAILFAST").json(path);
    }

    /**
     * The store's versions over JDBC, read in {@code partitions} ranges of article id (each range
     * one query on its own connection), then grouped back into histories.
     */
    public static Dataset<Row> fromStore(SparkSession spark, String url, int partitions, Events events) {
        long[] bounds = articleIdBounds(url);
        Dataset<Row> histories = storeVersions(spark, url, partitions, bounds)
                .withColumn("fetchedAt", iso(col("fetched_at")))
                .withColumn("paragraphsList", from_json(col("paragraphs"), DataTypes.createArrayType(DataTypes.StringType)))
                .groupBy(col("article_id"), col("url"), col("source"))
                .agg(sort_array(collect_list(struct(col("n").cast(DataTypes.IntegerType).as("n"), col("fetchedAt"),
                        col("title"), col("byline"), col("paragraphsList").as("paragraphs"),
                        col("boring").equalTo(1).as("boring")))).as("versions"));
        if (events == Events.SKIP) {
            return histories.select(col("url"), col("source"), col("versions"));
        }
        // sorted on (at millis, kind, detail): the order the store reads them in, ties aside
        Dataset<Row> byArticle = jdbc(spark, url, EVENTS_QUERY, partitions, bounds)
                .groupBy(col("article_id"))
                .agg(sort_array(collect_list(struct(col("at").cast(DataTypes.LongType).as("ms"), col("kind"), col("detail")))).as("raw"))
                .select(col("article_id"), transform(col("raw"), e -> struct(iso(e.getField("ms")).as("at"),
                        e.getField("kind").as("kind"), e.getField("detail").as("detail"))).as("events"));
        return histories.join(byArticle, histories.col("article_id").equalTo(byArticle.col("article_id")), "left")
                .select(col("url"), col("source"), col("versions"), col("events"));
    }

    /** The store's version rows as read: one JDBC query per range of article id. */
    static Dataset<Row> storeVersions(SparkSession spark, String url, int partitions) {
        return storeVersions(spark, url, partitions, articleIdBounds(url));
    }

    private static Dataset<Row> storeVersions(SparkSession spark, String url, int partitions, long[] bounds) {
        return jdbc(spark, url, VERSIONS_QUERY, partitions, bounds);
    }

    private static Dataset<Row> jdbc(SparkSession spark, String url, String query, int partitions, long[] bounds) {
        Properties props = new Properties();
        props.setProperty("fetchsize", "1000");
        return spark.read().jdbc(url, query, "article_id", bounds[0], bounds[1] + 1, Math.max(1, partitions), props);
    }

    /** A store time (epoch milliseconds) as the ISO-8601 instant {@code redline export} writes. */
    private static Column iso(Column millis) {
        return date_format(timestamp_millis(millis.cast(DataTypes.LongType)), ISO_MILLIS);
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

    /** The events of one archive row read with {@link Events#READ}, oldest first. */
    static List<HistoryEvent> events(Row article) {
        int field = article.fieldIndex("events");
        if (article.isNullAt(field)) {
            return List.of();
        }
        List<Row> rows = article.getList(field);
        List<HistoryEvent> events = new ArrayList<>(rows.size());
        for (Row e : rows) {
            events.add(new HistoryEvent(Instant.parse(e.getString(0)), e.getString(1), e.getString(2)));
        }
        return events;
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
