package dev.redline.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountedTest {
    @Test
    void oneIsSingularEverythingElsePlural() {
        assertThat(Counted.of(1, "version")).isEqualTo("1 version");
        assertThat(Counted.of(0, "version")).isEqualTo("0 versions");
        assertThat(Counted.of(2, "history", "histories")).isEqualTo("2 histories");
        assertThat(Counted.of(1, "history", "histories")).isEqualTo("1 history");
    }
}
