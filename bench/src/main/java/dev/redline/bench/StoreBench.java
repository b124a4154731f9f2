package dev.redline.bench;

import dev.redline.article.ArticleText;
import dev.redline.store.Article;
import dev.redline.store.ArticleStatus;
import dev.redline.store.CheckOutcome;
import dev.redline.store.FetchState;
import dev.redline.store.NewVersion;
import dev.redline.store.Outcome;
import dev.redline.store.SearchHit;
import dev.redline.store.Store;
import dev.redline.store.VersionField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The store's cost per tracker step on a SQLite file (or on PostgreSQL with {@code -p db=jdbc:postgresql://…}):
 * one article check (claim, fetch state, finish), one appended version, one search, one host slot.
 * The store holds {@code articles} articles of three generated versions each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoreBench {
    private static final String[] WORDS = ("council harbour crane budget ferry strike mayor bridge storm coast "
            + "school teachers report police court vote election market prices festival river flood museum "
            + "hospital doctors train station airport museum library park weather minister village").split(" ");
    private static final Instant T0 = Instant.parse("2026-03-14T08:00:00Z");
    private static final FetchState STATE = new FetchState(null, null, Duration.ofMinutes(30), 0, 0);

    @Param({"2000"})
    int articles;

    /** Empty: a fresh SQLite file in a temp folder; else a JDBC URL of an empty database. */
    @Param({""})
    String db;

    private Path dir;
    private Store store;
    private List<Long> ids;
    private Random random;
    private long tick;

    @Setup(Level.Trial)
    public void fill() throws IOException {
        dir = Files.createTempDirectory("redline-store-bench");
        store = Store.open(db.isEmpty() ? "jdbc:sqlite:" + dir.resolve("bench.db") : db);
        random = new Random(42);
        ids = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            Article a = store.upsertArticle("https://bench.example/story/" + i, null, T0);
            ids.add(a.id());
            for (int v = 0; v < 3; v++) {
                store.appendVersion(a.id(), version(T0.plusSeconds(v * 600L)));
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private NewVersion version(Instant at) {
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            paragraphs.add(sentence(25));
        }
        return new NewVersion(at, new ArticleText(sentence(7), "By Bench Writer", paragraphs), Set.of(VersionField.BODY),
                false, null, null);
    }

    private String sentence(int words) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < words; w++) {
            sb.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.append('.').toString();
    }

    /** One check as the tracker does it: claim, read the fetch state, record the outcome (due again at once). */
    @Benchmark
    public int checkArticle() {
        Instant now = T0.plusSeconds(++tick);
        List<Article> claimed = store.claimDueArticles(now, 1, "bench", Duration.ofMinutes(5), false);
        for (Article a : claimed) {
            store.fetchState(a.id());
            store.finishCheck(a.id(), "bench", new CheckOutcome(now, 200, Outcome.UNCHANGED, null, now, ArticleStatus.ACTIVE, STATE));
        }
        return claimed.size();
    }

    @Benchmark
    public long appendVersion() {
        return store.appendVersion(ids.get(random.nextInt(ids.size())), version(T0.plusSeconds(++tick))).id();
    }

    @Benchmark
    public List<SearchHit> searchTwoWords() {
        return store.search(WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)], null, null, null, 20);
    }

    @Benchmark
    public Instant reserveHostSlot() {
        return store.reserveHostSlot("host" + random.nextInt(50) + ".example", T0.plusSeconds(++tick), Duration.ZERO);
    }
}
