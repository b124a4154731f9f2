package dev.redline.trace;

import dev.redline.article.ArticleText;
import dev.redline.extract.ExtractRules;
import dev.redline.fingerprint.Fingerprinter;
import dev.redline.ingest.Recording;
import dev.redline.ingest.VersionAnalyser;
import dev.redline.store.Article;
import dev.redline.store.NewVersion;
import dev.redline.store.Source;
import dev.redline.store.Store;
import dev.redline.store.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The trace labelled set: fictional histories stored in a real store, copies of chosen versions
 * with copier alterations (each labelled with the earliest version carrying the same material),
 * and unrelated stories on the same topics that must match nothing.
 */
final class LabelledSet {
    /** A labelled copy: the article and version it must be traced to. */
    record Case(ArticleText copy, FictionalNews.Alteration alteration, String url, int version) {
    }

    /** What a tracer got right. */
    record Score(int copies, int articleRight, int versionRight, int viaAnchors, int viaBands, int unrelated,
                 int falseMatches,
                 Map<FictionalNews.Alteration, int[]> byAlteration, List<String> misses) {
        double articleAccuracy() {
            return (double) articleRight / copies;
        }

        double versionAccuracy() {
            return (double) versionRight / copies;
        }
    }

    final List<Case> cases = new ArrayList<>();
    /** Stored text of every version, by article URL (for tuning the fingerprint without the database). */
    final Map<String, List<ArticleText>> stored = new java.util.LinkedHashMap<>();
    final List<ArticleText> unrelated = new ArrayList<>();

    /**
     * Stores {@code articles} fictional stories (1 to 6 versions each, one source in three adds its
     * own boilerplate line to every article) and builds {@code copies} labelled copies and
     * {@code unrelatedCount} unrelated stories.
     */
    static LabelledSet build(Store store, VersionAnalyser analyser, long seed, int articles, int copies,
                             int unrelatedCount) {
        FictionalNews news = new FictionalNews(seed);
        Random random = new Random(seed * 31 + 7);
        List<Source> sources = new ArrayList<>();
        String[] names = {"harbour-gazette", "daily-lantern", "north-wire", "coast-chronicle", "the-ledger"};
        for (String name : names) {
            sources.add(store.addSource(name, List.of(), List.of(), ExtractRules.NONE));
        }
        Instant start = Instant.parse("2026-03-02T06:00:00Z");
        List<String> urls = new ArrayList<>();
        // copies are made from the text without the source's own boilerplate line, as a copier's extractor would see it
        List<List<ArticleText>> histories = new ArrayList<>();
        List<List<ArticleText>> storedHistories = new ArrayList<>();
        for (int a = 0; a < articles; a++) {
            Source source = sources.get(a % sources.size());
            int topic = random.nextInt(news.topics());
            String url = "https://" + source.name() + ".example/news/" + a;
            Instant seen = start.plus(Duration.ofMinutes(17L * a));
            Article article = store.upsertArticle(url, source.id(), seen);
            List<ArticleText> history = new ArrayList<>();
            List<ArticleText> storedHistory = new ArrayList<>();
            ArticleText text = news.story(topic, 3 + random.nextInt(5));
            int versions = 1 + random.nextInt(6);
            for (int v = 0; v < versions; v++) {
                if (v > 0) {
                    text = news.revise(text, topic);
                }
                ArticleText stored = a % 3 == 0 ? withSourceBoilerplate(text, source.name()) : text;
                history.add(text);
                storedHistory.add(stored);
                Version previous = v == 0 ? null : store.version(article.id(), v - 1).orElseThrow();
                Version version = store.appendVersion(article.id(), new NewVersion(seen.plus(Duration.ofHours(2L * v)),
                        stored, Set.of(), false, null, null));
                analyser.analyse(new Recording(version, previous, Recording.Origin.TRACKED));
            }
            urls.add(url);
            histories.add(history);
            storedHistories.add(storedHistory);
        }
        LabelledSet set = new LabelledSet();
        for (int a = 0; a < articles; a++) {
            set.stored.put(urls.get(a), storedHistories.get(a));
        }
        FictionalNews.Alteration[] kinds = FictionalNews.Alteration.values();
        for (int c = 0; c < copies; c++) {
            int a = random.nextInt(articles);
            List<ArticleText> history = histories.get(a);
            int v = random.nextInt(history.size());
            FictionalNews.Alteration kind = kinds[c % kinds.length];
            FictionalNews.Copy copy = news.copy(history.get(v), kind);
            set.cases.add(new Case(copy.text(), kind, urls.get(a), earliestCarrying(history, v, copy)));
        }
        for (int u = 0; u < unrelatedCount; u++) {
            set.unrelated.add(news.story(random.nextInt(news.topics()), 3 + random.nextInt(5)));
        }
        return set;
    }

    private static ArticleText withSourceBoilerplate(ArticleText text, String source) {
        List<String> body = new ArrayList<>(text.paragraphs());
        body.add("Follow " + source + " on social media for live updates and breaking news alerts from our newsroom.");
        return new ArticleText(text.title(), text.byline(), body);
    }

