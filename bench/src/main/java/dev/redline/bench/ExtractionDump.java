package dev.redline.bench;

import dev.redline.extract.Extractor;
import dev.redline.extract.ExtractRules;
import dev.redline.extract.LearnedLines;
import dev.redline.extract.SourceReading;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything Redline's extractor gives for every page of a set, one JSON line per page: the whole
 * {@code Extracted} (metadata, blocks with their kinds, verdict) and the candidate lines a learning
 * tracker counts. A speed change must leave this file byte-identical ({@code bench/extraction-identity.sh}
 * diffs two of them).
 *
 * <p>Usage: {@code ExtractionDump HTML_DIR OUT.jsonl [URLS.json]}, HTML_DIR and URLS.json as for
 * {@link ExtractionPeers}. Single threaded.
 */
public final class ExtractionDump {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExtractionDump() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ExtractionDump HTML_DIR OUT.jsonl [URLS.json]");
            System.exit(2);
        }
        Map<String, String> urls = args.length > 2 ? ExtractionPeers.urls(Path.of(args[2])) : Map.of();
        List<ExtractionPeers.Page> pages = ExtractionPeers.load(Path.of(args[0]), urls);
        Extractor extractor = new Extractor();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (ExtractionPeers.Page page : pages) {
                SourceReading reading = extractor.extractForSource(page.body(), null, page.url(), ExtractRules.NONE,
                        LearnedLines.NONE);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", page.id());
                line.put("extracted", reading.extracted());
                line.put("lines", reading.lines());
                out.write(JSON.writeValueAsString(line));
                out.newLine();
            }
        }
        System.err.println("ExtractionDump: " + pages.size() + " pages to " + args[1]);
    }
}
