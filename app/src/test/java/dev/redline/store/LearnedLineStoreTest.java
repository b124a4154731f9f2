package dev.redline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.redline.extract.ExtractRules;
import dev.redline.extract.LearnedLines;
import dev.redline.extract.PageLine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The learned-boilerplate tables (V40) on a real SQLite file and a real embedded PostgreSQL. */
class LearnedLineStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-14T08:00:00Z");
    private static final String PROMO = "Listen to our harbour podcast every Friday";

    @TempDir
    static Path dir;

    static Stream<Arguments> databases() {
        Function<String, String> sqlite = name -> "jdbc:sqlite:" + dir.resolve(name + ".db");
        Function<String, String> postgres = name -> TestDatabases.freshPostgresUrl();
        return Stream.of(Arguments.of("sqlite", sqlite), Arguments.of("postgresql", postgres));
    }

    private static Store open(Function<String, String> url, String name) {
        return Store.open(url.apply(name), Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static PageLine edge(String text) {
        return new PageLine(LearnedLines.fingerprint(text), text, true);
    }

    private static PageLine paragraph(String text) {
        return new PageLine(LearnedLines.fingerprint(text), text, false);
    }

    /** The lines of a distinct article {@code n}: its own paragraphs and edge line, and the template's promo. */
    private static List<PageLine> article(int n, String... template) {
        List<PageLine> lines = new ArrayList<>();
        for (String t : template) {
            lines.add(edge(t));
        }
        lines.add(edge("Dateline number " + n));
        lines.add(paragraph("Article " + n + " opens with a full paragraph of its own, long enough to be text."));
        lines.add(paragraph("Article " + n + " goes on with a second paragraph that no other article has."));
        return lines;
    }

    private record Fixture(Store store, long source, List<Long> articles) {
        long article(int i) {
            return articles.get(i);
        }
    }

    private static Fixture fixture(Store store, int articles) {
        long source = store.addSource("courier", List.of(), List.of(), ExtractRules.NONE).id();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            ids.add(store.upsertArticle("https://courier.example/news/" + i, source, T0).id());
        }
        return new Fixture(store, source, ids);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLineOnThreeDistinctArticlesBecomesBoilerplateAtTheThird(String db, Function<String, String> url) {
        try (Store store = open(url, "three")) {
            Fixture f = fixture(store, 3);
            LearnedLineStore learned = store.learnedLines();
            for (int i = 0; i < 3; i++) {
                assertThat(learned.count(f.source(), f.article(i), article(i, PROMO), LearningRules.DEFAULT, T0))
                        .isEqualTo(LearnedLineStore.Counted.COUNTED);
            }

            LearnedSummary summary = learned.summary(f.source(), 10);
            assertThat(summary.articles()).isEqualTo(3);
            assertThat(summary.boilerplate()).extracting(LearnedLine::text).containsExactly(PROMO);
            LearnedLine promo = summary.boilerplate().getFirst();
            assertThat(promo.articles()).isEqualTo(3);
            assertThat(promo.knownAt()).isEqualTo(2);
            assertThat(promo.boilerplateAt(2)).isFalse();
            assertThat(promo.boilerplateAt(3)).isTrue();
            assertThat(learned.knownLines(f.source())).extracting(LearnedLine::text).containsExactly(PROMO);
            assertThat(learned.ordinal(f.source())).isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anArticleTeachesOnceAndACopyTeachesNothing(String db, Function<String, String> url) {
        try (Store store = open(url, "once")) {
            Fixture f = fixture(store, 3);
            LearnedLineStore learned = store.learnedLines();
            learned.count(f.source(), f.article(0), article(0, PROMO), LearningRules.DEFAULT, T0);

            // its next version, or another worker's count of it
            assertThat(learned.count(f.source(), f.article(0), article(0, PROMO), LearningRules.DEFAULT, T0))
                    .isEqualTo(LearnedLineStore.Counted.ALREADY);
            // the same story at another URL
            assertThat(learned.count(f.source(), f.article(1), article(0, PROMO), LearningRules.DEFAULT, T0))
                    .isEqualTo(LearnedLineStore.Counted.COPY);
            assertThat(learned.count(f.source(), f.article(2), article(2, PROMO), LearningRules.DEFAULT, T0))
                    .isEqualTo(LearnedLineStore.Counted.COUNTED);

            LearnedSummary summary = learned.summary(f.source(), 10);
            assertThat(summary.articles()).isEqualTo(2);
            assertThat(summary.copies()).isEqualTo(1);
            assertThat(summary.boilerplate()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLineSeenAsAnArticlesTextNeverBecomesBoilerplate(String db, Function<String, String> url) {
        try (Store store = open(url, "text")) {
            Fixture f = fixture(store, 4);
            LearnedLineStore learned = store.learnedLines();
            String shared = "The council meets again on Thursday";
            for (int i = 0; i < 4; i++) {
                List<PageLine> lines = article(i);
                lines.add(i == 1 ? paragraph(shared) : edge(shared));
                learned.count(f.source(), f.article(i), lines, LearningRules.DEFAULT, T0);
            }

            assertThat(learned.summary(f.source(), 10).boilerplate()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLineGoneFromTheTemplateIsRetiredAndOlderLensesKeepIt(String db, Function<String, String> url) {
        try (Store store = open(url, "stale")) {
            Fixture f = fixture(store, 7);
            LearnedLineStore learned = store.learnedLines();
            LearningRules rules = new LearningRules(3, 25, 2, 5, 5000, 50);
            for (int i = 0; i < 7; i++) {
                List<PageLine> lines = i < 3 ? article(i, PROMO) : article(i);
                learned.count(f.source(), f.article(i), lines, rules, T0);
            }

            assertThat(learned.summary(f.source(), 10).boilerplate()).isEmpty();
            LearnedLine promo = learned.knownLines(f.source()).stream().filter(l -> l.text().equals(PROMO)).findFirst()
                    .orElseThrow();
            assertThat(promo.retiredAt()).isEqualTo(6);
            assertThat(promo.boilerplateAt(5)).isTrue();
            assertThat(promo.boilerplateAt(6)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void overTheCapTheRarestOldestLinesGoAndBoilerplateStays(String db, Function<String, String> url) {
        try (Store store = open(url, "cap")) {
            Fixture f = fixture(store, 8);
            LearnedLineStore learned = store.learnedLines();
            LearningRules rules = new LearningRules(3, 25, 200, 5, 6, 50);
            for (int i = 0; i < 8; i++) {
                learned.count(f.source(), f.article(i), article(i, PROMO), rules, T0);
            }

            LearnedSummary summary = learned.summary(f.source(), 10);
            assertThat(summary.boilerplate()).extracting(LearnedLine::text).containsExactly(PROMO);
            // six rows held in all; the newest article's dateline is among the learnable ones
            assertThat(summary.lines()).isBetween(2, 6);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theFirstPinnedLensStays(String db, Function<String, String> url) {
        try (Store store = open(url, "pin")) {
            Fixture f = fixture(store, 1);
            LearnedLineStore learned = store.learnedLines();

            assertThat(learned.lens(f.article(0))).isEmpty();
            assertThat(learned.pinLens(f.article(0), 4)).isEqualTo(4);
            assertThat(learned.pinLens(f.article(0), 9)).isEqualTo(4);
            assertThat(learned.lens(f.article(0))).hasValue(4);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void slicesCountTheirLessonsInTheirTransactionExactlyAsCountsOneByOne(String db, Function<String, String> url) {
        // a low stale limit and cap, so that retiring and trimming run too; article 2 is a copy of 1
        LearningRules rules = new LearningRules(3, 25, 2, 5, 6, 50);
        try (Store alone = open(url, "alone"); Store sliced = open(url, "sliced")) {
            Fixture a = fixture(alone, 8);
            Fixture b = fixture(sliced, 8);
            List<FinishedCheck> slice = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                List<PageLine> lines = i == 2 ? article(1, PROMO) : i < 4 ? article(i, PROMO) : article(i);
                alone.learnedLines().pinLens(a.article(i), i);
                alone.learnedLines().count(a.source(), a.article(i), lines, rules, T0);
                slice.add(new FinishedCheck(b.article(i), b.source(), List.of(), null, null, i,
                        new Lesson(b.source(), b.article(i), lines, rules, T0)));
                if (slice.size() == 3 || i == 7) {
                    sliced.finishChecks("worker", slice);
                    slice.clear();
                }
            }

            LearnedSummary expected = alone.learnedLines().summary(a.source(), 10);
            LearnedSummary actual = sliced.learnedLines().summary(b.source(), 10);
            assertThat(actual.articles()).isEqualTo(expected.articles()).isEqualTo(7);
            assertThat(actual.copies()).isEqualTo(expected.copies()).isEqualTo(1);
            assertThat(actual.lines()).isEqualTo(expected.lines());
            assertThat(actual.boilerplate()).isEqualTo(expected.boilerplate());
            assertThat(sorted(sliced.learnedLines().knownLines(b.source())))
                    .isEqualTo(sorted(alone.learnedLines().knownLines(a.source()))).isNotEmpty();
            for (int i = 0; i < 8; i++) {
                assertThat(sliced.learnedLines().lens(b.article(i))).hasValue(i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSliceThatFailsTeachesNothing(String db, Function<String, String> url) {
        try (Store store = open(url, "failed")) {
            Fixture f = fixture(store, 1);
            long missing = f.article(0) + 1000; // no such article: its pin breaks the slice's transaction
            List<FinishedCheck> slice = List.of(
                    new FinishedCheck(f.article(0), f.source(), List.of(), null, null, 0,
                            new Lesson(f.source(), f.article(0), article(0, PROMO), LearningRules.DEFAULT, T0)),
                    new FinishedCheck(missing, f.source(), List.of(), null, null, 0, null));

            assertThatThrownBy(() -> store.finishChecks("worker", slice)).isInstanceOf(RuntimeException.class);
            assertThat(store.learnedLines().ordinal(f.source())).isZero();
            assertThat(store.learnedLines().lens(f.article(0))).isEmpty();
            assertThat(store.learnedLines().count(f.source(), f.article(0), article(0, PROMO), LearningRules.DEFAULT, T0))
                    .isEqualTo(LearnedLineStore.Counted.COUNTED);
        }
    }

    private static List<LearnedLine> sorted(List<LearnedLine> lines) {
        return lines.stream().sorted(Comparator.comparingLong(LearnedLine::fingerprint)).toList();
    }
}
