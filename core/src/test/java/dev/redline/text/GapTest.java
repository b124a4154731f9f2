package dev.redline.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GapTest {

    @Test
    void newsSnifferWording() {
        assertThat(Gap.describe(Duration.ofSeconds(20))).isEqualTo("less than a minute later");
        assertThat(Gap.describe(Duration.ofSeconds(70))).isEqualTo("1 minute later");
        assertThat(Gap.describe(Duration.ofMinutes(17))).isEqualTo("17 minutes later");
        assertThat(Gap.describe(Duration.ofMinutes(50))).isEqualTo("about 1 hour later");
        assertThat(Gap.describe(Duration.ofHours(6).plusMinutes(10))).isEqualTo("about 6 hours later");
        assertThat(Gap.describe(Duration.ofHours(30))).isEqualTo("1 day later");
        assertThat(Gap.describe(Duration.ofDays(3))).isEqualTo("3 days later");
        assertThat(Gap.describe(Duration.ofDays(35))).isEqualTo("about 1 month later");
        assertThat(Gap.describe(Duration.ofDays(130))).isEqualTo("4 months later");
        assertThat(Gap.describe(Duration.ofDays(370))).isEqualTo("about 1 year later");
        assertThat(Gap.describe(Duration.ofDays(500))).isEqualTo("over 1 year later");
        assertThat(Gap.describe(Duration.ofDays(700))).isEqualTo("almost 2 years later");
    }

    @Test
    void negativeGapReadsEarlier() {
        assertThat(Gap.describe(Duration.ofDays(-3))).isEqualTo("3 days earlier");
    }
}
