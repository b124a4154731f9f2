package dev.redline.change;

import java.time.Instant;
import java.util.List;

/**
 * Headline variants shown in turn over an unchanged (or nearly unchanged) body: one A/B test, not a
 * stream of changes. Immutable; part of Redline's public JSON ({@code headlineTests} of a history).
 *
 * @param variants  the headlines, in the order they were first seen
 * @param seen      how many times each variant was seen, index for index
 * @param firstSeen when the first variant of the test was seen
 * @param lastSeen  when the test's last sighting was
 * @param winner    the headline left when the alternation stopped, or null while it may go on
 */
public record HeadlineTest(List<String> variants, List<Integer> seen, Instant firstSeen, Instant lastSeen, String winner) {
    public HeadlineTest {
        variants = List.copyOf(variants);
        seen = List.copyOf(seen);
    }
}
