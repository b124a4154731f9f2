package dev.redline.service;

import java.nio.file.Path;

/**
 * Where Redline keeps its data. Resolved from the global options, then the environment
 * ({@code REDLINE_DB}, {@code REDLINE_DATA}), then defaults ({@code ./redline-data/redline.db}).
 *
 * @param dataDir the data folder (database file by default, WARC captures)
 * @param db      a JDBC URL ({@code jdbc:sqlite:…}, {@code jdbc:postgresql:…})
 */
public record AppConfig(Path dataDir, String db) {

    public static AppConfig resolve(String dbOption, Path dataOption) {
        Path data = dataOption != null ? dataOption
                : System.getenv("REDLINE_DATA") != null ? Path.of(System.getenv("REDLINE_DATA"))
                : Path.of("redline-data");
        String db = dbOption != null ? dbOption : System.getenv("REDLINE_DB");
        if (db == null || db.isBlank()) {
            db = "jdbc:sqlite:" + data.resolve("redline.db");
        } else if (!db.startsWith("jdbc:")) {
            db = "jdbc:sqlite:" + Path.of(db);
        }
        return new AppConfig(data, db);
    }

    /** Folder of the WARC captures. */
    public Path warcDir() {
        return dataDir.resolve("warc");
    }
}
