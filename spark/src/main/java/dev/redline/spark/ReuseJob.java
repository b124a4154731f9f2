package dev.redline.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;

import dev.redline.article.ArticleText;
import dev.redline.fingerprint.Fingerprint;
import dev.redline.fingerprint.Fingerprinter;
import dev.redline.newsedits.NewsEdits;
import dev.redline.provenance.Attribution;
import dev.redline.trace.Floor;
import dev.redline.trace.ReuseRule;
import dev.redline.trace.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code reuse} job: copies between sources across the whole archive. Candidates come from a
 * MinHash LSH similarity join on core's trace fingerprints ({@link Fingerprinter#DEFAULT}): two
 * articles are candidates when a version of one shares an LSH band key or a winnowed anchor with
 * any version of the other (anchors carried by more than {@value #MAX_ANCHOR_ARTICLES} articles are
 * boilerplate and skipped, as in the app's trace index). Each candidate is then verified and
 * attributed exactly as the tracker does: {@link Verdict} and {@link Floor#DEFAULT} say whether the
 * two share text, {@link Attribution} names the source version from that article's history (the
 * differences between its versions, read in the copy), and {@link ReuseRule} decides whether it is
 * reuse. Like the tracker's events, a source version is
 * linked once per copying article, from the copy's first version that carries it. Stateless.
 */
final class ReuseJob {
    /** Same boilerplate cut as {@code TraceIndex.DEFAULT_MAX_ANCHOR_ARTICLES} in the app. */
    static final int MAX_ANCHOR_ARTICLES = 50;

    /** One link "copy article, version → source article, version"; loadable with {@code redline import --format reuse}. */
    static final StructType SCHEMA = new StructType()
            .add("copyUrl", DataTypes.StringType, false)
            .add("copySource", DataTypes.StringType)
            .add("copyVersion", DataTypes.IntegerType, false)
            .add("sourceUrl", DataTypes.StringType, false)
            .add("sourceSource", DataTypes.StringType)
            .add("sourceVersion", DataTypes.IntegerType, false)
            .add("coverage", DataTypes.DoubleType, false)
            .add("containment", DataTypes.DoubleType, false)
            .add("copySeenAt", DataTypes.TimestampType, false)
            .add("sourceSeenAt", DataTypes.TimestampType, false);

    private static final StructType PRINT = new StructType()
            .add("url", DataTypes.StringType, false)
            .add("source", DataTypes.StringType)
            .add("n", DataTypes.IntegerType, false)
            .add("seenAt", DataTypes.TimestampType, false)
            .add("shingles", DataTypes.createArrayType(DataTypes.LongType, false), false)
            .add("bands", DataTypes.createArrayType(DataTypes.LongType, false), false)
            .add("anchors", DataTypes.createArrayType(DataTypes.LongType, false), false)
            .add("text", new StructType().add("title", DataTypes.StringType, false).add("byline", DataTypes.StringType)
                    .add("paragraphs", DataTypes.createArrayType(DataTypes.StringType, false), false), false);

    private ReuseJob() {
    }

    static Dataset<Row> run(Dataset<Row> archive) {
        Dataset<Row> prints = archive.flatMap((FlatMapFunction<Row, Row>) ReuseJob::fingerprints, Encoders.row(PRINT)).cache();
        Dataset<Row> anchors = prints.select(col("url"), col("source"), col("n"), explode(col("anchors")).as("key"));
        Dataset<Row> common = anchors.select("url", "key").distinct().groupBy("key").count()
                .filter(col("count").gt(MAX_ANCHOR_ARTICLES)).select("key");
        Dataset<Row> keys = prints.select(col("url"), col("source"), col("n"), explode(col("bands")).as("key"), lit("b").as("kind"))
                .unionByName(anchors.join(common, anchors.col("key").equalTo(common.col("key")), "left_anti").withColumn("kind", lit("a")));
        Dataset<Row> postings = keys.select("url", "source", "kind", "key").distinct();

        Dataset<Row> c = keys.as("c");
        Dataset<Row> s = postings.as("s");
        Column otherSource = col("c.source").isNull().or(col("s.source").isNull()).or(col("c.source").notEqual(col("s.source")));
        Dataset<Row> pairs = c.join(s, col("c.key").equalTo(col("s.key")).and(col("c.kind").equalTo(col("s.kind")))
                        .and(col("c.url").notEqual(col("s.url"))).and(otherSource))
                .select(col("c.url").as("copyUrl"), col("c.n").as("copyN"), col("s.url").as("srcUrl"))
                .distinct();

        Dataset<Row> articles = prints.groupBy("url", "source")
                .agg(sort_array(collect_list(struct(col("n"), col("seenAt"), col("shingles"), col("text")))).as("versions"));
        Dataset<Row> copy = articles.as("copy");
        Dataset<Row> src = articles.as("src");
        Dataset<Row> joined = pairs.join(copy, col("copyUrl").equalTo(col("copy.url")))
                .join(src, col("srcUrl").equalTo(col("src.url")))
                .select(col("copyUrl"), col("copy.source").as("copySource"), col("copyN"), col("copy.versions").as("copyVersions"),
                        col("srcUrl"), col("src.source").as("srcSource"), col("src.versions").as("srcVersions"));
        Dataset<Row> links = joined.flatMap((FlatMapFunction<Row, Row>) ReuseJob::attribute, Encoders.row(SCHEMA));
        Dataset<Row> first = links.withColumn("rank", row_number().over(
                Window.partitionBy("copyUrl", "sourceUrl", "sourceVersion").orderBy("copyVersion")));
        return first.filter(col("rank").equalTo(1)).drop("rank");
    }

    private static Iterator<Row> fingerprints(Row article) {
        String url = article.getString(article.fieldIndex("url"));
        String source = article.getString(article.fieldIndex("source"));
        List<Row> rows = new ArrayList<>();
        for (NewsEdits.Version v : Archive.versions(article)) {
            Fingerprint f = Fingerprinter.DEFAULT.of(v.text());
            ArticleText t = v.text();
            rows.add(RowFactory.create(url, source, v.number(), v.fetchedAt(), boxed(f.shingles()), boxed(f.bandKeys()),
                    boxed(f.anchors()), RowFactory.create(t.title(), t.byline(), Rows.seq(t.paragraphs()))));
        }
        return rows.iterator();
    }

    /** Verifies one candidate pair (a copy version, a source article) and attributes the version, as the tracker does. */
    private static Iterator<Row> attribute(Row pair) {
        int copyN = pair.getInt(pair.fieldIndex("copyN"));
        List<Row> copyVersions = pair.getList(pair.fieldIndex("copyVersions"));
        List<Row> srcVersions = pair.getList(pair.fieldIndex("srcVersions"));
        Row copyVersion = copyVersions.stream().filter(v -> v.getInt(0) == copyN).findFirst().orElseThrow();
        long[] copy = shingles(copyVersion);
        Verdict verdict = Verdict.of(copy, srcVersions.stream().map(ReuseJob::shingles).toList());
        if (verdict == null || !verdict.clears(Floor.DEFAULT)) {
            return Collections.emptyIterator();
        }
        // the version the copy carries, as the tracker names it (Tracer.attribute): index = position, versions sorted by n
        Row original = srcVersions.get(Attribution.of(srcVersions.stream().map(ReuseJob::text).toList(), text(copyVersion)).version());
        Instant copySeen = copyVersion.getAs(1);
        Instant sourceSeen = original.getAs(1);
        if (!ReuseRule.reuses(verdict, sourceSeen, copySeen)) {
            return Collections.emptyIterator();
        }
        List<long[]> ownEarlier = copyVersions.stream()
                .filter(v -> ((Instant) v.getAs(1)).isBefore(sourceSeen)).map(ReuseJob::shingles).toList();
        if (ReuseRule.hadItFirst(copy, ownEarlier, verdict.shared())) {
            return Collections.emptyIterator();
        }
        return List.of(RowFactory.create(pair.getString(0), pair.getString(1), copyN, pair.getString(4), pair.getString(5),
                original.getInt(0), verdict.coverage(), verdict.containment(), copySeen, sourceSeen)).iterator();
    }

    private static ArticleText text(Row version) {
        Row t = version.getStruct(3);
        return new ArticleText(t.getString(0), t.getString(1), t.getList(2));
    }

    private static long[] shingles(Row version) {
        List<Long> list = version.getList(2);
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    private static scala.collection.immutable.Seq<Long> boxed(long[] values) {
        return Rows.seq(Arrays.stream(values).boxed().toList());
    }
}
