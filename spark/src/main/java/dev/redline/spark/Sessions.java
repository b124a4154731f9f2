package dev.redline.spark;

import org.apache.spark.sql.SparkSession;

/** Builds the Spark session every job runs in: loopback only, no UI, UTC, java.time values. */
final class Sessions {
    /** How often executors poll their memory for {@link JobMetrics}' peaks. */
    static final long METRICS_POLL_MS = 1000;

    private Sessions() {
    }

    /**
     * @param master     the master URL, or null for spark-submit's choice (else {@code local[*]})
     * @param partitions shuffle partitions, and the fewest splits an input file is read in (so one
     *                   export file still spreads over the cores, without a shuffle to spread it)
     */
    static SparkSession create(String master, int partitions, String appName) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName)
                .config("spark.ui.enabled", false)
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.datetime.java8API.enabled", true)
                .config("spark.sql.shuffle.partitions", partitions)
                .config("spark.sql.files.minPartitionNum", partitions)
                .config("spark.executor.metrics.pollingInterval", METRICS_POLL_MS + "ms");
        String effective = master != null ? master : System.getProperty("spark.master", "local[*]");
        builder.master(effective);
        if (effective.startsWith("local")) {
            // a local run never listens beyond loopback (java-deps.md gotcha 15)
            builder.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1");
        }
        return builder.getOrCreate();
    }
}