    /** The earliest version with the same headline and every paragraph the copy was made from. */
    private static int earliestCarrying(List<ArticleText> history, int v, FictionalNews.Copy copy) {
        for (int w = 0; w < v; w++) {
            ArticleText candidate = history.get(w);
            if (candidate.title().equals(history.get(v).title())
                    && candidate.paragraphs().containsAll(copy.usedParagraphs())) {
                return w;
            }
        }
        return v;
    }

    /**
     * Scores the tracer, and for each copy also asks the index which of its two candidate sources
     * (anchors, LSH bands) proposed the right article.
     */
    /**
     * Candidate recall of one fingerprint setting, computed in memory: for how many copies a band
     * key, or an anchor, of some version of the right article is among the copy's; and how many
     * other articles each proposes per copy on average (work for verification).
     */
    String tuning(Fingerprinter fingerprinter) {
        Map<Long, Set<String>> bandPostings = new java.util.HashMap<>();
        Map<Long, Set<String>> anchorPostings = new java.util.HashMap<>();
        long anchorsStored = 0;
        for (var entry : stored.entrySet()) {
            Set<Long> articleAnchors = new java.util.HashSet<>();
            for (ArticleText version : entry.getValue()) {
                var fp = fingerprinter.of(version);
                for (long key : fp.bandKeys()) {
                    bandPostings.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(entry.getKey());
                }
                for (long anchor : fp.anchors()) {
                    anchorPostings.computeIfAbsent(anchor, k -> new java.util.HashSet<>()).add(entry.getKey());
                    articleAnchors.add(anchor);
                }
            }
            anchorsStored += articleAnchors.size();
        }
        int viaBands = 0;
        int viaAnchors = 0;
        long otherBands = 0;
        long otherAnchors = 0;
        for (Case c : cases) {
            var fp = fingerprinter.of(c.copy());
            Set<String> fromBands = new java.util.HashSet<>();
            Set<String> fromAnchors = new java.util.HashSet<>();
            for (long key : fp.bandKeys()) {
                fromBands.addAll(bandPostings.getOrDefault(key, Set.of()));
            }
            for (long anchor : fp.anchors()) {
                fromAnchors.addAll(anchorPostings.getOrDefault(anchor, Set.of()));
            }
            viaBands += fromBands.contains(c.url()) ? 1 : 0;
            viaAnchors += fromAnchors.contains(c.url()) ? 1 : 0;
            otherBands += fromBands.size() - (fromBands.contains(c.url()) ? 1 : 0);
            otherAnchors += fromAnchors.size() - (fromAnchors.contains(c.url()) ? 1 : 0);
        }
        return String.format(java.util.Locale.ROOT,
                "bands %2dx%d: recall %3d/%d, %.2f other articles | window %2d: anchors recall %3d/%d, "
                        + "%.2f other articles, %.0f anchor postings per article",
                fingerprinter.bands(), fingerprinter.rows(), viaBands, cases.size(), (double) otherBands / cases.size(),
                fingerprinter.window(), viaAnchors, cases.size(), (double) otherAnchors / cases.size(),
                (double) anchorsStored / stored.size());
    }

    Score score(Tracer tracer, Store store, TraceIndex index) {
        int viaAnchors = 0;
        int viaBands = 0;
        int articleRight = 0;
        int versionRight = 0;
        Map<FictionalNews.Alteration, int[]> byKind = new EnumMap<>(FictionalNews.Alteration.class);
        List<String> misses = new ArrayList<>();
        for (Case c : cases) {
            List<TraceMatch> matches = tracer.trace(c.copy(), 1, false).matches();
            long articleId = store.articleByUrl(c.url()).orElseThrow().id();
            for (Candidate candidate : index.candidates(Fingerprinter.DEFAULT.of(c.copy()), null, Tracer.MAX_CANDIDATES)) {
                if (candidate.articleId() == articleId) {
                    viaAnchors += candidate.anchorHits() > 0 ? 1 : 0;
                    viaBands += candidate.bandHits() > 0 ? 1 : 0;
                }
            }
            int[] counts = byKind.computeIfAbsent(c.alteration(), k -> new int[3]);
            counts[0]++;
            boolean article = !matches.isEmpty() && matches.getFirst().url().equals(c.url());
            boolean version = article && matches.getFirst().version() == c.version();
            if (article) {
                articleRight++;
                counts[1]++;
            }
            if (version) {
                versionRight++;
                counts[2]++;
            }
            if (!version) {
                misses.add(c.alteration() + " " + c.url() + " v" + c.version() + " -> "
                        + (matches.isEmpty() ? "nothing" : matches.getFirst().url() + " v" + matches.getFirst().version()
                        + " tied " + matches.getFirst().tiedVersions()));
            }
        }
        int falseMatches = 0;
        for (ArticleText text : unrelated) {
            if (!tracer.trace(text, 1, false).matches().isEmpty()) {
                misses.add("false match: " + tracer.trace(text, 1, false).matches().getFirst().url());
                falseMatches++;
            }
        }
        return new Score(cases.size(), articleRight, versionRight, viaAnchors, viaBands, unrelated.size(), falseMatches, byKind, misses);
    }
}
