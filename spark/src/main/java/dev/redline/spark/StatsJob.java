package dev.redline.spark;

import static org.apache.spark.sql.functions.col;

import dev.redline.article.ArticleText;
import dev.redline.change.ArticleEdits;
import dev.redline.change.Changes;
import dev.redline.change.EditedVersion;
import dev.redline.change.EditingRecord;
import dev.redline.change.VersionChange;
import dev.redline.newsedits.NewsEdits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code stats} job: each source's {@link EditingRecord}, the figures of its page
 * {@code /sources/{name}} and of {@code /api/sources/{name}/record}, over the whole archive. Each
 * article is read by core's {@link ArticleEdits#of(List, List, Instant)} (its versions' change
 * kinds by {@link Changes#of}, its flip-flop and take-down events), in parallel; then each source's
 * articles are gathered and counted by {@link EditingRecord#of}, the call the page makes, so the
 * two cannot drift. Articles without a source have no record and are left out. Stateless.
 */
final class StatsJob {
    /** What one article contributes ({@link ArticleEdits}), in columns. */
    private static final StructType ARTICLE = new StructType()
            .add("source", DataTypes.StringType, false)
            .add("published", DataTypes.TimestampType, false)
            .add("changes", instants(), false)
            .add("headlines", instants(), false)
            .add("corrections", instants(), false)
            .add("stealth", instants(), false)
            .add("unpublished", DataTypes.TimestampType);

    private static final StructType WEEK = new StructType()
            .add("start", DataTypes.DateType, false)
            .add("published", DataTypes.IntegerType, false)
            .add("headlines", DataTypes.IntegerType, false)
            .add("corrections", DataTypes.IntegerType, false)
            .add("stealth", DataTypes.IntegerType, false)
            .add("unpublished", DataTypes.IntegerType, false);

    /**
     * One row per source, the JSON shape of {@code /api/sources/{name}/record} ({@code EditingRecord}
     * in docs/openapi.yaml): {@code medianFirstChange} an ISO-8601 duration or null, {@code weeks}
     * oldest first.
     */
    static final StructType SCHEMA = new StructType()
            .add("source", DataTypes.StringType, false)
            .add("articles", DataTypes.IntegerType, false)
            .add("changed", DataTypes.IntegerType, false)
            .add("medianFirstChange", DataTypes.StringType)
            .add("weeks", DataTypes.createArrayType(WEEK, false), false);

    private StatsJob() {
    }

    /**
     * @param archive read with {@link Archive.Events#READ}
     * @param now     the time of the question (headline tests still running have no winner yet)
     */
    static Dataset<Row> run(Dataset<Row> archive, Instant now) {
        return archive.filter(col("source").isNotNull())
                .map((MapFunction<Row, Row>) a -> article(a, now), Encoders.row(ARTICLE))
                .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
                .mapGroups((MapGroupsFunction<String, Row, Row>) StatsJob::record, Encoders.row(SCHEMA))
                // a line per source is small: one file, sorted, without the sampling job and shuffle of a global sort
                .coalesce(1).sortWithinPartitions("source");
    }

    private static Row article(Row article, Instant now) {
        List<NewsEdits.Version> versions = Archive.versions(article);
        List<ArticleText> texts = versions.stream().map(NewsEdits.Version::text).toList();
        List<VersionChange> changes = Changes.of(texts);
        List<EditedVersion> edited = new ArrayList<>(versions.size());
        for (int k = 0; k < versions.size(); k++) {
            NewsEdits.Version v = versions.get(k);
            edited.add(new EditedVersion(v.fetchedAt(), v.text(), v.boring(), changes.get(k)));
        }
        ArticleEdits e = ArticleEdits.of(edited, Archive.events(article), now);
        return RowFactory.create(article.getString(article.fieldIndex("source")), e.published(), Rows.seq(e.changes()),
                Rows.seq(e.headlines()), Rows.seq(e.corrections()), Rows.seq(e.stealth()), e.unpublished());
    }

    private static Row record(String source, Iterator<Row> rows) {
        List<ArticleEdits> articles = new ArrayList<>();
        rows.forEachRemaining(r -> articles.add(new ArticleEdits(r.getAs(1), r.getList(2), r.getList(3), r.getList(4),
                r.getList(5), r.getAs(6))));
        EditingRecord record = EditingRecord.of(source, articles);
        List<Row> weeks = record.weeks().stream()
                .map(w -> RowFactory.create(w.start(), w.published(), w.headlines(), w.corrections(), w.stealth(), w.unpublished()))
                .toList();
        return RowFactory.create(record.source(), record.articles(), record.changed(),
                record.medianFirstChange() == null ? null : record.medianFirstChange().toString(), Rows.seq(weeks));
    }

    private static org.apache.spark.sql.types.ArrayType instants() {
        return DataTypes.createArrayType(DataTypes.TimestampType, false);
    }
}
