package dev.redline.cli;

import static dev.redline.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class DiffCommandTest {
    private static final String OLD = """
            Ferry strikes pier at Marrowby

            A passenger ferry struck the north pier on Tuesday evening. Nobody was hurt.

            The bridge will stay shut until engineers have inspected the pier.
            Police asked drivers to avoid the harbour road.
            """;
    private static final String NEW = """
            Ferry strikes pier at Marrowby, two hurt
            A passenger ferry struck the north pier late on Tuesday evening. Nobody was hurt.
            Police asked drivers to avoid the harbour road.
            The ferry operator said a <script>alert(1)</script> steering fault was to blame.
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void textDiffWithoutColourOffTerminal() throws IOException {
        CliRun r = run("diff", write("old.txt", OLD).toString(), write("new.txt", NEW).toString(),
                "--old-time", "2026-03-01T08:00:00Z", "--new-time", "2026-03-04T09:00:00Z");
        assertThat(r.code()).isZero();
        assertThat(r.out()).doesNotContain("\u001B[")
                .contains("Headline: Ferry strikes pier at Marrowby{+, two hurt+}")
                .contains("3 days later")
                .contains("~ A passenger ferry struck the north pier {+late+} on Tuesday evening.")
                .contains("- The bridge will stay shut until engineers have inspected the pier.")
                .contains("+ The ferry operator said a <script>alert(1)</script> steering fault was to blame.")
                .contains("  Police asked drivers to avoid the harbour road.");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void colourOnlyWhenAsked() {
        var result = dev.redline.diff.Diff.compare(
                new dev.redline.article.ArticleText("T", null, java.util.List.of("Harbour shut. Ferry late.")),
                new dev.redline.article.ArticleText("T", null, java.util.List.of("Harbour open. Ferry late.")));
        assertThat(DiffText.render(result, true)).contains("\u001B[31m").contains("\u001B[32m");
        assertThat(DiffText.render(result, false)).doesNotContain("\u001B[");
    }

    @Test
    void controlCharactersFromPagesNeverReachTheTerminal() throws IOException {
        CliRun r = run("diff", write("old.txt", "Title\nA calm day.\n").toString(),
                write("new.txt", "Title\nA calm day.\nEvil \u001B]0;pwned\u0007 text.\n").toString());
        assertThat(r.code()).isZero();
        // the article model drops control characters before any renderer sees them
        assertThat(r.out()).doesNotContain("\u001B").doesNotContain("\u0007").contains("+ Evil ]0;pwned text.");
    }

    @Test
    void jsonHasTheDiffShape() throws IOException {
        CliRun r = run("diff", write("old.txt", OLD).toString(), write("new.txt", NEW).toString(), "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode root = Json.MAPPER.readTree(r.out());
        assertThat(root.get("title").get("old").asString()).isEqualTo("Ferry strikes pier at Marrowby");
        assertThat(root.get("title").get("new").asString()).isEqualTo("Ferry strikes pier at Marrowby, two hurt");
        assertThat(root.get("title").get("changed").asBoolean()).isTrue();
        JsonNode ops = root.get("ops");
        assertThat(ops).hasSize(5);
        assertThat(ops.get(0).get("op").asString()).isEqualTo("edit");
        assertThat(ops.get(0).get("oldIndex").asInt()).isZero();
        assertThat(ops.get(0).get("words").get(1).get("op").asString()).isEqualTo("add");
        assertThat(ops.get(2).get("op").asString()).isEqualTo("delete");
        assertThat(ops.get(2).get("new").isNull()).isTrue();
        assertThat(ops.get(2).get("newIndex").isNull()).isTrue();
        assertThat(ops.get(4).get("op").asString()).isEqualTo("add");
        assertThat(root.get("boring").asBoolean()).isFalse();
        assertThat(root.get("boringReason").isNull()).isTrue();
        assertThat(root.get("stats").get("added").asInt()).isEqualTo(1);
        assertThat(root.get("gap").isNull()).isTrue();
    }

    @Test
    void htmlIsSelfContainedAndEscaped() throws IOException {
        CliRun r = run("diff", write("old.txt", OLD).toString(), write("new.txt", NEW).toString(), "--format", "html");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("<!DOCTYPE html>")
                .contains("<ins>late</ins>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script")
                .doesNotContain("<link")
                .doesNotContain("src=")
                .contains("<style>");
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(r.out());
        assertThat(doc.select("td.old.op.delete").text()).isEqualTo("The bridge will stay shut until engineers have inspected the pier.");
        assertThat(doc.select("td.new.op.add").text()).contains("<script>alert(1)</script>");
        assertThat(doc.select("style").html()).contains(".side-by-side"); // the site's stylesheet, inline
    }

    @Test
    void badInputIsOneClearLineAndExitTwo() throws IOException {
        Path good = write("good.txt", OLD);
        Path empty = write("empty.txt", "  \n\n");
        Path binary = Files.write(dir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Path latin1 = Files.write(dir.resolve("latin1.txt"), "Caf\u00E9 opens\nIt opened.".getBytes(StandardCharsets.ISO_8859_1));
        String[][] cases = {
                {dir.resolve("missing.txt").toString(), "no such file"},
                {dir.toString(), "is a directory"},
                {empty.toString(), "is empty"},
                {binary.toString(), "binary"},
                {latin1.toString(), "not UTF-8"},
        };
        for (String[] c : cases) {
            CliRun r = run("diff", good.toString(), c[0]);
            assertThat(r.code()).as(c[0]).isEqualTo(2);
            assertThat(r.out()).as(c[0]).isEmpty();
            assertThat(r.err()).as(c[0]).startsWith("redline: ").contains(c[1]);
            assertThat(r.err().strip().lines().count()).as(c[0]).isEqualTo(1);
        }
        CliRun badTime = run("diff", good.toString(), good.toString(), "--new-time", "next tuesday");
        assertThat(badTime.code()).isEqualTo(2);
        assertThat(badTime.err()).contains("--new-time").contains("next tuesday");
        CliRun badFormat = run("diff", good.toString(), good.toString(), "--format", "pdf");
        assertThat(badFormat.code()).isEqualTo(2);
        assertThat(badFormat.out()).isEmpty();
    }

    @Test
    void splitsAndMergesAreNamed() throws IOException {
        Path old = write("old.txt", "Quay shops worried\nShop owners on the quay met on Monday and said trade had fallen by a third.\n");
        Path neu = write("new.txt", "Quay shops worried\nShop owners on the quay met on Monday. They said trade had fallen by a third.\n");
        assertThat(run("diff", old.toString(), neu.toString()).out()).contains("~ (split) Shop owners");
        assertThat(run("diff", neu.toString(), old.toString()).out()).contains("~ (merge) Shop owners");
        assertThat(run("diff", old.toString(), neu.toString(), "--format", "html").out()).contains("<span class=\"note\">split</span>");
    }

    @Test
    void timesAreInstantsOrLocalDateTimes() {
        assertThat(DiffCommand.parseTime("--old-time", "2026-01-22T10:33:00Z")).isEqualTo(Instant.parse("2026-01-22T10:33:00Z"));
        assertThat(DiffCommand.parseTime("--old-time", "2026-01-22T10:33+01:00")).isEqualTo(Instant.parse("2026-01-22T09:33:00Z"));
        assertThat(DiffCommand.parseTime("--old-time", "2026-01-22 10:33"))
                .isEqualTo(LocalDateTime.parse("2026-01-22T10:33").atZone(ZoneId.systemDefault()).toInstant());
        assertThat(DiffCommand.parseTime("--old-time", null)).isNull();
    }

    @Test
    void textFileFormat() throws IOException {
        var article = DiffCommand.readArticle(write("v.txt", "\uFEFF\n  Headline here \r\n\r\nFirst para.\r\n\r\n\r\nSecond para.\r\n"));
        assertThat(article.title()).isEqualTo("Headline here");
        assertThat(article.paragraphs()).containsExactly("First para.", "Second para.");
    }
}
