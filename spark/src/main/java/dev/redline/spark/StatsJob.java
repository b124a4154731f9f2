package dev.redline.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.redline.newsedits.NewsEdits;
import dev.redline.text.Normalize;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code stats} job: each source's editing record per week of first publication (ISO weeks,
 * starting Monday, UTC). One output row per (source, week); new measures (issue 12's corrections
 * and stealth edits) are new columns computed in {@link #article} and aggregated in {@link #run},
 * so existing readers keep working. A headline change is a consecutive pair whose normalised
 * headlines differ (the rule of the store's changed fields). Stateless.
 */
final class StatsJob {
    /** Per-article facts the weekly figures are aggregated from. */
    private static final StructType ARTICLE = new StructType()
            .add("source", DataTypes.StringType)
            .add("week", DataTypes.DateType, false)
            .add("versions", DataTypes.IntegerType, false)
            .add("changed", DataTypes.BooleanType, false)
            .add("minutesToFirstChange", DataTypes.DoubleType)
            .add("headlineChanges", DataTypes.IntegerType, false);

    private StatsJob() {
    }

    /**
     * Columns: {@code source} (null for articles without one), {@code week} (Monday),
     * {@code articles}, {@code changedArticles} (at least one version after the first),
     * {@code versions}, {@code headlineChanges}, {@code medianMinutesToFirstChange} and
     * {@code meanMinutesToFirstChange} (over changed articles; null when none changed).
     */
    static Dataset<Row> run(Dataset<Row> archive) {
        return archive.map((MapFunction<Row, Row>) StatsJob::article, Encoders.row(ARTICLE))
                .groupBy("source", "week")
                .agg(count("*").as("articles"),
                        sum(when(col("changed"), 1).otherwise(0)).as("changedArticles"),
                        sum("versions").as("versions"),
                        sum("headlineChanges").as("headlineChanges"),
                        percentile_approx(col("minutesToFirstChange"), lit(0.5),
                                lit(10000)).as("medianMinutesToFirstChange"),
                        avg("minutesToFirstChange").as("meanMinutesToFirstChange"))
                .orderBy("source", "week");
    }

    private static Row article(Row article) {
        List<NewsEdits.Version> versions = Archive.versions(article);
        NewsEdits.Version first = versions.getFirst();
        LocalDate week = first.fetchedAt().atZone(ZoneOffset.UTC).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Double minutes = versions.size() < 2 ? null
                : Duration.between(first.fetchedAt(), versions.get(1).fetchedAt()).toMillis() / 60_000.0;
        int headlines = 0;
        for (int i = 1; i < versions.size(); i++) {
            if (!Normalize.key(versions.get(i - 1).text().title()).equals(Normalize.key(versions.get(i).text().title()))) {
                headlines++;
            }
        }
        return RowFactory.create(article.getString(article.fieldIndex("source")), week, versions.size(),
                versions.size() > 1, minutes, headlines);
    }
}
