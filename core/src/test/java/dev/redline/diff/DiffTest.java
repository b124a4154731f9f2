package dev.redline.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.redline.article.ArticleText;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiffTest {
    private static final String TITLE = "Harbour bridge closed after ferry strikes pier";

    private static ArticleText story(String title, String... paragraphs) {
        return new ArticleText(title, "By Ines Varga", List.of(paragraphs));
    }

    private static List<OpKind> kinds(DiffResult r) {
        return r.ops().stream().map(SentenceOp::op).toList();
    }

    @Test
    void saysWhichSentencesBeginAParagraphInEachVersion() {
        ArticleText old = new ArticleText("Quay works", null, List.of(
                "Work on the quay began on Monday. Crews arrived early.", "The council paid for it."));
        ArticleText neu = new ArticleText("Quay works", null, List.of(
                "Work on the quay began on Monday.", "Crews arrived early. Traffic was slow.", "The council paid for it."));
        DiffResult result = Diff.compare(old, neu);
        assertThat(result.oldParagraphStarts()).containsExactly(0, 2);
        assertThat(result.newParagraphStarts()).containsExactly(0, 1, 3);
    }

    @Test
    void identicalVersionsAreAllSame() {
        ArticleText v = story(TITLE, "A ferry struck the north pier of the Marrowby bridge on Tuesday. Nobody was hurt.",
                "Engineers will inspect the pier on Wednesday.");
        DiffResult r = Diff.compare(v, v);
        assertThat(kinds(r)).containsExactly(OpKind.SAME, OpKind.SAME, OpKind.SAME);
        assertThat(r.title().changed()).isFalse();
        assertThat(r.boring()).isFalse();
        assertThat(r.stats().bodyUnchanged()).isTrue();
        assertThat(r.gap()).isNull();
    }

    @Test
    void editAddDeleteInReadingOrder() {
        ArticleText old = story(TITLE,
                "A ferry struck the north pier of the Marrowby bridge on Tuesday. Nobody was hurt.",
                "The bridge will stay shut until engineers have inspected the pier.",
                "Police asked drivers to avoid the harbour road.");
        ArticleText neu = story(TITLE,
                "A ferry struck the north pier of the Marrowby bridge on Tuesday evening. Nobody was hurt.",
                "The ferry operator said a steering fault was to blame.",
                "Police asked drivers to avoid the harbour road.");
        DiffResult r = Diff.compare(old, neu, Instant.parse("2026-03-01T08:00:00Z"), Instant.parse("2026-03-01T14:10:00Z"));
        assertThat(kinds(r)).containsExactly(OpKind.EDIT, OpKind.SAME, OpKind.DELETE, OpKind.ADD, OpKind.SAME);
        SentenceOp edit = r.ops().get(0);
        assertThat(edit.words()).containsExactly(
                new WordOp(OpKind.SAME, "A ferry struck the north pier of the Marrowby bridge on Tuesday", false),
                new WordOp(OpKind.ADD, "evening"),
                new WordOp(OpKind.SAME, ".", false));
        assertThat(r.ops().get(2).oldIndex()).isEqualTo(2);
        assertThat(r.ops().get(3).newIndex()).isEqualTo(2);
        assertThat(r.gap()).isEqualTo("about 6 hours later");
        assertThat(r.stats()).isEqualTo(new DiffStats(2, 1, 1, 1, 0, 11, 11));
    }

    @Test
    void storedSplitsCompareLikeTheirTexts() {
        for (LabelledPair pair : LabelledPair.all()) {
            SplitText old = SplitText.of(pair.old());
            SplitText neu = SplitText.of(pair.neu());
            assertThat(old.sentences()).isEqualTo(pair.oldSentences());
            assertThat(Diff.compare(old, neu, null, null)).as(pair.name()).isEqualTo(Diff.compare(pair.old(), pair.neu()));
        }
        assertThatThrownBy(() -> new SplitText("T", null, List.of("One."), List.of(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("paragraph start 1");
    }

    @Test
    void sentenceThatGainedAClauseIsAnEditNotADeleteAndAnAdd() {
        ArticleText old = story(TITLE,
                "Teachers in the county have voted for strike action over workload.",
                "No dates have been set.",
                "The county council said it was disappointed.");
        ArticleText neu = story(TITLE,
                "Teachers in the county have voted for strike action over workload.",
                "A rally is planned outside county hall on Saturday.",
                "No dates have yet been set, but the union said action could begin before Christmas.",
                "The county council said it was disappointed.");
        DiffResult r = Diff.compare(old, neu);
        assertThat(kinds(r)).containsExactly(OpKind.SAME, OpKind.ADD, OpKind.EDIT, OpKind.SAME);
        assertThat(r.ops().get(2).words()).contains(new WordOp(OpKind.ADD, "yet"),
                new WordOp(OpKind.ADD, ", but the union said action could begin before Christmas", false));
    }

    @Test
    void punctuationIsAPieceOfItsOwnInWordDiffs() {
        assertThat(WordDiff.of("The owners called the action regrettable.",
                "The owners called the action regrettable and urged a return to talks.")).containsExactly(
                new WordOp(OpKind.SAME, "The owners called the action regrettable", false),
                new WordOp(OpKind.ADD, "and urged a return to talks"),
                new WordOp(OpKind.SAME, ".", false));
        assertThat(WordDiff.of("Dock workers began a strike on Tuesday.", "Dock workers began a strike: on Tuesday.")).containsExactly(
                new WordOp(OpKind.SAME, "Dock workers began a strike", false),
                new WordOp(OpKind.ADD, ":", false),
                new WordOp(OpKind.SAME, "on Tuesday."));
        assertThat(WordDiff.of("It cost 4 million pounds.", "It cost 3.5 million pounds.")).containsExactly(
                new WordOp(OpKind.SAME, "It cost", false),
                new WordOp(OpKind.DELETE, "4"),
                new WordOp(OpKind.ADD, "3.5"),
                new WordOp(OpKind.SAME, "million pounds."));
    }

    @Test
    void wordDiffPiecesCompareByTheirKeys() {
        // a curly apostrophe and a decomposed accent are the same piece as their key forms
        assertThat(WordDiff.of("The mayor\u2019s caf\u00E9 reopened on Monday.", "The mayor's cafe\u0301 reopened on Tuesday.")).containsExactly(
                new WordOp(OpKind.SAME, "The mayor's cafe\u0301 reopened on", false),
                new WordOp(OpKind.DELETE, "Monday"),
                new WordOp(OpKind.ADD, "Tuesday"),
                new WordOp(OpKind.SAME, ".", false));
    }

    @Test
    void timestampLinesNeedAgoAClockOrAYear() {
        assertThat(Boring.isTimestampLine("Posted 9.05")).isTrue();
        assertThat(Boring.isTimestampLine("Updated an hour AGO")).isTrue();
        assertThat(Boring.isTimestampLine("Updated 2 hours ago")).isTrue();
        assertThat(Boring.isTimestampLine("Published 2026-01-22")).isTrue();
        assertThat(Boring.isTimestampLine("Updated at 10 on 3 May")).isFalse();
    }

    @Test
    void movedSentenceEditedOrNot() {
        ArticleText old = story(TITLE,
                "A ferry struck the north pier on Tuesday.",
                "Engineers will inspect the pier on Wednesday morning.",
                "The harbour master called the crash a freak accident.",
                "Police asked drivers to avoid the harbour road.");
        ArticleText neu = story(TITLE,
                "A ferry struck the north pier on Tuesday.",
                "The harbour master called the crash a freak accident.",
                "Police asked drivers to avoid the harbour road.",
                "Engineers will inspect the damaged pier on Wednesday morning.");
        DiffResult r = Diff.compare(old, neu);
        assertThat(kinds(r)).containsExactly(OpKind.SAME, OpKind.SAME, OpKind.SAME, OpKind.MOVE);
        SentenceOp move = r.ops().get(3);
        assertThat(move.oldIndex()).isEqualTo(1);
        assertThat(move.newIndex()).isEqualTo(3);
        assertThat(move.words()).contains(new WordOp(OpKind.ADD, "damaged"));
    }

    @Test
    void aHeavilyRewordedMoveIsFoundWhenTheTwoAreEachOthersBestMatch() {
        ArticleText old = story(TITLE,
                "Bus drivers in Saltcombe will strike for three days next week.",
                "The union said the pay offer was below inflation.",
                "Ferry services across the harbour will be severely disrupted.");
        ArticleText neu = story(TITLE,
                "Bus drivers in Saltcombe will strike for three days next week.",
                "Almost all ferry services across the harbour and to Dunmore will be cancelled.",
                "The union said the pay offer was below inflation.");
        DiffResult r = Diff.compare(old, neu);
        assertThat(kinds(r)).containsExactly(OpKind.SAME, OpKind.MOVE, OpKind.SAME);
        assertThat(r.ops().get(1).oldIndex()).isEqualTo(2);
        assertThat(r.ops().get(1).words()).contains(new WordOp(OpKind.ADD, "cancelled"));
    }

    @Test
    void splitAndMerge() {
        ArticleText old = story(TITLE,
                "The council met on Monday and voted to close the bridge until the inspection is complete.",
                "Shops on the quay are worried. They say trade has already fallen.");
        ArticleText neu = story(TITLE,
                "The council met on Monday. It voted to close the bridge until the inspection is complete.",
                "Shops on the quay are worried, saying trade has already fallen.");
        DiffResult r = Diff.compare(old, neu);
        assertThat(kinds(r)).containsExactly(OpKind.EDIT, OpKind.EDIT);
        SentenceOp split = r.ops().get(0);
        assertThat(split.newIndex()).isEqualTo(0);
        assertThat(split.newIndexEnd()).isEqualTo(1);
        assertThat(split.newText()).isEqualTo("The council met on Monday. It voted to close the bridge until the inspection is complete.");
        SentenceOp merge = r.ops().get(1);
        assertThat(merge.oldIndex()).isEqualTo(1);
        assertThat(merge.oldIndexEnd()).isEqualTo(2);
        assertThat(merge.newIndex()).isEqualTo(2);
    }

    @Test
    void aSentenceFoldedIntoItsNeighbourAsAClauseIsAMergeNotADeletion() {
        // the merged sentence keeps its old partner whole; what it gained ("farmland") comes from the cut one
        ArticleText old = story(TITLE,
                "Plans for 400 new homes on the edge of Saltmarsh have been approved. The site is currently farmland.",
                "Work could start next year.");
        ArticleText neu = story(TITLE,
                "Plans for 400 new homes on farmland on the edge of Saltmarsh have been approved.",
                "Work could start next year.");
        SentenceOp merge = Diff.compare(old, neu).ops().get(0);
        assertThat(merge.op()).isEqualTo(OpKind.EDIT);
        assertThat(merge.oldIndex()).isEqualTo(0);
        assertThat(merge.oldIndexEnd()).isEqualTo(1);
    }

    @Test
    void aSentenceSplitInThreeIsOneOpWhoseLaterPartsCarryWhatTheFirstLost() {
        ArticleText old = story(TITLE,
                "A walker was rescued from Harrow Crag on Sunday after slipping on wet rock, and was flown to hospital with a broken ankle.",
                "The rescue took three hours.");
        ArticleText neu = story(TITLE,
                "A walker was rescued from Harrow Crag on Sunday. She had slipped on wet rock. She was flown to hospital with a broken ankle.",
                "The rescue took three hours.");
        DiffResult r = Diff.compare(old, neu);
        assertThat(kinds(r)).containsExactly(OpKind.EDIT, OpKind.SAME);
        assertThat(r.ops().get(0).newIndex()).isEqualTo(0);
        assertThat(r.ops().get(0).newIndexEnd()).isEqualTo(2);
    }

    @Test
    void anAddedSentenceBesideAnEditStaysAnAdditionWhenItHoldsNoneOfWhatTheEditLost() {
        ArticleText old = story(TITLE,
                "The bridge will stay shut until engineers have inspected the damaged pier.",
                "Police asked drivers to avoid the harbour road.");
        ArticleText neu = story(TITLE,
                "The bridge will stay shut until engineers have inspected the pier.",
                "A ferry passenger said the crash had shaken everyone on board.",
                "Police asked drivers to avoid the harbour road.");
        assertThat(kinds(Diff.compare(old, neu))).containsExactly(OpKind.EDIT, OpKind.ADD, OpKind.SAME);
    }

    @Test
    void normalisedKeysMatchButOriginalsAreKept() {
        ArticleText old = story("Mayor\u2019s \u201Cbridge plan\u201D", "The mayor\u2019s plan \u2014 a new bridge \u2014 was approved.");
        ArticleText neu = story("Mayor's \"bridge plan\"", "The mayor's plan - a new  bridge - was approved.");
        DiffResult r = Diff.compare(old, neu);
        assertThat(kinds(r)).containsExactly(OpKind.SAME);
        assertThat(r.ops().get(0).oldText()).isEqualTo("The mayor\u2019s plan \u2014 a new bridge \u2014 was approved.");
        assertThat(r.title().changed()).isFalse();
        assertThat(r.boring()).isTrue();
        assertThat(r.boringReason()).isEqualTo("whitespace or punctuation only");
    }

    @Test
    void titleComparedOnItsOwn() {
        DiffResult r = Diff.compare(story(TITLE, "Body."), story("Harbour bridge shut after ferry strikes pier", "Body."));
        assertThat(r.title().changed()).isTrue();
        assertThat(r.title().words()).containsExactly(
                new WordOp(OpKind.SAME, "Harbour bridge", false),
                new WordOp(OpKind.DELETE, "closed"),
                new WordOp(OpKind.ADD, "shut"),
                new WordOp(OpKind.SAME, "after ferry strikes pier"));
        assertThat(r.boring()).isFalse();
    }

    @Test
    void boringRulesNameWhatFired() {
        ArticleText old = story(TITLE, "Updated 3 minutes ago", "The appeal has raised 1,204 pounds so far.", "The pier is closed.");
        ArticleText neu = story(TITLE, "Updated 12 minutes ago", "The appeal has raised 1,219 pounds so far.", "The pier is closed.");
        DiffResult r = Diff.compare(old, neu);
        assertThat(r.boring()).isTrue();
        assertThat(r.boringReason()).isEqualTo("timestamp line; small numeric tick");

        DiffResult stamp = Diff.compare(story(TITLE, "22 January 2026 Last updated at 10:33", "The pier is closed."),
                story(TITLE, "22 January 2026 Last updated at 11:02", "The pier is closed."));
        assertThat(stamp.boringReason()).isEqualTo("timestamp line");

        DiffResult news = Diff.compare(story(TITLE, "The appeal has raised 1,204 pounds so far."),
                story(TITLE, "The appeal has raised 9,204 pounds so far."));
        assertThat(news.boring()).isFalse();
        assertThat(news.boringReason()).isNull();
    }

    @Test
    void emptyVersions() {
        DiffResult r = Diff.compare(story("", "  "), story("New", "First sentence."));
        assertThat(kinds(r)).containsExactly(OpKind.ADD);
        assertThat(r.title().changed()).isTrue();
    }
}
