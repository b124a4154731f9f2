package dev.redline.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import dev.redline.diff.Diff;
import dev.redline.diff.OpKind;
import dev.redline.diff.SentenceOp;
import dev.redline.diff.TitleChange;
import dev.redline.diff.WordOp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Pins the diff JSON of docs/openapi.yaml (schema {@code Diff}): core's records give it through
 * Jackson's default record naming, with {@code old}/{@code new} set on the components.
 */
class DiffJsonTest {
    @Test
    void sentenceOpsAndHeadlinesUseTheDocumentedNames() {
        SentenceOp edit = new SentenceOp(OpKind.EDIT, "The pier shut.", "The pier reopened.", 0, 0,
                List.of(new WordOp(OpKind.SAME, "The pier"), new WordOp(OpKind.DELETE, "shut."),
                        new WordOp(OpKind.ADD, "reopened.")));
        assertThat(Json.write(edit)).isEqualTo("{\"op\":\"edit\",\"old\":\"The pier shut.\",\"new\":\"The pier reopened.\","
                + "\"oldIndex\":0,\"newIndex\":0,\"words\":[{\"op\":\"same\",\"text\":\"The pier\",\"spaceBefore\":true},"
                + "{\"op\":\"delete\",\"text\":\"shut.\",\"spaceBefore\":true},"
                + "{\"op\":\"add\",\"text\":\"reopened.\",\"spaceBefore\":true}],"
                + "\"oldIndexEnd\":null,\"newIndexEnd\":null}");
        assertThat(Json.write(new TitleChange("Pier shut", null, true, List.of())))
                .isEqualTo("{\"old\":\"Pier shut\",\"new\":null,\"changed\":true,\"words\":[]}");
    }

    @Test
    void aWholeDiffHasExactlyTheDocumentedFields() {
        JsonNode diff = Json.MAPPER.readTree(Json.write(Diff.compare(
                new ArticleText("Pier shut", null, List.of("The pier shut on Monday. Ferries stopped.")),
                new ArticleText("Pier reopens", "By A. Writer", List.of("Ferries stopped. The pier reopened on Friday.")))));
        assertThat(names(diff)).containsExactlyInAnyOrder("title", "byline", "ops", "boring", "boringReason", "stats",
                "gap", "oldParagraphStarts", "newParagraphStarts");
        assertThat(names(diff.path("title"))).containsExactly("old", "new", "changed", "words");
        assertThat(names(diff.path("byline"))).containsExactly("old", "new", "changed", "words");
        assertThat(names(diff.path("stats"))).containsExactlyInAnyOrder("same", "edited", "added", "deleted", "moved",
                "wordsAdded", "wordsDeleted");
        assertThat(diff.path("ops").size()).isPositive();
        for (JsonNode op : diff.path("ops")) {
            assertThat(names(op)).containsExactly("op", "old", "new", "oldIndex", "newIndex", "words", "oldIndexEnd",
                    "newIndexEnd");
        }
        for (JsonNode word : diff.path("title").path("words")) {
            assertThat(names(word)).containsExactly("op", "text", "spaceBefore");
        }
        assertThat(diff.path("title").path("words").size()).isPositive();
        assertThat(diff.path("title").path("new").asString()).isEqualTo("Pier reopens");
    }

    private static List<String> names(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }
}
