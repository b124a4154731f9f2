package dev.redline.cli;

import static dev.redline.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** An imported archive goes through the recording path, so trace finds it at once (no reindex). */
class ImportTraceTest {
    private static final String[] SECOND = {
            "The ferry company confirmed on Thursday that the night crossing to Varn will stop in March.",
            "Ticket sales on the late boat have fallen by a third since the new bridge opened last spring.",
            "Islanders who work shifts on the mainland say the decision leaves them without a way home.",
            "The company said it would keep the morning and evening crossings running all year."};

    @TempDir
    Path dir;

    @Test
    void anImportedHistoryIsTraceableWithoutReindex() throws IOException {
        String db = dir.resolve("redline.db").toString();
        Path history = Files.writeString(dir.resolve("ferry.json"), """
                {"url":"https://island-post.example/2026/ferry","source":"island-post","versions":[
                {"fetchedAt":"2026-02-03T07:00:00Z","title":"Night ferry may stop","paragraphs":["The ferry company is reviewing the night crossing to Varn."]},
                {"fetchedAt":"2026-02-05T09:30:00Z","title":"Night ferry to Varn will stop in March","paragraphs":[%s]}]}
                """.formatted(String.join(",", java.util.Arrays.stream(SECOND).map(Json::write).toList())));
        Path copy = Files.writeString(dir.resolve("copy.txt"), "Varn night ferry to end\n"
                + String.join("\n", SECOND[0], SECOND[1], SECOND[2]) + "\nRead more on our app.\n");

        CliRun imported = run("--db", db, "import", history.toString());
        assertThat(imported.code()).as(imported.err()).isZero();

        CliRun traced = run("--db", db, "trace", "--format", "json", copy.toString());
        assertThat(traced.code()).as(traced.err()).isZero();
        assertThat(traced.err()).doesNotContain("not in the trace index");
        JsonNode best = Json.MAPPER.readTree(traced.out()).path("matches").get(0);
        assertThat(best.path("url").asString()).isEqualTo("https://island-post.example/2026/ferry");
        assertThat(best.path("source").asString()).isEqualTo("island-post");
        assertThat(best.path("version").asInt()).isEqualTo(1);
    }
}
