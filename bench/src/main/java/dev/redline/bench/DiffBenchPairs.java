package dev.redline.bench;

import dev.redline.article.ArticleText;
import dev.redline.diff.Diff;
import dev.redline.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Exports what the Python peer ({@code bench/diff/ndiff_peer.py}) needs to be measured on the
 * same ground: the benchmark pairs as sentence lists (split by Redline, so both sides align the
 * same sentences), and Redline's own diff of every labelled pair, so one scorer computes both
 * F1 figures.
 * <p>Usage: {@code DiffBenchPairs PAIRS_OUT [LABELLED_IN REDLINE_OUT]}
 */
public final class DiffBenchPairs {
    private DiffBenchPairs() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Object> pairs = new LinkedHashMap<>();
        List<Map<String, List<String>>> typical = new ArrayList<>();
        for (DiffCorpus.Pair pair : DiffCorpus.typical(DiffBenchmark.TYPICAL_PAIRS, DiffBenchmark.SEED)) {
            typical.add(sentences(pair));
        }
        pairs.put("typical", typical);
        pairs.put("large", sentences(DiffCorpus.large(5_000, 50, DiffBenchmark.SEED)));
        Files.writeString(Path.of(args[0]), Json.write(pairs));
        if (args.length >= 3) {
            List<Object> results = new ArrayList<>();
            for (JsonNode pair : Json.MAPPER.readTree(Files.readString(Path.of(args[1])))) {
                results.add(Map.of("name", pair.get("name").asString(),
                        "diff", Diff.compare(article(pair.get("old")), article(pair.get("new")))));
            }
            Files.writeString(Path.of(args[2]), Json.write(results));
        }
    }

    private static Map<String, List<String>> sentences(DiffCorpus.Pair pair) {
        return Map.of("old", Diff.sentences(pair.before()), "new", Diff.sentences(pair.after()));
    }

    private static ArticleText article(JsonNode side) {
        List<String> paragraphs = new ArrayList<>();
        side.get("paragraphs").forEach(p -> paragraphs.add(p.asString()));
        return new ArticleText(side.get("title").asString(), null, paragraphs);
    }
}
