package dev.redline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Share bars, "read also" lines and their kin are dropped in the languages of the issue, not only in English. */
class EuropeanFurnitureTest {
    private final Extractor extractor = new Extractor();

    @Test
    void furnitureLinesInSevenLanguagesAreDroppedAndTheStoryStays() {
        String[] furniture = {"Lesen Sie auch: Neue Fähre für die Insel", "Artikel teilen", "Anzeige",
                "À lire aussi : la nouvelle jetée", "Partager sur Facebook", "Lea también: El muelle cierra",
                "Compartir en Twitter", "Leggi anche: il nuovo molo", "Condividi su Facebook",
                "Leia também: o novo cais", "Compartilhe", "Lees ook: de nieuwe pier", "Deel dit artikel",
                "Czytaj także: nowe molo", "Udostępnij", "Foto: Hafenamt", "12 Kommentare"};
        StringBuilder body = new StringBuilder(Pages.STORY_PARAGRAPHS);
        int at = body.indexOf("<h2>");
        StringBuilder lines = new StringBuilder();
        for (String line : furniture) {
            lines.append("<p>").append(line).append("</p>\n");
        }
        body.insert(at, lines);
        Extracted x = extractor.extract(Pages.article(body.toString()).getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(x.paragraphs()).hasSize(7);
        for (String line : furniture) {
            assertThat(x.text()).as(line).doesNotContain(line);
        }
    }

    @Test
    void aSentenceThatMentionsSharingIsStoryText() {
        String sentence = "Die Fischer wollen den Kai künftig teilen, sagte der Hafenmeister am Dienstag.";
        Extracted x = extractor.extract(Pages.article(Pages.STORY_PARAGRAPHS.replace("</ul>", "</ul><p>" + sentence + "</p>"))
                .getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(x.paragraphs()).contains(sentence);
    }
}
