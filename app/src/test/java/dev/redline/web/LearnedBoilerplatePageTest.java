package dev.redline.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.extract.ExtractRules;
import dev.redline.extract.LearnedLines;
import dev.redline.extract.PageLine;
import dev.redline.json.Json;
import dev.redline.store.LearningRules;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The source page and the source record's JSON list the boilerplate learned for the source, escaped. */
class LearnedBoilerplatePageTest {
    private static final String TIPS = "Got a story? Write to <tips@courier.example> & we will look";

    @Test
    void theSourcePageListsLearnedLinesEscapedWithTheirCounts(@TempDir Path dir) {
        try (WebFixture f = WebFixture.empty(dir)) {
            long source = f.store.addSource("courier", List.of("http://127.0.0.1:9/feed.xml"), List.of(),
                    ExtractRules.NONE).id();
            assertThat(f.get("/sources/courier").body()).contains("Nothing learned yet");
            for (int i = 0; i < 4; i++) {
                long article = f.store.upsertArticle("https://courier.example/news/" + i, source, WebFixture.T0).id();
                String own = "Dateline " + i;
                f.store.learnedLines().count(source, article, List.of(
                        new PageLine(LearnedLines.fingerprint(TIPS), TIPS, true),
                        new PageLine(LearnedLines.fingerprint(own), own, true)), LearningRules.DEFAULT, WebFixture.T0);
            }

            String page = f.get("/sources/courier").body();
            assertThat(page).contains("Learned from 4 articles", "1 line recurs",
                    "<td>Got a story? Write to &lt;tips@courier.example&gt; &amp; we will look</td><td>4</td><td>3</td><td>4</td>")
                    .doesNotContain("<tips@", "Dateline 2");

            JsonNode learned = Json.MAPPER.readTree(f.get("/api/sources/courier/record").body()).get("learned");
            assertThat(learned.get("articles").asInt()).isEqualTo(4);
            assertThat(learned.get("boilerplate").size()).isEqualTo(1);
            assertThat(learned.get("boilerplate").get(0).get("text").asString()).isEqualTo(TIPS);
            assertThat(learned.get("boilerplate").get(0).get("articles").asInt()).isEqualTo(4);
            assertThat(learned.get("boilerplate").get(0).get("fingerprint").asString()).hasSize(16);
        }
    }
}
