package dev.redline.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stealth and note detection on the labelled change set ({@code src/test/resources/change-labelled},
 * written by {@code bench/change/make_labelled.py}): precision and recall on the dev part (tuned on)
 * and on the held-out part (not looked at while tuning), each reported on its own line for
 * BENCHMARKS.md. Notes are scored per (pair, kind) added.
 */
class LabelledChangesTest {
    /** The target for both figures on both parts. */
    private static final double FLOOR = 0.9;
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    record Scores(int pairs, double stealthPrecision, double stealthRecall, double notePrecision, double noteRecall) {
        @Override
        public String toString() {
            return String.format("%d pairs: stealth precision %.3f recall %.3f; notes precision %.3f recall %.3f",
                    pairs, stealthPrecision, stealthRecall, notePrecision, noteRecall);
        }
    }

    @Test
    void dev() {
        check("dev");
    }

    @Test
    void heldOut() {
        check("heldout");
    }

    @Test
    void theSetHasTwoHundredPairsInFiveLanguages() {
        List<JsonNode> all = new ArrayList<>(read("dev"));
        all.addAll(read("heldout"));
        assertThat(all).hasSizeGreaterThanOrEqualTo(200);
        assertThat(all.stream().map(p -> p.get("lang").asString()).distinct()).containsExactlyInAnyOrder("en", "de", "fr", "es", "it");
    }

    private static void check(String part) {
        Scores scores = score(part);
        System.out.println("change-labelled " + part + ": " + scores);
        assertThat(scores.stealthPrecision()).as(part + " stealth precision").isGreaterThanOrEqualTo(FLOOR);
        assertThat(scores.stealthRecall()).as(part + " stealth recall").isGreaterThanOrEqualTo(FLOOR);
        assertThat(scores.notePrecision()).as(part + " note precision").isGreaterThanOrEqualTo(FLOOR);
        assertThat(scores.noteRecall()).as(part + " note recall").isGreaterThanOrEqualTo(FLOOR);
    }

    static Scores score(String part) {
        int[] stealth = new int[3];
        int[] notes = new int[3];
        List<JsonNode> pairs = read(part);
        for (JsonNode pair : pairs) {
            VersionChange change = Changes.between(text(pair.get("old")), text(pair.get("new")));
            tally(stealth, pair.get("stealth").asBoolean(), change.stealth());
            Set<String> expected = new HashSet<>();
            pair.get("notes").forEach(n -> expected.add(n.asString()));
            Set<String> found = new HashSet<>();
            change.notes().forEach(n -> found.add(n.kind().toString()));
            for (String kind : List.of("correction", "update", "clarification", "editor")) {
                tally(notes, expected.contains(kind), found.contains(kind));
            }
            if (pair.get("stealth").asBoolean() != change.stealth() || !expected.equals(found)) {
                System.out.println("  miss " + pair.get("id").asString() + ": stealth " + change.stealth() + " facts " + change.facts()
                        + " notes " + found);
            }
        }
        return new Scores(pairs.size(), ratio(stealth[0], stealth[1]), ratio(stealth[0], stealth[2]),
                ratio(notes[0], notes[1]), ratio(notes[0], notes[2]));
    }

    /** counts[0] true positives, [1] false positives, [2] false negatives. */
    private static void tally(int[] counts, boolean expected, boolean found) {
        if (expected && found) {
            counts[0]++;
        } else if (found) {
            counts[1]++;
        } else if (expected) {
            counts[2]++;
        }
    }

    private static double ratio(int hits, int misses) {
        return hits + misses == 0 ? 1 : hits / (double) (hits + misses);
    }

    private static ArticleText text(JsonNode node) {
        List<String> paragraphs = new ArrayList<>();
        node.get("paragraphs").forEach(p -> paragraphs.add(p.asString()));
        return new ArticleText(node.get("title").asString(), null, paragraphs);
    }

    private static List<JsonNode> read(String part) {
        try (InputStream in = LabelledChangesTest.class.getResourceAsStream("/change-labelled/" + part + ".jsonl")) {
            List<JsonNode> pairs = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    pairs.add(MAPPER.readTree(line));
                }
            }
            return pairs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
