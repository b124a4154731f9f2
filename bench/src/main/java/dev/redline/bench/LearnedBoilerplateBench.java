package dev.redline.bench;

import dev.redline.extract.ExtractRules;
import dev.redline.extract.Extractor;
import dev.redline.extract.LearnedLines;
import dev.redline.learning.BoilerplateLearner;
import dev.redline.sim.Newsroom;
import dev.redline.sim.NewsroomSimulator;
import dev.redline.sim.SiteChrome;
import dev.redline.sim.Story;
import dev.redline.sim.VirtualClock;
import dev.redline.store.Article;
import dev.redline.store.LearningRules;
import dev.redline.store.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * What per-source learning does to extraction, on real pages and on the simulator, written as
 * prediction files for the Scrapinghub {@code evaluate.py} (bench/learning.sh scores them).
 *
 * <ul>
 *   <li>{@code scrapinghub HTML_DIR GROUND_TRUTH OUT_DIR}: leave-one-out per site. For every page of a
 *       site with several pages, a fresh source in a real SQLite store learns the site's other pages
 *       (through {@link BoilerplateLearner}, the tracker's read path) and then the held page is
 *       extracted through what it learned; pages of one-page sites are extracted as they are. One
 *       prediction file per {@link LearningRules} variant: none (generic rules), the shipped
 *       defaults, and the defaults with one article sufficing (what a two-page site could learn at
 *       most). Also writes {@code ground-truth-multi.json}, the pages of multi-page sites.</li>
 *   <li>{@code sim OUT_DIR STORIES}: a simulated local paper ({@link Newsroom#templated} under
 *       {@link SiteChrome#LOCAL_PAPER}) served on loopback; each story's first version is fetched over
 *       HTTP when it is published and read as the tracker reads it, learning as it goes, beside the
 *       generic extraction of the same bytes and learning without the rescue of the article's own
 *       lines. The ground truth is the story's text.</li>
 * </ul>
 * Single-threaded; the learning store lives under OUT_DIR (outside the repository).
 */
public final class LearnedBoilerplateBench {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2026-03-01T06:00:00Z");
    /** The shipped rules, and the same with a single other article enough (the most a two-page site allows). */
    private static final Map<String, LearningRules> VARIANTS = Map.of(
            "learned-default", LearningRules.DEFAULT,
            "learned-one-article", new LearningRules(1, 25, 200, 1, 5000, 50));
    /** Learning that never rescues: rescue only after more articles than any run here has. */
    private static final LearningRules NO_RESCUE = new LearningRules(3, 25, 200, Integer.MAX_VALUE, 5000, 50);

    private LearnedBoilerplateBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("scrapinghub")) {
            scrapinghub(Path.of(args[1]), Path.of(args[2]), Files.createDirectories(Path.of(args[3])));
        } else if (args.length >= 3 && args[0].equals("sim")) {
            sim(Files.createDirectories(Path.of(args[1])), Integer.parseInt(args[2]));
        } else {
            System.err.println("usage: LearnedBoilerplateBench scrapinghub HTML_DIR GROUND_TRUTH OUT_DIR | sim OUT_DIR STORIES");
            System.exit(2);
        }
    }

    private static void scrapinghub(Path htmlDir, Path groundTruth, Path out) throws IOException {
        Map<String, String> urls = ExtractionPeers.urls(groundTruth);
        List<ExtractionPeers.Page> pages = ExtractionPeers.load(htmlDir, urls);
        Map<String, List<ExtractionPeers.Page>> bySite = new TreeMap<>();
        for (ExtractionPeers.Page p : pages) {
            bySite.computeIfAbsent(URI.create(p.url()).getHost(), h -> new ArrayList<>()).add(p);
        }
        Extractor extractor = new Extractor();
        Map<String, Object> generic = new TreeMap<>();
        pages.forEach(p -> generic.put(p.id(), body(extractor.extract(p.body(), null, p.url()).text())));
        write(out.resolve("generic.json"), generic);
        for (Map.Entry<String, LearningRules> variant : VARIANTS.entrySet()) {
            Path db = out.resolve(variant.getKey() + ".db");
            Files.deleteIfExists(db);
            Map<String, Object> predictions = new TreeMap<>(generic);
            try (Store store = Store.open("jdbc:sqlite:" + db)) {
                BoilerplateLearner learner = new BoilerplateLearner(store, store.learnedLines(), variant.getValue());
                for (List<ExtractionPeers.Page> site : bySite.values()) {
                    for (ExtractionPeers.Page held : site.size() < 2 ? List.<ExtractionPeers.Page>of() : site) {
                        long source = store.addSource("loo-" + held.id().substring(0, 16), List.of(), List.of(),
                                ExtractRules.NONE).id();
                        for (ExtractionPeers.Page other : site) {
                            if (other != held) {
                                read(store, learner, source, other, true);
                            }
                        }
                        predictions.put(held.id(), body(read(store, learner, source, held, false)));
                    }
                }
            }
            write(out.resolve(variant.getKey() + ".json"), predictions);
        }
        Map<String, Object> multi = new TreeMap<>();
        JSON.readTree(groundTruth.toFile()).properties().forEach(e -> {
            if (bySite.get(URI.create(e.getValue().get("url").asString()).getHost()).size() > 1) {
                multi.put(e.getKey(), e.getValue());
            }
        });
        JSON.writeValue(out.resolve("ground-truth-multi.json").toFile(), multi);
        System.err.printf("%d pages, %d sites, %d pages of multi-page sites%n", pages.size(), bySite.size(), multi.size());
        cost(extractor, pages);
    }

    /**
     * CPU time of the plain extraction beside extraction through a lens (200 boilerplate and 1000
     * known fingerprints, rescue on, page lines reported): passes alternate, after one warm pass each.
     */
    private static void cost(Extractor extractor, List<ExtractionPeers.Page> pages) {
        java.util.Random random = new java.util.Random(1);
        java.util.Set<Long> boilerplate = new java.util.HashSet<>();
        java.util.Set<Long> known = new java.util.HashSet<>();
        while (known.size() < 1000) {
            long fp = random.nextLong();
            known.add(fp);
            if (boilerplate.size() < 200) {
                boilerplate.add(fp);
            }
        }
        LearnedLines lens = new LearnedLines(boilerplate, known, true);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] nanos = new long[2];
        for (int pass = 0; pass < 4; pass++) {
            for (int way = 0; way < 2; way++) {
                long start = cpu.getCurrentThreadCpuTime();
                for (ExtractionPeers.Page p : pages) {
                    if (way == 0) {
                        extractor.extract(p.body(), null, p.url());
                    } else {
                        extractor.extractForSource(p.body(), null, p.url(), ExtractRules.NONE, lens);
                    }
                }
                if (pass > 0) {
                    nanos[way] += cpu.getCurrentThreadCpuTime() - start;
                }
            }
        }
        int timed = 3 * pages.size();
        System.out.printf("extraction CPU per page over 3 alternating passes: generic %.2f ms, through a lens %.2f ms"
                + " (%.3fx)%n", nanos[0] / 1e6 / timed, nanos[1] / 1e6 / timed, (double) nanos[1] / nanos[0]);
    }

    /** Reads one page as the tracker reads an article's first version; learns from it when asked. */
    private static String read(Store store, BoilerplateLearner learner, long source, ExtractionPeers.Page page,
                               boolean learn) {
        Article article = store.upsertArticle(page.url() + "#" + source, source, T0);
        BoilerplateLearner.Reading reading = learner.read(article, page.body(), null, page.url());
        if (learn) { // as a check's slice does: count the lesson, then let the next reads see it
            learner.lesson(article, reading.page(), T0).ifPresent(lesson -> {
                store.learnedLines().count(lesson.sourceId(), lesson.articleId(), lesson.lines(), lesson.rules(), lesson.at());
                learner.taught(Set.of(lesson.sourceId()));
            });
        }
        return reading.page().extracted().text();
    }

    private static void sim(Path out, int stories) throws IOException, InterruptedException {
        VirtualClock clock = new VirtualClock(T0);
        Duration spacing = Duration.ofMinutes(30);
        Newsroom newsroom = Newsroom.templated("harbour", SiteChrome.LOCAL_PAPER, stories, 1, spacing, 11);
        Map<String, Object> truth = new TreeMap<>();
        Map<String, Map<String, Object>> predictions = new LinkedHashMap<>();
        for (String name : List.of("generic", "learned-default", "learned-no-rescue")) {
            predictions.put(name, new TreeMap<>());
        }
        Path db = out.resolve("sim.db");
        Files.deleteIfExists(db);
        Path dbNoRescue = out.resolve("sim-no-rescue.db");
        Files.deleteIfExists(dbNoRescue);
        Extractor extractor = new Extractor();
        try (NewsroomSimulator sim = NewsroomSimulator.start(clock, newsroom, T0);
             Store store = Store.open("jdbc:sqlite:" + db);
             Store storeNoRescue = Store.open("jdbc:sqlite:" + dbNoRescue);
             HttpClient http = HttpClient.newHttpClient()) {
            BoilerplateLearner learner = new BoilerplateLearner(store, store.learnedLines(), LearningRules.DEFAULT);
            BoilerplateLearner noRescue = new BoilerplateLearner(storeNoRescue, storeNoRescue.learnedLines(), NO_RESCUE);
            long source = store.addSource("harbour", List.of(), List.of(), ExtractRules.NONE).id();
            long sourceNoRescue = storeNoRescue.addSource("harbour", List.of(), List.of(), ExtractRules.NONE).id();
            List<Story> all = newsroom.sources().getFirst().stories();
            for (int i = 0; i < all.size(); i++) {
                Story story = all.get(i);
                clock.advanceTo(T0.plus(spacing.multipliedBy(i)));
                String url = sim.articleUrl("harbour", story.slug());
                byte[] page = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
                ExtractionPeers.Page p = new ExtractionPeers.Page(story.slug(), url, page);
                truth.put(story.slug(), Map.of("articleBody", String.join("\n", story.versions().getFirst().paragraphs()),
                        "url", url));
                predictions.get("generic").put(story.slug(), body(extractor.extract(page, null, url).text()));
                predictions.get("learned-default").put(story.slug(), body(read(store, learner, source, p, true)));
                predictions.get("learned-no-rescue").put(story.slug(),
                        body(read(storeNoRescue, noRescue, sourceNoRescue, p, true)));
            }
        }
        JSON.writeValue(out.resolve("ground-truth.json").toFile(), truth);
        for (Map.Entry<String, Map<String, Object>> e : predictions.entrySet()) {
            write(out.resolve(e.getKey() + ".json"), e.getValue());
        }
        System.err.printf("%d simulated articles of one source%n", stories);
    }

    private static Map<String, String> body(String text) {
        return Map.of("articleBody", text);
    }

    private static void write(Path file, Map<String, Object> predictions) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        JSON.writeValue(file.toFile(), Map.of("version", "redline " + name, "output", predictions));
    }
}
