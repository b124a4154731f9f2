package dev.redline.track;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PollSummaryTest {
    @Test
    void theSummaryLineCountsInCorrectPlurals() {
        assertThat(new PollSummary(1, 0, 1, 1, 1, 0, 1, 0, 0, 1).line()).isEqualTo("1 feed polled (0 failed), 1 new article, "
                + "1 check: 1 new version, 0 unchanged, 1 flip-flop, 0 gone, 0 disallowed, 1 error");
        assertThat(new PollSummary(2, 1, 3, 4, 2, 2, 0, 0, 0, 0).line()).isEqualTo("2 feeds polled (1 failed), 3 new articles, "
                + "4 checks: 2 new versions, 2 unchanged, 0 flip-flops, 0 gone, 0 disallowed, 0 errors");
    }
}
