package dev.redline.bench;

import com.sun.management.OperatingSystemMXBean;
import de.l3s.boilerpipe.extractors.ArticleExtractor;
import dev.redline.extract.Extracted;
import dev.redline.extract.Extractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.xml.sax.InputSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redline's extractor beside the Java extractors a user would otherwise pick (readability4j 1.0.8,
 * boilerpipe 1.2.2 ArticleExtractor), in one JVM on the same pages: each runs all pages
 * {@code passes} times in turn, and its last (warm) pass is timed in process CPU time (all threads:
 * JIT and GC count) and wall time. Every extractor gets the raw bytes of the page and does its own
 * decoding and parsing, as it would in an application. Writes one prediction file per extractor in
 * the Scrapinghub evaluator's shape and a {@code timing.json}; {@code bench/extraction/score.py}
 * scores them.
 *
 * <p>Usage: {@code ExtractionPeers HTML_DIR OUT_DIR [PASSES] [URLS.json] [NAMES]} where HTML_DIR
 * holds {@code <id>.html.gz}, the optional URLS.json maps ids to objects with a {@code url}, and
 * NAMES (comma-separated, default all) picks extractors. Single threaded; run it pinned to one CPU.
 */
public final class ExtractionPeers {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Block elements after which readability4j's text gets a line break (java-deps.md gotcha 23). */
    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, tr, div, dt, dd, br";
    /** readability4j needs an absolute URL to resolve links; pages of unknown origin get this one, as in readability.mjs. */
    private static final String UNKNOWN_ORIGIN = "https://example.invalid/";

    /** One page of the set, its bytes already in memory so that reading files is never timed. */
    record Page(String id, String url, byte[] body) {
    }

    /** The text and title one extractor gave for one page. */
    record Output(String articleBody, String title) {
    }

    /** An extractor under test: raw page in, text and title out. */
    interface Candidate {
        Output extract(Page page) throws Exception;
    }

    private ExtractionPeers() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ExtractionPeers HTML_DIR OUT_DIR [PASSES] [URLS.json] [NAMES]");
            System.exit(2);
        }
        Path htmlDir = Path.of(args[0]);
        Path outDir = Files.createDirectories(Path.of(args[1]));
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Map<String, String> urls = args.length > 3 && !args[3].isEmpty() ? urls(Path.of(args[3])) : Map.of();
        List<String> names = args.length > 4 ? List.of(args[4].split(",")) : List.of();
        List<Page> pages = load(htmlDir, urls);
        Extractor redline = new Extractor();
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        candidates.put("redline", page -> {
            Extracted x = redline.extract(page.body(), null, page.url());
            return new Output(x.text(), x.title() == null ? "" : x.title());
        });
        candidates.put("readability4j", ExtractionPeers::readability4j);
        candidates.put("boilerpipe", page -> new Output(
                ArticleExtractor.INSTANCE.getText(new InputSource(new ByteArrayInputStream(page.body()))), ""));

        Map<String, Object> timing = new LinkedHashMap<>();
        for (Map.Entry<String, Candidate> c : candidates.entrySet()) {
            if (!names.isEmpty() && !names.contains(c.getKey())) {
                continue;
            }
            Map<String, Object> t = run(c.getKey(), c.getValue(), pages, passes, outDir);
            timing.put(c.getKey(), t);
            System.err.printf("%s: %d pages, warm %.1f pages/s wall, %.1f pages per CPU-second (%.1f per thread"
                            + " CPU-second, %.1f s compiling), %s failures; CPU seconds per pass %s%n",
                    c.getKey(), pages.size(), t.get("pages_per_second_warm"), t.get("pages_per_cpu_second_warm"),
                    t.get("pages_per_thread_cpu_second_warm"), t.get("compilation_seconds_warm"), t.get("failures"),
                    t.get("cpu_seconds_per_pass"));
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(outDir.resolve("timing.json").toFile(), timing);
    }

    private static Map<String, Object> run(String name, Candidate candidate, List<Page> pages, int passes,
                                           Path outDir) throws IOException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean thread = ManagementFactory.getThreadMXBean();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        Map<String, Output> output = new LinkedHashMap<>();
        double wall = 0;
        double cpu = 0;
        double threadCpu = 0;
        double compilation = 0;
        List<Double> cpuPerPass = new ArrayList<>();
        int failures = 0;
        for (int pass = 0; pass < passes; pass++) {
            failures = 0;
            long wallStart = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            long threadStart = thread.getCurrentThreadCpuTime();
            long jitStart = jit.getTotalCompilationTime();
            for (Page page : pages) {
                Output out;
                try {
                    out = candidate.extract(page);
                } catch (Exception | StackOverflowError broken) {
                    // a peer that throws on a page scores an empty text there, as the evaluator expects
                    if (failures++ == 0 && pass == 0) {
                        System.err.println(name + ": first failure on " + page.id() + ": " + broken);
                    }
                    out = new Output("", "");
                }
                output.put(page.id(), out);
            }
            wall = (System.nanoTime() - wallStart) / 1e9;
            cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
            threadCpu = (thread.getCurrentThreadCpuTime() - threadStart) / 1e9;
            compilation = (jit.getTotalCompilationTime() - jitStart) / 1e3;
            cpuPerPass.add(cpu);
        }
        JSON.writeValue(outDir.resolve(name + ".json").toFile(), Map.of("version", name, "output", output));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("pages", pages.size());
        t.put("passes", passes);
        t.put("wall_seconds_warm", wall);
        t.put("cpu_seconds_warm", cpu);
        t.put("pages_per_second_warm", pages.size() / Math.max(1e-9, wall));
        t.put("pages_per_cpu_second_warm", pages.size() / Math.max(1e-9, cpu));
        // whether the timed pass was warm: the JIT compiling during it shows as process CPU beyond the
        // extracting thread's, and as compilation time (the JVM's estimate, elapsed in compiler threads)
        t.put("cpu_seconds_per_pass", cpuPerPass);
        t.put("thread_cpu_seconds_warm", threadCpu);
        t.put("pages_per_thread_cpu_second_warm", pages.size() / Math.max(1e-9, threadCpu));
        t.put("compilation_seconds_warm", compilation);
        t.put("failures", failures);
        return t;
    }

    private static Output readability4j(Page page) throws IOException {
        // jsoup settles the charset from the bytes and the page's meta tag, as an application would
        String url = page.url() == null ? UNKNOWN_ORIGIN : page.url();
        Document doc = Jsoup.parse(new ByteArrayInputStream(page.body()), null, url);
        Article article = new Readability4J(url, doc).parse();
        Element content = article.getArticleContent();
        if (content == null) {
            return new Output("", article.getTitle() == null ? "" : article.getTitle());
        }
        for (Element block : content.select(BLOCKS)) {
            if (block.parent() != null) {
                block.after(new TextNode("\n"));
            }
        }
        return new Output(content.wholeText(), article.getTitle() == null ? "" : article.getTitle());
    }

    static List<Page> load(Path htmlDir, Map<String, String> urls) throws IOException {
        List<Page> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(htmlDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".html.gz")).sorted().toList()) {
                String id = f.getFileName().toString().replaceFirst("\\.html\\.gz$", "");
                try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                    String url = urls.get(id);
                    pages.add(new Page(id, url != null && url.startsWith("http") ? url : null, in.readAllBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(f + ": " + e.getMessage(), e);
                }
            }
        }
        return pages;
    }

    static Map<String, String> urls(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        JSON.readTree(file.toFile()).properties().forEach(e -> out.put(e.getKey(), e.getValue().path("url").asString("")));
        return out;
    }
}
