package dev.redline.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the editing record reads an article's events: take-downs and flip-flops, by wire name. */
class HistoryEventTest {
    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");
    private static final List<ArticleText> VERSIONS = List.of(
            new ArticleText("A", null, List.of("One.")), new ArticleText("B", null, List.of("One.")));

    @Test
    void theFirstTakeDownCountsAndOtherKindsDoNot() {
        List<HistoryEvent> events = List.of(new HistoryEvent(T, "teaser", "C"), new HistoryEvent(T.plusSeconds(60), "unpublished", null),
                new HistoryEvent(T.plusSeconds(120), "gone", "HTTP 410"));
        assertThat(HistoryEvent.takenDown(events)).isEqualTo(T.plusSeconds(60));
        assertThat(HistoryEvent.takenDown(events.subList(0, 1))).isNull();
    }

    @Test
    void aFlipFlopIsASightingOfTheVersionItNamesInTheRecordersWording() {
        List<HistoryEvent> events = List.of(new HistoryEvent(T, HistoryEvent.FLIP_FLOP, HistoryEvent.flipFlopDetail(0, 1)),
                new HistoryEvent(T.plusSeconds(60), HistoryEvent.FLIP_FLOP, HistoryEvent.flipFlopDetail(7, 1)),
                new HistoryEvent(T.plusSeconds(90), HistoryEvent.FLIP_FLOP, null),
                new HistoryEvent(T.plusSeconds(120), "redirected", "the page shows version 1 again"));
        assertThat(HistoryEvent.flipFlops(events, VERSIONS)).containsExactly(new Sighting(T, VERSIONS.get(0)));
    }
}
