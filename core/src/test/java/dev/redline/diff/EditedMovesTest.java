package dev.redline.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class EditedMovesTest {
    private static final String CUT = "Services across the town will be severely disrupted.";
    private static final String REWORDED = "Almost all services across the town and to Dunmere will be cancelled.";

    private static List<EditedMoves.Candidate> among(List<String> olds, List<String> news) {
        List<Sentence> o = olds.stream().map(t -> new Sentence(olds.indexOf(t), t)).toList();
        List<Sentence> n = news.stream().map(t -> new Sentence(news.indexOf(t), t)).toList();
        return EditedMoves.among(o, n, new PairScore(), olds.size(), news.size());
    }

    @Test
    void aRewordedPairBelowTheMoveThresholdIsACandidateWhenEachIsTheOthersBestMatch() {
        // overlap about 0.56: above the in-place edit threshold, below the move threshold
        assertThat(among(List.of(CUT), List.of(REWORDED)))
                .extracting(EditedMoves.Candidate::oldIndex, EditedMoves.Candidate::newIndex)
                .containsExactly(Tuple.tuple(0, 0));
    }

    @Test
    void notWhenTheNewSentenceResemblesAnotherOldOneMore() {
        List<EditedMoves.Candidate> candidates = among(
                List.of(CUT, "Almost all services across the town to Dunmere will be disrupted."),
                List.of(REWORDED, "Almost all services across the town to Dunmere will be disrupted on Monday."));
        assertThat(candidates).noneMatch(c -> c.oldIndex() == 0 && c.newIndex() == 0);
        assertThat(candidates.get(0)).extracting(EditedMoves.Candidate::oldIndex, EditedMoves.Candidate::newIndex)
                .containsExactly(1, 1);
    }
}
