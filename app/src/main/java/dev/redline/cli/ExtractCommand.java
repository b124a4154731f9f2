package dev.redline.cli;

import dev.redline.article.ArticleText;
import dev.redline.error.BadInput;
import dev.redline.extract.ExtractRules;
import dev.redline.extract.Extracted;
import dev.redline.extract.Extractor;
import dev.redline.extract.TextBlock;
import dev.redline.fetch.FetchConfig;
import dev.redline.json.Json;
import dev.redline.service.PageReader;
import dev.redline.service.PageReader.Page;
import dev.redline.service.Services;
import dev.redline.text.Counted;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code redline extract INPUT...}: the article (headline, byline, dates, body) of HTML files,
 * gzipped HTML files, folders of them, or http(s) URLs, all in one JVM. With {@code --out DIR}
 * each input becomes {@code NAME.json}, written to a temporary file and moved into place so no
 * half-written file is ever left. A bad input is reported and skipped; the exit code is 2 at the
 * end if any failed.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract headline, byline, dates and body from HTML pages (.html, .htm, .html.gz, folders, URLs).")
public final class ExtractCommand implements Callable<Integer> {
    /** Pages larger than this are refused: no news article is 64 MB of HTML. */
    static final long MAX_PAGE_BYTES = 64L << 20;


    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "HTML file (.html, .htm, .html.gz), folder of them, or http(s) URL")
    List<String> inputs;

    @Option(names = "--format", paramLabel = "text|json", description = "Output format on stdout (default: ${DEFAULT-VALUE})")
    OutputFormat format = OutputFormat.text;

    @Option(names = "--out", paramLabel = "DIR", description = "Write one NAME.json per input into DIR instead of stdout")
    Path outDir;

    @Option(names = "--url", paramLabel = "URL", description = "The page's address, for a single file input (resolves links; used when the page declares no canonical URL)")
    String pageUrl;

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Spec
    CommandSpec spec;

    @ParentCommand
    Redline root;

    /** Made when the first URL input comes, closed at the end of the run. */
    private Services services;

    @Override
    public Integer call() {
        List<String> expanded = expand(inputs);
        if (pageUrl != null && expanded.size() != 1) {
            throw new BadInput("--url applies to a single input, but " + expanded.size() + " were given");
        }
        if (outDir != null) {
            try {
                Files.createDirectories(outDir);
            } catch (IOException e) {
                throw new BadInput("cannot create output folder " + outDir + ": " + e.getMessage(), e);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = expanded.size() > 1 ? Progress.start("extract", expanded.size()) : null;
        Tally tally;
        long cpuStart = processCpuNanos();
        try {
            tally = extractAll(expanded, progress, out, err);
        } finally {
            if (services != null) {
                services.close();
            }
        }
        int failed = tally.failed();
        if (progress != null) {
            double seconds = Math.max(1e-9, tally.extractNanos() / 1e9);
            double cpuSeconds = Math.max(1e-9, (processCpuNanos() - cpuStart) / 1e9);
            int done = expanded.size() - failed;
            progress.finish(String.format(Locale.ROOT,
                    "%s, %d failed, %d without article, %.1f pages/s extracting, %.1f pages per CPU-second",
                    Counted.of(expanded.size(), "page"), failed, tally.withoutArticle(), done / seconds, done / cpuSeconds));
        }
        if (failed > 0) {
            throw new BadInput(failed + " of " + Counted.of(expanded.size(), "input") + " failed");
        }
        return 0;
    }

    /**
     * CPU time of the whole process (all threads: JIT, GC, I/O too), so a busy shared machine does
     * not distort throughput figures the way wall-clock time does.
     */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Counts of one run: inputs that failed, pages without an article, time spent extracting. */
    private record Tally(int failed, int withoutArticle, long extractNanos) {
    }

    private Tally extractAll(List<String> expanded, Progress progress, PrintWriter out, PrintWriter err) {
        Map<String, String> outputNames = new HashMap<>();
        Set<String> usedNames = new HashSet<>();
        int failed = 0;
        int withoutArticle = 0;
        long extractNanos = 0;
        for (String input : expanded) {
            try {
                Page page = load(input);
                long start = System.nanoTime();
                Extracted extracted = PageReader.extract(page, ExtractRules.NONE);
                extractNanos += System.nanoTime() - start;
                String noArticle = PageReader.noArticle(extracted);
                if (noArticle != null) {
                    withoutArticle++;
                    err.println("redline: " + Printable.of(input) + ": " + Printable.of(noArticle));
                }
                if (outDir != null) {
                    String name = outputNames.computeIfAbsent(input, in -> uniqueName(baseName(in), usedNames));
                    writeAtomically(outDir.resolve(name + ".json"), Json.write(asJson(extracted)));
                } else if (format == OutputFormat.json) {
                    out.println(Json.write(asJson(extracted)));
                } else {
                    printText(out, input, extracted, expanded.size() > 1);
                }
            } catch (BadInput e) {
                failed++;
                err.println("redline: " + Printable.of(input) + ": " + Printable.of(e.getMessage()));
            }
            err.flush();
            out.flush();
            if (progress != null) {
                progress.step();
            }
        }
        return new Tally(failed, withoutArticle, extractNanos);
    }

    /** The JSON shape of one extraction, keys in their documented order. */
    static Map<String, Object> asJson(Extracted x) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", x.url());
        json.put("title", x.title());
        json.put("byline", x.byline());
        json.put("published", x.published() == null ? null : x.published().toString());
        json.put("modified", x.modified() == null ? null : x.modified().toString());
        json.put("language", x.language());
        String noArticle = PageReader.noArticle(x);
        List<Map<String, String>> blocks = new ArrayList<>();
        if (noArticle == null) {
            for (TextBlock b : x.blocks()) {
                blocks.add(Map.of("kind", b.kind().jsonName(), "text", b.text()));
            }
        }
        json.put("paragraphs", noArticle == null ? x.paragraphs() : List.of());
        json.put("blocks", blocks);
        json.put("text", noArticle == null ? x.text() : "");
        Map<String, Object> verdict = new LinkedHashMap<>();
        boolean tooShort = x.found() && noArticle != null;
        verdict.put("kind", tooShort ? "too-short" : x.verdict().kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        verdict.put("reason", tooShort ? "under " + Extractor.MIN_ARTICLE_WORDS + " words of body text" : x.verdict().reason());
        json.put("verdict", verdict);
        return json;
    }


    private static void printText(PrintWriter out, String input, Extracted x, boolean many) {
        if (many) {
            out.println("==> " + Printable.of(input) + " <==");
        }
        out.println(x.title() == null ? "(no title)" : Printable.of(x.title()));
        List<String> facts = new ArrayList<>();
        if (x.byline() != null) {
            facts.add("by " + Printable.of(x.byline()));
        }
        if (x.published() != null) {
            facts.add("published " + x.published());
        }
        if (x.modified() != null) {
            facts.add("modified " + x.modified());
        }
        if (x.language() != null) {
            facts.add("language " + Printable.of(x.language()));
        }
        if (x.url() != null) {
            facts.add(Printable.of(x.url()));
        }
        if (!facts.isEmpty()) {
            out.println(String.join(" · ", facts));
        }
        out.println();
        String noArticle = PageReader.noArticle(x);
        if (noArticle != null) {
            out.println("(" + Printable.of(noArticle) + ")");
            return;
        }
        for (String paragraph : x.paragraphs()) {
            out.println(Printable.of(paragraph));
            out.println();
        }
    }

    private Page load(String input) {
        if (PageReader.looksLikeUrl(input)) {
            if (services == null) {
                services = Services.create(Services.Settings.of(root.config())
                        .withPageFetch(network.applyTo(FetchConfig.defaults())));
            }
            return services.pages().fetch(input);
        }
        Path path = Path.of(input);
        if (!Files.isRegularFile(path)) {
            throw new BadInput("no such file");
        }
        if (!isHtmlFile(input)) {
            throw new BadInput("not an HTML file (expected .html, .htm or .html.gz)");
        }
        return new Page(readPage(path), null, pageUrl);
    }

    /**
     * The article of one HTML file (.html, .htm, .html.gz), or a {@link BadInput} when it has
     * none; {@code redline diff} reads HTML versions through this.
     */
    static ArticleText extractFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInput(file + ": no such file");
        }
        return PageReader.article(new Page(readPage(file), null, null), file.toString());
    }

    /** Reads a page, gunzipping {@code .gz}; shared with other commands that take HTML files. */
    static byte[] readPage(Path path) {
        try (InputStream raw = Files.newInputStream(path);
             InputStream in = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                     ? new GZIPInputStream(raw) : raw) {
            byte[] body = in.readNBytes((int) MAX_PAGE_BYTES + 1);
            if (body.length > MAX_PAGE_BYTES) {
                throw new BadInput("page larger than " + (MAX_PAGE_BYTES >> 20) + " MB");
            }
            return body;
        } catch (NoSuchFileException e) {
            throw new BadInput(path + ": no such file", e);
        } catch (IOException e) {
            throw new BadInput("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    static boolean isHtmlFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".html.gz") || lower.endsWith(".htm.gz");
    }

    /** Folders become the HTML files directly inside them, sorted; everything else stays as given. */
    private static List<String> expand(List<String> inputs) {
        List<String> out = new ArrayList<>();
        for (String input : inputs) {
            Path path = PageReader.looksLikeUrl(input) ? null : Path.of(input);
            if (path != null && Files.isDirectory(path)) {
                List<String> pages;
                try (Stream<Path> files = Files.list(path)) {
                    pages = files.filter(p -> Files.isRegularFile(p) && isHtmlFile(p.getFileName().toString()))
                            .map(Path::toString).sorted().toList();
                } catch (IOException | UncheckedIOException e) {
                    throw new BadInput("cannot list folder " + input + ": " + e.getMessage(), e);
                }
                if (pages.isEmpty()) {
                    throw new BadInput("folder " + input + " has no .html, .htm or .html.gz files");
                }
                out.addAll(pages);
            } else {
                out.add(input);
            }
        }
        return out;
    }

    static String baseName(String input) {
        String name;
        if (PageReader.looksLikeUrl(input)) {
            String rest = input.replaceFirst("(?i)^https?://", "").replaceAll("[?#].*$", "").replaceAll("/+$", "");
            name = rest.replaceAll("[^A-Za-z0-9._-]+", "_");
        } else {
            name = Path.of(input).getFileName().toString().replaceFirst("(?i)\\.(html?)(\\.gz)?$", "");
        }
        name = name.replaceAll("^[._]+", "");
        if (name.length() > 120) {
            name = name.substring(0, 120);
        }
        return name.isEmpty() ? "page" : name;
    }

    private static String uniqueName(String base, Set<String> used) {
        String name = base;
        for (int n = 2; !used.add(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    private static void writeAtomically(Path target, String content) {
        try {
            AtomicFile.write(target, content);
        } catch (IOException e) {
            throw new BadInput("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
