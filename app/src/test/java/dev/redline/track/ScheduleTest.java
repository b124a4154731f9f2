package dev.redline.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    private final Schedule s = Schedule.NEWSSNIFFER;

    @Test
    void growsByTwentyPercentPerUnchangedCheckAndResetsOnChange() {
        assertThat(s.afterUnchanged(Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(36));
        assertThat(s.afterUnchanged(Duration.ofMinutes(36))).isEqualTo(Duration.ofSeconds(2592));
        assertThat(s.afterChange()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void settlesOnceTheIntervalPassesFortyDays() {
        Duration interval = s.afterChange();
        int checks = 0;
        while (!s.settled(interval)) {
            interval = s.afterUnchanged(interval);
            checks++;
        }
        // 30 min × 1.2^n > 40 days  ⇔  n > log(1920)/log(1.2) ≈ 41.5
        assertThat(checks).isEqualTo(42);
        assertThat(s.settled(Duration.ofDays(40))).isFalse();
    }

    @Test
    void failuresBackOffExponentiallyUpToTheCap() {
        assertThat(s.afterFailure(1)).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.afterFailure(2)).isEqualTo(Duration.ofHours(1));
        assertThat(s.afterFailure(4)).isEqualTo(Duration.ofHours(4));
        assertThat(s.afterFailure(10)).isEqualTo(Duration.ofDays(1));
        assertThat(s.afterFailure(500)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Schedule(Duration.ZERO, 1.2, Duration.ofDays(1), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid schedule");
        assertThatThrownBy(() -> new Schedule(Duration.ofMinutes(1), 0.5, Duration.ofDays(1), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
