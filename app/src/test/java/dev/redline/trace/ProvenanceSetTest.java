package dev.redline.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import dev.redline.fingerprint.Fingerprint;
import dev.redline.fingerprint.Fingerprinter;
import dev.redline.provenance.Passage;
import dev.redline.store.Store;
import dev.redline.store.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accuracy on the hard provenance set ({@link ProvenanceSet}), the tracer against today's rule
 * (most shared shingles, earliest on a tie) in the same run, per kind of damage. The method was
 * tuned on the dev seeds only; the held-out seeds were run once it was done (BENCHMARKS.md, "Trace").
 */
class ProvenanceSetTest {
    static final long[] DEV_SEEDS = {11, 12};
    static final long[] HELD_OUT_SEEDS = {21, 22};
    static final int ARTICLES_PER_SEED = 50;
    static final int UNRELATED_PER_SEED = 250;

    @TempDir
    Path dir;

    /** The targets: 99 % article and 95 % version for every kind of damage, no false match. */
    @Test
    void devSeeds() {
        assertAtLeast(run("dev", DEV_SEEDS), 0.99, 0.95);
    }

    /**
     * The held-out seeds reach 96.3 % version overall but fall short of the per-kind targets
     * (BENCHMARKS.md, "Trace": the lowest kinds are 98.5 % article for excerpts, 93.0 % version for
     * spun copies); this guards the measured level against regressions.
     */
    @Test
    void heldOutSeeds() {
        assertAtLeast(run("held-out", HELD_OUT_SEEDS), 0.98, 0.92);
    }

    private static void assertAtLeast(Tally tally, double article, double version) {
        tally.byDamage.forEach((damage, t) -> {
            assertThat(t.article(0)).as(damage + " article").isGreaterThanOrEqualTo(article);
            assertThat(t.version(0)).as(damage + " version").isGreaterThanOrEqualTo(version);
            // and never worse than today's rule
            assertThat(t.version(0)).as(damage + " version against today's rule").isGreaterThanOrEqualTo(t.version(1));
        });
        assertThat(tally.falseMatches[0]).isZero();
    }

    /** Counts per damage kind; index 0 the tracer, index 1 today's rule. */
    static final class Counts {
        int copies;
        final int[] article = new int[2];
        final int[] version = new int[2];

        double article(int rule) {
            return (double) article[rule] / copies;
        }

        double version(int rule) {
            return (double) version[rule] / copies;
        }
    }

    static final class Tally {
        final Map<ProvenanceSet.Damage, Counts> byDamage = new EnumMap<>(ProvenanceSet.Damage.class);
        final int[] falseMatches = new int[2];
        int unrelated;
        final List<String> misses = new ArrayList<>();
        /** The best keyword-run share ({@code Passage.keywordRunShareIn}) among the candidates, for spun copies and unrelated texts. */
        final List<Double> spunShares = new ArrayList<>();
        final List<Double> unrelatedShares = new ArrayList<>();
    }

    /** The highest keyword-run share of the text in any version of any candidate article. */
    private static double bestShare(Store store, TraceIndex index, ArticleText text) {
        Passage copy = Passage.of(text);
        double best = 0;
        for (Candidate candidate : index.candidates(Fingerprinter.DEFAULT.of(text), null, Tracer.MAX_CANDIDATES)) {
            for (Version v : store.versions(candidate.articleId())) {
                best = Math.max(best, copy.keywordRunShareIn(Passage.of(v.text())));
            }
        }
        return best;
    }

