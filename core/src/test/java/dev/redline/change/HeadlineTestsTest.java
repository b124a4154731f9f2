package dev.redline.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadlineTestsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final List<String> BODY = List.of("The council approved the budget on Tuesday.", "It sets aside 12 million euros.");

    private static Sighting at(int hours, String title, List<String> body) {
        return new Sighting(T0.plus(Duration.ofHours(hours)), new ArticleText(title, null, body));
    }

    @Test
    void alternatingHeadlinesOverOneBodyAreOneTestWithItsWinner() {
        List<Sighting> seen = new ArrayList<>();
        for (int h = 0; h <= 6; h++) {
            seen.add(at(h, h % 2 == 0 ? "Council passes budget" : "Budget: what it means for you", BODY));
        }
        List<HeadlineTest> tests = HeadlineTests.find(seen, T0.plus(Duration.ofDays(3)));
        assertThat(tests).singleElement().satisfies(t -> {
            assertThat(t.variants()).containsExactly("Council passes budget", "Budget: what it means for you");
            assertThat(t.seen()).containsExactly(4, 3);
            assertThat(t.firstSeen()).isEqualTo(T0);
            assertThat(t.lastSeen()).isEqualTo(T0.plusSeconds(6 * 3600));
            assertThat(t.winner()).isEqualTo("Council passes budget");
        });
    }

    @Test
    void aTestThatMayStillRunHasNoWinner() {
        List<Sighting> seen = List.of(at(0, "A", BODY), at(1, "B", BODY), at(2, "A", BODY));
        assertThat(HeadlineTests.find(seen, T0.plusSeconds(3 * 3600))).singleElement()
                .satisfies(t -> assertThat(t.winner()).isNull());
    }

    @Test
    void rewritesThatNeverComeBackAndChangesOverANewBodyAreNoTest() {
        assertThat(HeadlineTests.find(List.of(at(0, "A", BODY), at(1, "B", BODY), at(2, "C", BODY)), T0)).isEmpty();
        List<String> rewritten = List.of("Protesters filled the square as the vote was delayed.", "Police closed three streets.");
        assertThat(HeadlineTests.find(List.of(at(0, "A", BODY), at(1, "B", rewritten), at(2, "A", BODY)), T0)).isEmpty();
    }

    @Test
    void editingRecordCountsATestOnceAndTheFirstChange() {
        // the second article shows A, B, A, B within two hours: one headline test, counted once
        VersionChange none = VersionChange.NONE;
        List<EditedVersion> versions = List.of(
                new EditedVersion(T0, new ArticleText("A", null, BODY), false, none),
                new EditedVersion(T0.plusSeconds(3600), new ArticleText("B", null, BODY), false, none),
                new EditedVersion(T0.plusSeconds(7200), new ArticleText("B", null, List.of(BODY.get(0), "It sets aside 14 million euros.")),
                        false, new VersionChange(List.of(), true, List.of(new Fact("12", "14", FactKind.NUMBER)))));
        List<Sighting> flipFlops = List.of(new Sighting(T0.plusSeconds(5400), versions.get(0).text()),
                new Sighting(T0.plusSeconds(6300), versions.get(1).text()));
        ArticleEdits edits = ArticleEdits.of(versions, List.of(), null, T0.plus(Duration.ofDays(2)));
        ArticleEdits tested = ArticleEdits.of(versions.subList(0, 2), flipFlops, T0.plusSeconds(9000), T0.plus(Duration.ofDays(2)));
        EditingRecord record = EditingRecord.of("Daily", List.of(edits, tested));
        assertThat(record.articles()).isEqualTo(2);
        assertThat(record.changed()).isEqualTo(2);
        assertThat(record.medianFirstChange()).isEqualTo(Duration.ofHours(1));
        assertThat(record.weeks()).singleElement().isEqualTo(new EditingRecord.Week(EditingRecord.weekOf(T0), 2, 2, 0, 1, 1));
    }
}
