package dev.redline.cli;

import static dev.redline.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wrong exit codes and stack traces issue 16 listed: each is one line naming what was wrong, exit 2. */
class CliErrorsTest {
    private static final String HISTORY = """
            {"url":"https://x.example/a","source":"wire","versions":[
             {"fetchedAt":"2026-01-01T00:00:00Z","title":"Ferry strike","paragraphs":["Crews walked out on Monday."]},
             {"fetchedAt":"2026-01-02T00:00:00Z","title":"Ferry strike ends","paragraphs":["Crews went back on Tuesday."]}]}
            """;

    @TempDir
    Path dir;
    private String db;

    @BeforeEach
    void seed() throws IOException {
        db = dir.resolve("r.db").toString();
        Path history = Files.writeString(dir.resolve("h.jsonl"), HISTORY);
        assertThat(run("--db", db, "import", history.toString()).code()).isZero();
    }

    @Test
    void exportToAnUnwritablePlaceIsOneLine() {
        CliRun export = run("--db", db, "export", "--out", "/proc/x/y.jsonl");
        assertThat(export.code()).isEqualTo(Redline.EXIT_BAD_INPUT);
        assertThat(export.err()).isEqualTo("redline: cannot write /proc/x/y.jsonl: no such file or folder /proc/x\n");
    }

    @Test
    void aCorruptDatabaseDuringExportIsOneLineAndLeavesNoFile() throws IOException {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            many.append(HISTORY.replace("x.example/a", "x.example/a" + i).replace("\n", " ").strip()).append('\n');
        }
        Path more = Files.writeString(dir.resolve("more.jsonl"), many);
        assertThat(run("--db", db, "import", more.toString()).code()).isZero();
        try (RandomAccessFile file = new RandomAccessFile(db, "rw")) {
            byte[] garbage = new byte[2_000];
            new Random(16).nextBytes(garbage);
            for (long page = 4; page < file.length() / 4096; page += 3) {
                file.seek(page * 4096 + 100);
                file.write(garbage);
            }
        }
        Path out = dir.resolve("out.jsonl");
        CliRun export = run("--db", db, "export", "--out", out.toString());
        assertThat(export.code()).isEqualTo(Redline.EXIT_BAD_INPUT);
        // where the garbage lands depends on the schema's page layout: found while opening or while reading
        assertThat(export.err()).containsPattern("^redline: (the database file is damaged: nothing was written|cannot read database)")
                .contains("SQLITE_CORRUPT").hasLineCount(1);
        assertThat(out).doesNotExist();
        assertThat(dir.toFile().list()).noneMatch(name -> name.endsWith(".part"));
    }

    @Test
    void extractOfAnEmptyFolderIsAnError() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("pages"));
        Files.writeString(empty.resolve("notes.txt"), "not a page");
        CliRun extract = run("extract", empty.toString());
        assertThat(extract.code()).isEqualTo(Redline.EXIT_BAD_INPUT);
        assertThat(extract.err()).isEqualTo("redline: folder " + empty + " has no .html, .htm or .html.gz files\n");
    }

    @Test
    void importRefusesASourceNameThatSourceAddRefuses() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), HISTORY.replace("\"wire\"", "\"bad name!\""));
        CliRun imported = run("--db", db, "import", bad.toString());
        assertThat(imported.code()).isEqualTo(Redline.EXIT_BAD_INPUT);
        assertThat(imported.err()).contains("source name 'bad name!' must be 1-64 letters");
        CliRun added = run("--db", db, "source", "add", "bad name!", "--feed", "https://x.example/feed");
        assertThat(added.code()).isEqualTo(Redline.EXIT_BAD_INPUT);
        assertThat(run("--db", db, "source", "list").out()).doesNotContain("bad name!");
    }

    @Test
    void importOfAFolderSaysItIsAFolder() {
        CliRun imported = run("--db", db, "import", dir.toString());
        assertThat(imported.code()).isEqualTo(Redline.EXIT_BAD_INPUT);
        assertThat(imported.err()).startsWith("redline: " + dir + " is a folder; import takes history files");
    }
}