    private static String percentiles(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return "none";
        }
        return String.format(Locale.ROOT, "min %.2f, 5th pct %.2f, median %.2f, 95th pct %.2f, max %.2f", sorted.getFirst(),
                sorted.get(sorted.size() / 20), sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 19 / 20), sorted.getLast());
    }

    /** A pick: the top article's URL and version, or null for no match. */
    record Pick(String url, int version) {
    }

    private Tally run(String split, long[] seeds) {
        Tally tally = new Tally();
        double spun = 0;
        for (long seed : seeds) {
            try (Store store = Store.open("jdbc:sqlite:" + dir.resolve("provenance-" + seed + ".db"))) {
                Tracer tracer = new Tracer(store);
                ProvenanceSet set = ProvenanceSet.build(store, seed, ARTICLES_PER_SEED, UNRELATED_PER_SEED);
                tracer.reindex(n -> { }); // the histories were stored without the recording path: index them all
                spun += set.spunShare / seeds.length;
                TraceIndex index = new TraceIndex(store.tracePostings());
                for (ProvenanceSet.Case c : set.cases) {
                    Counts counts = tally.byDamage.computeIfAbsent(c.damage(), d -> new Counts());
                    counts.copies++;
                    Pick[] picks = {tracerPick(tracer, c.copy()), todaysRule(store, index, c.copy())};
                    if (c.damage() == ProvenanceSet.Damage.SPUN) {
                        tally.spunShares.add(bestShare(store, index, c.copy()));
                    }
                    for (int rule = 0; rule < 2; rule++) {
                        boolean article = picks[rule] != null && picks[rule].url().equals(c.url());
                        counts.article[rule] += article ? 1 : 0;
                        counts.version[rule] += article && picks[rule].version() == c.label() ? 1 : 0;
                    }
                    if (picks[0] == null || !picks[0].url().equals(c.url()) || picks[0].version() != c.label()) {
                        tally.misses.add(c.damage() + " " + c.url() + " copy of v" + c.copied() + " label v" + c.label()
                                + " -> " + picks[0]);
                    }
                }
                for (ArticleText text : set.unrelated) {
                    tally.unrelated++;
                    if (tracerPick(tracer, text) != null) {
                        tally.falseMatches[0]++;
                        TraceMatch m = tracer.trace(text, 1, false).matches().getFirst();
                        tally.misses.addFirst(String.format(Locale.ROOT, "false match: %s v%d keywords %d, coverage %.2f containment %.2f",
                                m.url(), m.version(), m.keywords(), m.coverage(), m.containment()));
                    }
                    tally.falseMatches[1] += todaysRule(store, index, text) != null ? 1 : 0;
                    tally.unrelatedShares.add(bestShare(store, index, text));
                }
            }
        }
        print(split, seeds, tally, spun);
        return tally;
    }

    private static Pick tracerPick(Tracer tracer, ArticleText copy) {
        List<TraceMatch> matches = tracer.trace(copy, 1, false).matches();
        return matches.isEmpty() ? null : new Pick(matches.getFirst().url(), matches.getFirst().version());
    }

    /** Today's rule (before issue 10): candidates from the index, the most shared shingles, the earliest on a tie. */
    private static Pick todaysRule(Store store, TraceIndex index, ArticleText copy) {
        Fingerprint fingerprint = Fingerprinter.DEFAULT.of(copy);
        Pick best = null;
        int bestShared = 0;
        for (Candidate candidate : index.candidates(fingerprint, null, Tracer.MAX_CANDIDATES)) {
            List<Version> versions = store.versions(candidate.articleId());
            Verdict verdict = Verdict.of(fingerprint.shingles(),
                    versions.stream().map(v -> Fingerprinter.DEFAULT.shingles(v.text())).toList());
            if (verdict != null && verdict.clears(Floor.DEFAULT) && verdict.shared() > bestShared) {
                bestShared = verdict.shared();
                best = new Pick(store.article(candidate.articleId()).orElseThrow().url(), verdict.best());
            }
        }
        return best;
    }

    private static void print(String split, long[] seeds, Tally tally, double spun) {
        System.out.printf(Locale.ROOT, "provenance set, %s seeds %s (%d articles each; spun copies: %.0f%% of words replaced)%n",
                split, java.util.Arrays.toString(seeds), ARTICLES_PER_SEED, 100 * spun);
        System.out.printf(Locale.ROOT, "  %-15s %6s | %-17s | %-17s%n", "damage", "copies", "tracer art / ver", "today art / ver");
        Counts all = new Counts();
        tally.byDamage.forEach((damage, c) -> {
            System.out.printf(Locale.ROOT, "  %-15s %6d | %6.1f%% %6.1f%% | %6.1f%% %6.1f%%%n", damage, c.copies,
                    100 * c.article(0), 100 * c.version(0), 100 * c.article(1), 100 * c.version(1));
            all.copies += c.copies;
            for (int r = 0; r < 2; r++) {
                all.article[r] += c.article[r];
                all.version[r] += c.version[r];
            }
        });
        System.out.printf(Locale.ROOT, "  %-15s %6d | %6.1f%% %6.1f%% | %6.1f%% %6.1f%%%n", "all", all.copies,
                100 * all.article(0), 100 * all.version(0), 100 * all.article(1), 100 * all.version(1));
        System.out.printf(Locale.ROOT, "  unrelated %d: false matches tracer %d, today %d%n", tally.unrelated,
                tally.falseMatches[0], tally.falseMatches[1]);
        System.out.println("  keyword-run share, spun copies (best candidate): " + percentiles(tally.spunShares));
        System.out.println("  keyword-run share, unrelated texts (best candidate): " + percentiles(tally.unrelatedShares));
        tally.misses.stream().limit(60).forEach(m -> System.out.println("  miss: " + m));
    }
}
