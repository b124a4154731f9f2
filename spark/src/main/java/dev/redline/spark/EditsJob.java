package dev.redline.spark;

import dev.redline.newsedits.EditRow;
import dev.redline.newsedits.NewsEdits;
import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code edits} job: the NewsEdits rows ({@link EditRow}) of every consecutive pair of versions
 * of every article, built by core's {@link NewsEdits#rows}, the same call {@code redline export
 * --format newsedits} makes, so both give the same rows for the same archive. Stateless.
 */
final class EditsJob {
    /** The columns, named as the JSON fields of {@code export --format newsedits}. */
    static final StructType SCHEMA = new StructType()
            .add("url", DataTypes.StringType, false)
            .add("source", DataTypes.StringType)
            .add("versionOld", DataTypes.IntegerType, false)
            .add("versionNew", DataTypes.IntegerType, false)
            .add("fetchedAtOld", DataTypes.TimestampType, false)
            .add("fetchedAtNew", DataTypes.TimestampType, false)
            .add("op", DataTypes.StringType, false)
            .add("oldIndex", DataTypes.IntegerType)
            .add("newIndex", DataTypes.IntegerType)
            .add("oldIndexEnd", DataTypes.IntegerType)
            .add("newIndexEnd", DataTypes.IntegerType)
            .add("old", DataTypes.StringType)
            .add("new", DataTypes.StringType)
            .add("boring", DataTypes.BooleanType, false);

    private EditsJob() {
    }

    static Dataset<Row> run(Dataset<Row> archive) {
        return archive.flatMap((FlatMapFunction<Row, Row>) EditsJob::rows, Encoders.row(SCHEMA));
    }

    private static Iterator<Row> rows(Row article) {
        String url = article.getString(article.fieldIndex("url"));
        String source = article.getString(article.fieldIndex("source"));
        return NewsEdits.rows(url, source, Archive.versions(article)).stream()
                .map(r -> RowFactory.create(r.url(), r.source(), r.versionOld(), r.versionNew(), r.fetchedAtOld(),
                        r.fetchedAtNew(), r.op().toString(), r.oldIndex(), r.newIndex(), r.oldIndexEnd(), r.newIndexEnd(),
                        r.oldText(), r.newText(), r.boring()))
                .iterator();
    }
}
