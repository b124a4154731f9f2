package dev.redline.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four kinds of history the issue names, and notes in each language read. */
class ChangesTest {
    private static final String LEDE = "The city council approved the new budget on Tuesday.";
    private static final String FIGURE = "The plan sets aside 12 million euros for new housing.";
    private static final String QUOTE = "\"We will build where people need homes,\" said Mayor Ana Ruiz.";

    private static ArticleText text(String... paragraphs) {
        return new ArticleText("Council passes budget", "By Lee Park", List.of(paragraphs));
    }

    @Test
    void correctionNoteWithAChangedFigureIsNotStealth() {
        ArticleText old = text(LEDE, FIGURE, QUOTE);
        ArticleText neu = text(LEDE, FIGURE.replace("12", "21"), QUOTE,
                "Correction: An earlier version of this article gave the housing budget as 12 million euros. It is 21 million euros.");
        VersionChange change = Changes.between(old, neu);
        assertThat(change.stealth()).isFalse();
        assertThat(change.facts()).isEmpty();
        assertThat(change.notes()).extracting(Note::kind).containsExactly(NoteKind.CORRECTION);
    }

    @Test
    void aChangedFigureWithoutANoteIsStealth() {
        VersionChange change = Changes.between(text(LEDE, FIGURE, QUOTE), text(LEDE, FIGURE.replace("12", "21"), QUOTE));
        assertThat(change.stealth()).isTrue();
        assertThat(change.facts()).containsExactly(new Fact("12", "21", FactKind.NUMBER));
        assertThat(change.notes()).isEmpty();
    }

    @Test
    void aChangedQuotationIsStealth() {
        String softened = QUOTE.replace("where people need homes", "where we can");
        VersionChange change = Changes.between(text(LEDE, FIGURE, QUOTE), text(LEDE, FIGURE, softened));
        assertThat(change.stealth()).isTrue();
        assertThat(change.facts()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FactKind.QUOTATION);
            assertThat(f.oldText()).isEqualTo("We will build where people need homes,");
            assertThat(f.newText()).isEqualTo("We will build where we can,");
        });
    }

    @Test
    void aCosmeticFixIsNeither() {
        VersionChange change = Changes.between(text(LEDE, FIGURE, QUOTE), text(LEDE.replace("Tuesday.", "Tuesday !"), FIGURE, QUOTE));
        assertThat(change).isEqualTo(VersionChange.NONE);
    }

    @Test
    void aDeletedSentenceAndAReversedMeaningAreFacts() {
        String reversed = "The opposition did not support the plan.";
        VersionChange change = Changes.between(text(LEDE, FIGURE, "The opposition did support the plan."),
                text(LEDE, reversed));
        assertThat(change.stealth()).isTrue();
        assertThat(change.facts()).extracting(Fact::kind).containsExactlyInAnyOrder(FactKind.DELETED, FactKind.NEGATION);
    }

    @Test
    void anAddedSentenceOrARewordingWithTheSameFactsIsNotStealth() {
        assertThat(Changes.between(text(LEDE, FIGURE), text(LEDE, FIGURE, "Construction starts in spring.")).stealth()).isFalse();
        assertThat(Changes.between(text(LEDE, FIGURE), text("On Tuesday the city council passed the new budget.", FIGURE)).stealth())
                .isFalse();
    }

    @Test
    void aNoteAlreadyShownIsNotNewButAFurtherSilentChangeIsStealth() {
        String note = "Correction: This article was amended on 3 March 2026 to correct the budget.";
        VersionChange change = Changes.between(text(LEDE, FIGURE, note), text(LEDE, FIGURE.replace("12", "14"), note));
        assertThat(change.notes()).isEmpty();
        assertThat(change.stealth()).isTrue();
    }

    @Test
    void notesInFiveLanguagesWithKindAndDate() {
        assertThat(Changes.notes(text(LEDE,
                "This article was amended on 5 March 2026 to correct the name of the mayor.",
                "Update: The vote was confirmed on Wednesday.",
                "Clarification: The budget covers two years.",
                "Editor's note: Lee Park is a former council employee.",
                "Korrektur: In einer früheren Version hieß es, der Rat habe am 5. März 2026 abgestimmt.",
                "Anmerkung der Redaktion: Der Autor war Mitglied des Rates.",
                "Rectificatif : une version précédente de cet article indiquait un montant erroné.",
                "Fe de erratas: una versión anterior de este artículo decía 12 millones.",
                "Rettifica: in una precedente versione il sindaco era indicato con un altro nome.",
                "Aggiornamento: il voto è stato confermato il 6 marzo 2026.")))
                .extracting(Note::kind, Note::date)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(NoteKind.CORRECTION, "5 March 2026"),
                        org.assertj.core.groups.Tuple.tuple(NoteKind.UPDATE, null),
                        org.assertj.core.groups.Tuple.tuple(NoteKind.CLARIFICATION, null),
                        org.assertj.core.groups.Tuple.tuple(NoteKind.EDITOR, null),
                        org.assertj.core.groups.Tuple.tuple(NoteKind.CORRECTION, "5. März 2026"),
                        org.assertj.core.groups.Tuple.tuple(NoteKind.EDITOR, null),
                        org.assertj.core.groups.Tuple.tuple(NoteKind.CORRECTION, null),
                        org.assertj.core.groups.Tuple.tuple(NoteKind.CORRECTION, null),
                        org.assertj.core.groups.Tuple.tuple(NoteKind.CORRECTION, null),
                        org.assertj.core.groups.Tuple.tuple(NoteKind.UPDATE, "6 marzo 2026"));
    }

    @Test
    void wordsThatOnlyLookLikeNotesAreNot() {
        assertThat(Changes.notes(text(
                "Updated 10:33 GMT",
                "The correction in share prices continued on Friday.",
                "In an editor's note last year, the paper apologised.",
                "Die Korrektur der Prognose kam spät."))).isEmpty();
    }
}
