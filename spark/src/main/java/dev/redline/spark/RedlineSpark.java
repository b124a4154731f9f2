package dev.redline.spark;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code redline-spark JOB --input IN --output OUT [--master URL]}: runs one corpus job and writes
 * its rows to {@code OUT/parquet/} and {@code OUT/jsonl/}. Local mode ({@code local[*]}) unless a
 * master is given or set by {@code spark-submit}. Entry point of {@code dev.redline.spark}; one run
 * per JVM.
 */
@Command(name = "redline-spark", mixinStandardHelpOptions = true,
        description = "Corpus jobs on Apache Spark: edits, reuse, stats.")
public final class RedlineSpark implements Callable<Integer> {
    /** The jobs, by their command-line name. */
    enum Job {
        EDITS, REUSE, STATS;

        Dataset<Row> run(Dataset<Row> archive, Instant now) {
            return switch (this) {
                case EDITS -> EditsJob.run(archive);
                case REUSE -> ReuseJob.run(archive);
                case STATS -> StatsJob.run(archive, now);
            };
        }

        /** Only {@code stats} reads the articles' events. */
        Archive.Events events() {
            return this == STATS ? Archive.Events.READ : Archive.Events.SKIP;
        }
    }

    @Parameters(index = "0", paramLabel = "JOB", description = "edits | reuse | stats")
    String job;

    @Option(names = "--input", required = true, paramLabel = "IN",
            description = "redline export JSON Lines (file or folder), or the store as a jdbc: URL")
    String input;

    @Option(names = "--output", required = true, paramLabel = "OUT",
            description = "folder (a path or a Hadoop URI such as hdfs:///…); gets parquet/ and jsonl/")
    String output; // kept as typed: java.nio.file.Path would fold hdfs:/// into hdfs:/

    @Option(names = "--master", paramLabel = "URL", description = "Spark master; default local[*] unless spark-submit sets one")
    String master;

    @Option(names = "--partitions", defaultValue = "8", paramLabel = "N",
            description = "JDBC read ranges, the fewest splits of an input file, and shuffle partitions (default ${DEFAULT-VALUE})")
    int partitions;

    private final Clock clock;

    RedlineSpark(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RedlineSpark(Clock.systemUTC()))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("redline-spark: " + e.getMessage());
                    return 1;
                })
                .execute(args));
    }

    @Override
    public Integer call() {
        Job chosen = parseJob(job);
        SparkSession spark = Sessions.create(master, partitions, "redline-" + job);
        JobMetrics metrics = new JobMetrics();
        spark.sparkContext().addSparkListener(metrics);
        try {
            long started = System.nanoTime();
            Dataset<Row> archive = Archive.read(spark, input, partitions, chosen.events());
            write(chosen.run(archive, clock.instant()), output);
            long rows = spark.read().parquet(output + "/parquet").count();
            System.err.printf("redline-spark %s: %d rows in %s (%.1f s; %s)%n", job, rows, output,
                    (System.nanoTime() - started) / 1e9, metrics.summary());
        } finally {
            spark.stop();
        }
        return 0;
    }

    static Job parseJob(String name) {
        try {
            return Job.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(new RedlineSpark(Clock.systemUTC())),
                    "JOB must be edits, reuse or stats, not '" + name + "'");
        }
    }

    /**
     * Writes the rows as Parquet, then the Parquet as JSON Lines (nulls kept, instants as ISO-8601
     * UTC), replacing earlier output. The job runs once: JSON Lines are converted from the Parquet
     * just written instead of caching every row (BENCHMARKS.md "Spark" has the two measured).
     */
    static void write(Dataset<Row> rows, String output) {
        rows.write().mode(SaveMode.Overwrite).parquet(output + "/parquet");
        rows.sparkSession().read().parquet(output + "/parquet").write().mode(SaveMode.Overwrite)
                .option("ignoreNullFields", false)
                .option("timestampFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
                .json(output + "/jsonl");
    }
}
