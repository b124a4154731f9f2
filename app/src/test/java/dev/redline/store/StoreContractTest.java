package dev.redline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.redline.article.ArticleText;
import dev.redline.error.Conflict;
import dev.redline.extract.ExtractRules;
import dev.redline.json.Json;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every {@link Store} method against a real database; subclasses say which (SQLite file,
 * embedded PostgreSQL). Concurrency tests use several threads and two store instances on one database.
 */
abstract class StoreContractTest {
    static final Instant T0 = Instant.parse("2026-03-14T08:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(5);

    JdbcStore store;

    /** A JDBC URL of an empty database, the same for every call within one test. */
    abstract String databaseUrl();

    @BeforeEach
    void openStore() {
        store = (JdbcStore) Store.open(databaseUrl(), Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    JdbcStore secondStore() {
        return (JdbcStore) Store.open(databaseUrl(), Clock.fixed(T0, ZoneOffset.UTC));
    }

    static ArticleText text(String title, String... paragraphs) {
        return new ArticleText(title, "By Ada Quill", List.of(paragraphs));
    }

    static NewVersion nv(Instant at, ArticleText text) {
        return new NewVersion(at, text, Set.of(), false, null, null);
    }

    Article article(String url) {
        return store.upsertArticle(url, null, T0);
    }

    // --- sources -------------------------------------------------------------------------------

    @Test
    void sourcesRoundTripWithFeedsSitemapsAndRules() {
        ExtractRules rules = new ExtractRules(List.of("div.story p"), "h1.headline", List.of(".ad", "aside"));
        Source added = store.addSource("daily-planet", List.of("https://planet.example/rss", "https://planet.example/atom"),
                List.of("https://planet.example/news-sitemap.xml"), rules);
        assertThat(added.name()).isEqualTo("daily-planet");
        assertThat(added.feeds()).containsExactly("https://planet.example/rss", "https://planet.example/atom");
        assertThat(added.sitemaps()).containsExactly("https://planet.example/news-sitemap.xml");
        assertThat(added.rules()).isEqualTo(rules);
        assertThat(added.createdAt()).isEqualTo(T0);
        store.addSource("bugle", List.of("https://bugle.example/feed"), List.of(), ExtractRules.NONE);

        assertThat(store.source("daily-planet")).contains(added);
        assertThat(store.source(added.id())).contains(added);
        assertThat(store.sources()).extracting(Source::name).containsExactly("bugle", "daily-planet");
        assertThat(store.source("nope")).isEmpty();
    }

    @Test
    void duplicateSourceNameIsRefused() {
        store.addSource("bugle", List.of("https://bugle.example/feed"), List.of(), ExtractRules.NONE);
        assertThatThrownBy(() -> store.addSource("bugle", List.of("https://other.example/feed"), List.of(), ExtractRules.NONE))
                .isInstanceOf(Conflict.class).hasMessageContaining("bugle");
        assertThat(store.source("bugle").orElseThrow().feeds()).containsExactly("https://bugle.example/feed");
    }

    @Test
    void removingASourceKeepsItsArticlesAndVersions() {
        Source bugle = store.addSource("bugle", List.of("https://bugle.example/feed"), List.of(), ExtractRules.NONE);
        Article a = store.upsertArticle("https://bugle.example/a", bugle.id(), T0);
        store.appendVersion(a.id(), nv(T0, text("Mayor opens bridge", "The bridge opened.")));

        assertThat(store.removeSource("bugle")).isTrue();
        assertThat(store.removeSource("bugle")).isFalse();
        assertThat(store.sources()).isEmpty();
        Article kept = store.article(a.id()).orElseThrow();
        assertThat(kept.sourceId()).isNull();
        assertThat(store.versions(a.id())).hasSize(1);
        assertThat(store.claimDueFeeds(T0.plusSeconds(60), 10, "w", LEASE)).isEmpty();
    }

    @Test
    void removingASourceLeavesADepartureForEachSubscriptionItsHubMayHold() {
        Source bugle = store.addSource("bugle", List.of("https://bugle.example/feed", "https://bugle.example/atom",
                "https://bugle.example/rss"), List.of(), ExtractRules.NONE);
        SubscriptionStore subs = store.subscriptions();
        Subscription active = subs.addSubscription(bugle.id(), "https://bugle.example/feed", "https://hub.example/",
                "https://bugle.example/feed", "key-active", "s1", T0);
        subs.updateSubscription(new Subscription(active.id(), bugle.id(), active.feedUrl(), active.hub(), active.topic(),
                active.callbackKey(), active.secret(), Subscription.State.ACTIVE, 60L, T0.plusSeconds(60), T0.plusSeconds(54),
                0, null, null, 0, 0), Subscription.State.NEW);
        subs.addSubscription(bugle.id(), "https://bugle.example/atom", "https://hub.example/", "https://bugle.example/atom",
                "key-new", "s2", T0); // never sent: no hub holds it

        assertThat(store.removeSource("bugle")).isTrue();
        assertThat(subs.subscriptions()).isEmpty();
        Departure d = subs.dueDepartures(T0, 10).getFirst();
        assertThat(subs.dueDepartures(T0, 10)).hasSize(1);
        assertThat(d).extracting(Departure::hub, Departure::topic, Departure::callbackKey, Departure::tries)
                .containsExactly("https://hub.example/", "https://bugle.example/feed", "key-active", 0);
        assertThat(subs.departureByCallback("key-new")).isEmpty();

        assertThat(subs.claimDeparture(d, T0.plusSeconds(600))).isTrue();
        assertThat(subs.claimDeparture(d, T0.plusSeconds(600))).as("counted by another process").isFalse();
        assertThat(subs.dueDepartures(T0.plusSeconds(599), 10)).isEmpty();
        subs.departureFailed(d.id(), T0.plusSeconds(30), "the hub answered HTTP 500 to unsubscribe");
        assertThat(subs.dueDepartures(T0.plusSeconds(30), 10)).singleElement()
                .satisfies(again -> assertThat(again.tries()).isEqualTo(1))
                .satisfies(again -> assertThat(again.lastError()).isEqualTo("the hub answered HTTP 500 to unsubscribe"));
        assertThat(subs.removeDeparture(d.id())).isTrue();
        assertThat(subs.departureByCallback("key-active")).isEmpty();
    }

    // --- articles ------------------------------------------------------------------------------

    @Test
    void upsertCreatesOnceAndAttachesASourceOnlyWhenItHasNone() {
        Source bugle = store.addSource("bugle", List.of("https://bugle.example/feed"), List.of(), ExtractRules.NONE);
        Source planet = store.addSource("planet", List.of("https://planet.example/feed"), List.of(), ExtractRules.NONE);
        Article first = store.upsertArticle("https://bugle.example/a", null, T0);
        assertThat(first.sourceId()).isNull();
        assertThat(first.status()).isEqualTo(ArticleStatus.ACTIVE);
        assertThat(first.firstSeen()).isEqualTo(T0);
        assertThat(first.nextCheck()).isEqualTo(T0);
        assertThat(first.versionCount()).isZero();

        Article again = store.upsertArticle("https://bugle.example/a", bugle.id(), T0.plusSeconds(600));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.sourceId()).isEqualTo(bugle.id());
        assertThat(again.firstSeen()).isEqualTo(T0);
        assertThat(store.upsertArticle("https://bugle.example/a", planet.id(), T0).sourceId()).isEqualTo(bugle.id());

        assertThat(store.articleByUrl("https://bugle.example/a")).contains(again);
        assertThat(store.articleByUrl("https://bugle.example/zzz")).isEmpty();
        assertThat(store.articleCount()).isEqualTo(1);
    }

    @Test
    void articlesAreListedMostRecentlyChangedFirst() {
        Source bugle = store.addSource("bugle", List.of("https://bugle.example/feed"), List.of(), ExtractRules.NONE);
        Article a = store.upsertArticle("https://bugle.example/a", bugle.id(), T0);
        Article b = store.upsertArticle("https://bugle.example/b", bugle.id(), T0.plusSeconds(10));
        Article c = store.upsertArticle("https://other.example/c", null, T0.plusSeconds(20));
        store.appendVersion(a.id(), nv(T0.plusSeconds(100), text("A", "a")));

        assertThat(store.articles(null, 0, 10)).extracting(Article::id).containsExactly(a.id(), c.id(), b.id());
        assertThat(store.articles(bugle.id(), 0, 10)).extracting(Article::id).containsExactly(a.id(), b.id());
        assertThat(store.articles(null, 1, 1)).extracting(Article::id).containsExactly(c.id());
        assertThat(store.articles(null, 0, 10).getFirst().title()).isEqualTo("A");
    }

    // --- versions ------------------------------------------------------------------------------

    @Test
    void versionsAreNumberedFromZeroAndKeptVerbatim() {
        Article a = article("https://bugle.example/a");
        ArticleText v0 = new ArticleText("Storm nears coast", null, List.of("A storm is near.", "Ferries are cancelled."));
        ArticleText v1 = new ArticleText("Storm hits coast", "By Ada Quill", List.of("A storm hit the coast.", "Ferries are cancelled."));
        Version first = store.appendVersion(a.id(), nv(T0, v0));
        Version second = store.appendVersion(a.id(), new NewVersion(T0.plusSeconds(3600), v1,
                Set.of(VersionField.TITLE, VersionField.BYLINE, VersionField.BODY), true, "punctuation", "cap-2026.warc.gz#123"));

        assertThat(first.number()).isZero();
        assertThat(second.number()).isEqualTo(1);
        assertThat(store.versions(a.id())).containsExactly(first, second);
        Version read = store.version(a.id(), 1).orElseThrow();
        assertThat(read.text()).isEqualTo(v1);
        assertThat(read.changed()).containsExactlyInAnyOrder(VersionField.TITLE, VersionField.BYLINE, VersionField.BODY);
        assertThat(read.boring()).isTrue();
        assertThat(read.boringReason()).isEqualTo("punctuation");
        assertThat(read.captureRef()).isEqualTo("cap-2026.warc.gz#123");
        assertThat(read.fetchedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(store.version(a.id(), 0).orElseThrow().text().byline()).isNull();
        assertThat(store.version(a.id(), 2)).isEmpty();

        Article after = store.article(a.id()).orElseThrow();
        assertThat(after.versionCount()).isEqualTo(2);
        assertThat(after.title()).isEqualTo("Storm hits coast");
        assertThat(store.versionCount()).isEqualTo(2);
    }

    @Test
    void versionsAreFoundByTheirStoredFieldHashesWithoutReadingTexts() {
        Article a = article("https://bugle.example/flip");
        ArticleText headlineA = text("Storm nears coast", "A storm is near.");
        ArticleText headlineB = text("Storm closes in on coast", "A storm is near.");
        store.appendVersion(a.id(), nv(T0, headlineA));
        store.appendVersion(a.id(), nv(T0.plusSeconds(60), headlineB));
        store.appendVersion(a.id(), nv(T0.plusSeconds(120), headlineA)); // an imported A/B/A keeps every entry

        assertThat(store.versionsWithHashes(a.id(), FieldHashes.of(headlineA))).containsExactly(0, 2);
        // the comparison key: spacing and quote style do not make another text
        assertThat(store.versionsWithHashes(a.id(), FieldHashes.of(text("Storm  closes in on coast", "A storm is near."))))
                .containsExactly(1);
        assertThat(store.versionsWithHashes(a.id(), FieldHashes.of(text("Storm nears coast", "A storm is here.")))).isEmpty();
        assertThat(store.versionsWithHashes(article("https://bugle.example/other").id(), FieldHashes.of(headlineA))).isEmpty();
    }

    @Test
    void theTraceIndexTakesASlicesVersionsAtOnceAndDescribesArticlesWithoutTheirTexts() {
        long source = store.addSource("bugle", List.of(), List.of(), ExtractRules.NONE).id();
        Article a = store.upsertArticle("https://bugle.example/a", source, T0);
        Article b = article("https://bugle.example/b");
        Version a0 = store.appendVersion(a.id(), nv(T0, text("Storm nears coast", "A storm is near the coast tonight.")));
        Version a1 = store.appendVersion(a.id(), nv(T0.plusSeconds(60), text("Storm hits coast", "A storm hit the coast.")));
        Version b0 = store.appendVersion(b.id(), nv(T0, text("Ferries cancelled", "No ferries run until Monday.")));
        var fingerprinter = dev.redline.fingerprint.Fingerprinter.DEFAULT;
        TracePostings postings = store.tracePostings();

        assertThat(postings.addAll(List.of(new TracePostings.Entry(a.id(), a0.id(), fingerprinter.of(a0.text())),
                new TracePostings.Entry(b.id(), b0.id(), fingerprinter.of(b0.text()))))).isEqualTo(2);
        assertThat(postings.addAll(List.of(new TracePostings.Entry(a.id(), a0.id(), fingerprinter.of(a0.text()))))).isZero();
        assertThat(postings.indexedAmong(new long[] {a0.id(), a1.id(), b0.id()})).containsExactlyInAnyOrder(a0.id(), b0.id());
        assertThat(postings.anchorHits(fingerprinter.of(b0.text()).anchors())).containsOnlyKeys(b.id());

        var shapes = postings.shapes(List.of(a.id(), b.id(), 9999L));
        assertThat(shapes).containsOnlyKeys(a.id(), b.id());
        assertThat(shapes.get(a.id())).isEqualTo(new TracePostings.Shape(a.id(), source, List.of(
                new TracePostings.VersionShape(a0.id(), fingerprinter.of(a0.text()).shingles().length),
                new TracePostings.VersionShape(a1.id(), -1)))); // not indexed yet: count unknown
        assertThat(shapes.get(b.id()).sourceId()).isNull();
    }

    private static List<long[]> shingleSets(dev.redline.fingerprint.ArticleShingles shingles) {
        return java.util.stream.IntStream.range(0, shingles.versions()).mapToObj(shingles::version).toList();
    }

    @Test
    void eachArticlesShingleSetsAreKeptInVersionOrderAndNeverReadWhenBehind() throws SQLException {
        Article a = article("https://bugle.example/a");
        Article b = article("https://bugle.example/b");
        Version a0 = store.appendVersion(a.id(), nv(T0, text("Storm nears coast", "A storm is near the coast tonight and ferries wait.")));
        Version a1 = store.appendVersion(a.id(), nv(T0.plusSeconds(60), text("Storm hits coast", "A storm hit the coast tonight and ferries wait.")));
        Version b0 = store.appendVersion(b.id(), nv(T0, text("Ferries cancelled", "No ferries run until Monday, the harbour master said.")));
        Version b1 = store.appendVersion(b.id(), nv(T0.plusSeconds(60), text("Ferries cancelled", "No ferries run until Tuesday, the harbour master said.")));
        var fingerprinter = dev.redline.fingerprint.Fingerprinter.DEFAULT;
        TracePostings postings = store.tracePostings();

        // a tracker slice: both versions of a at once, then a again (a repeat changes nothing)
        postings.addAll(List.of(new TracePostings.Entry(a.id(), a1.id(), fingerprinter.of(a1.text())),
                new TracePostings.Entry(a.id(), a0.id(), fingerprinter.of(a0.text()))));
        postings.addAll(List.of(new TracePostings.Entry(a.id(), a0.id(), fingerprinter.of(a0.text()))));
        // b's version 1 before its version 0: a gap, so b's row stays behind
        postings.add(b.id(), b1.id(), fingerprinter.of(b1.text()));

        var rows = postings.articleShingles(List.of(a.id(), b.id()));
        assertThat(rows).containsOnlyKeys(a.id());
        assertThat(shingleSets(rows.get(a.id()))).containsExactly(fingerprinter.of(a0.text()).shingles(), fingerprinter.of(a1.text()).shingles());
        assertThat(postings.shingledVersions(List.of(a.id(), b.id()))).containsExactlyEntriesOf(java.util.Map.of(a.id(), 2));
        assertThat(postings.staleShingleRows()).isEqualTo(1);

        // a bulk load that offers every version of b again (as the repair does) rebuilds its row
        try (TracePostings.Bulk bulk = postings.bulk()) {
            assertThat(bulk.add(b.id(), b0.id(), fingerprinter.of(b0.text()))).isTrue();
            assertThat(bulk.add(b.id(), b1.id(), fingerprinter.of(b1.text()))).as("indexed already").isFalse();
            bulk.commit();
        }
        assertThat(shingleSets(postings.articleShingles(List.of(b.id())).get(b.id())))
                .containsExactly(fingerprinter.of(b0.text()).shingles(), fingerprinter.of(b1.text()).shingles());
        assertThat(postings.staleShingleRows()).isZero();

        // a version appended and not indexed yet: a's row is behind and not read as current
        store.appendVersion(a.id(), nv(T0.plusSeconds(120), text("Storm leaves coast", "The storm left the coast.")));
        assertThat(postings.articleShingles(List.of(a.id()))).isEmpty();
        assertThat(postings.staleShingleRows()).isEqualTo(1);

        // a row this build cannot read (another layout) is treated as behind, never as an error
        try (Connection c = store.dataSource().getConnection();
             var ps = c.prepareStatement("UPDATE trace_article_shingles SET shingles = ? WHERE article_id = ?")) {
            ps.setBytes(1, new byte[] {9, 9, 9});
            ps.setLong(2, b.id());
            ps.executeUpdate();
        }
        assertThat(postings.articleShingles(List.of(b.id()))).isEmpty();
    }

    @Test
    void appendingToAnUnknownArticleFails() {
        assertThatThrownBy(() -> store.appendVersion(9999, nv(T0, text("x", "y"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9999");
        assertThat(store.versionCount()).isZero();
    }

    @Test
    void committedVersionsCannotBeChangedOrDeleted() throws Exception {
        Article a = article("https://bugle.example/a");
        store.appendVersion(a.id(), nv(T0, text("Original headline", "Body.")));
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE versions SET title = 'rewritten'"))
                    .hasMessageContaining("immutable");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM versions")).hasMessageContaining("immutable");
        }
        assertThat(store.version(a.id(), 0).orElseThrow().text().title()).isEqualTo("Original headline");
    }

    @Test
    void concurrentAppendsGetDistinctGaplessNumbers() throws Exception {
        Article a = article("https://bugle.example/a");
        try (JdbcStore other = secondStore()) {
            List<Callable<List<Integer>>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                JdbcStore target = w % 2 == 0 ? store : other;
                int writer = w;
                writers.add(() -> {
                    List<Integer> numbers = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        numbers.add(target.appendVersion(a.id(), nv(T0.plusSeconds(i), text("w" + writer + " v" + i, "p"))).number());
                    }
                    return numbers;
                });
            }
            List<Integer> all = runTogether(writers).stream().flatMap(List::stream).sorted().toList();
            assertThat(all).hasSize(32).doesNotHaveDuplicates().startsWith(0).endsWith(31);
        }
        assertThat(store.versions(a.id())).extracting(Version::number).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 32).boxed().toList());
        assertThat(store.article(a.id()).orElseThrow().versionCount()).isEqualTo(32);
    }

    @Test
    void aBatchOfHistoriesIsOneTransaction() {
        List<NewVersion> ferry = List.of(nv(T0, text("Ferry strike called", "Ferries stop on Monday.")));
        List<NewVersion> bridge = List.of(nv(T0, text("Bridge closed", "The bridge shuts.")),
                nv(T0.plusSeconds(600), text("Bridge closed for a week", "The bridge shuts for a week.")));
        List<List<Version>> added = store.importHistories(List.of(
                new ArticleStore.HistoryImport("https://bugle.example/ferry", null, ferry),
                new ArticleStore.HistoryImport("https://bugle.example/bridge", null, bridge)));
        assertThat(added).extracting(List::size).containsExactly(1, 2);
        assertThat(store.versionCount()).isEqualTo(3);

        // the second history conflicts with the stored bridge: the new third article is not written either
        List<NewVersion> older = List.of(nv(T0.plusSeconds(60), text("Bridge open", "Traffic flows.")));
        assertThatThrownBy(() -> store.importHistories(List.of(
                new ArticleStore.HistoryImport("https://bugle.example/tram", null, ferry),
                new ArticleStore.HistoryImport("https://bugle.example/bridge", null, older))))
                .isInstanceOf(Conflict.class).hasMessageContaining("https://bugle.example/bridge");
        assertThat(store.articleByUrl("https://bugle.example/tram")).isEmpty();
        assertThat(store.versionCount()).isEqualTo(3);
    }

    @Test
    void aBatchImportStoresWhatOneByOneAppendsStore() throws Exception {
        Source bugle = store.addSource("bugle", List.of("https://bugle.example/feed"), List.of(), ExtractRules.NONE);
        List<NewVersion> history = List.of(nv(T0, text("Ferry strike called", "Ferries stop on Monday.")),
                new NewVersion(T0.plusSeconds(900), new ArticleText("Ferry strike called off", null, List.of("Ferries run.")),
                        Set.of(VersionField.TITLE, VersionField.BYLINE, VersionField.BODY), false, null, "warc:1"),
                new NewVersion(T0.plusSeconds(1800), new ArticleText("Ferry strike called off", null, List.of("Ferries run!")),
                        Set.of(VersionField.BODY), true, "punctuation", null));
        Article reference = store.upsertArticle("https://bugle.example/reference", bugle.id(), T0);
        List<Version> appended = history.stream().map(nv -> store.appendVersion(reference.id(), nv)).toList();
        store.importHistory("https://bugle.example/old", null, history.subList(0, 1));
        List<NewVersion> longer = new ArrayList<>(history);
        longer.add(nv(T0.plusSeconds(2700), text("Ferries back", "Ferries run again.")));

        // a new article, a stored one extended and attached to its source, the new one again (longer)
        List<List<Version>> added = store.importHistories(List.of(
                new ArticleStore.HistoryImport("https://bugle.example/new", bugle.id(), history),
                new ArticleStore.HistoryImport("https://bugle.example/old", bugle.id(), history),
                new ArticleStore.HistoryImport("https://bugle.example/new", null, longer)));

        assertThat(added).extracting(l -> l.stream().map(Version::number).toList())
                .containsExactly(List.of(0, 1, 2), List.of(1, 2), List.of(3));
        Article fresh = store.articleByUrl("https://bugle.example/new").orElseThrow();
        Article old = store.articleByUrl("https://bugle.example/old").orElseThrow();
        assertThat(fresh.versionCount()).isEqualTo(4);
        assertThat(fresh.title()).isEqualTo("Ferries back");
        assertThat(old.sourceId()).isEqualTo(bugle.id());
        assertThat(added.get(0).stream().map(Version::id).toList()).doesNotHaveDuplicates();
        List<Version> freshVersions = new ArrayList<>(added.get(0));
        freshVersions.addAll(added.get(2));
        assertThat(store.versions(fresh.id())).containsExactlyElementsOf(freshVersions);
        // the same rows as the one-version path: texts, flags, hashes, counters and paging columns
        assertThat(store.versions(old.id())).extracting(Version::text, Version::changed, Version::boring,
                        Version::boringReason, Version::captureRef, Version::fetchedAt)
                .containsExactlyElementsOf(appended.stream().map(v -> tuple(v.text(), v.changed(),
                        v.boring(), v.boringReason(), v.captureRef(), v.fetchedAt())).toList());
        assertThat(rowFacts(old.id())).isEqualTo(rowFacts(reference.id()));
        assertThat(store.search("ferries", null, null, null, 10)).extracting(h -> h.article().id())
                .contains(fresh.id(), old.id());
    }

    /** The article's counters and paging columns, and its versions' hashes, as stored. */
    private List<String> rowFacts(long articleId) throws Exception {
        List<String> facts = new ArrayList<>();
        try (var c = store.dataSource().getConnection(); var st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT title, version_count, activity_at, last_change_at FROM articles WHERE id = "
                    + articleId)) {
                rs.next();
                facts.add(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getLong(3) + "|" + rs.getObject(4));
            }
            try (var rs = st.executeQuery("SELECT n, title_hash, byline_hash, body_hash, changed FROM versions WHERE article_id = "
                    + articleId + " ORDER BY n")) {
                while (rs.next()) {
                    facts.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                            + rs.getString(5));
                }
            }
        }
        return facts;
    }

    @Test
    void importedHistoriesAreAtomicIdempotentAndAppendOnly() {
        List<NewVersion> history = List.of(nv(T0, text("Ferry strike called", "Ferries stop on Monday.")),
                new NewVersion(T0.plusSeconds(900), text("Ferry strike called off", "Ferries run on Monday."),
                        Set.of(VersionField.TITLE, VersionField.BODY), false, null, null));
        List<Version> first = store.importHistory("https://bugle.example/ferry", null, history);
        assertThat(first).extracting(Version::number).containsExactly(0, 1);
        Article article = store.articleByUrl("https://bugle.example/ferry").orElseThrow();
        assertThat(article.status()).isEqualTo(ArticleStatus.SETTLED);
        assertThat(article.firstSeen()).isEqualTo(T0);
        assertThat(store.claimDueArticles(T0.plus(Duration.ofDays(1)), 10, "w", LEASE, false)).isEmpty();

        assertThat(store.importHistory("https://bugle.example/ferry", null, history)).isEmpty();
        List<NewVersion> longer = new ArrayList<>(history);
        longer.add(nv(T0.plusSeconds(1800), text("Ferry strike called off", "Ferries run on Monday as usual.")));
        assertThat(store.importHistory("https://bugle.example/ferry", null, longer)).extracting(Version::number).containsExactly(2);

        List<NewVersion> rewrite = List.of(nv(T0.plusSeconds(60), text("Ferry strike looms", "Talks continue.")),
                nv(T0.plusSeconds(7200), text("Ferry news", "More.")));
        assertThatThrownBy(() -> store.importHistory("https://bugle.example/ferry", null, rewrite))
                .isInstanceOf(Conflict.class).hasMessageContaining("append-only");
        assertThat(store.versions(article.id())).hasSize(3);

        Article live = store.upsertArticle("https://bugle.example/live", null, T0);
        assertThat(store.articlesAfter(0, 10)).extracting(Article::id).containsExactly(article.id(), live.id());
        assertThat(store.articlesAfter(article.id(), 10)).extracting(Article::id).containsExactly(live.id());
    }

    @Test
    void recentChangesPairEachVersionWithTheOneItReplaced() {
        Source bugle = store.addSource("bugle", List.of("https://bugle.example/feed"), List.of(), ExtractRules.NONE);
        Article a = store.upsertArticle("https://bugle.example/a", bugle.id(), T0);
        Article b = store.upsertArticle("https://other.example/b", null, T0);
        Version a0 = store.appendVersion(a.id(), nv(T0, text("A0", "x")));
        Version b0 = store.appendVersion(b.id(), nv(T0.plusSeconds(10), text("B0", "y")));
        Version a1 = store.appendVersion(a.id(), new NewVersion(T0.plusSeconds(20), text("A0", "x."), Set.of(VersionField.BODY),
                true, "punctuation", null));
        Version a2 = store.appendVersion(a.id(), new NewVersion(T0.plusSeconds(30), text("A2", "x."), Set.of(VersionField.TITLE),
                false, null, null));

        List<Change> all = store.recentChanges(null, null, true, true, 0, 10);
        assertThat(all).extracting(c -> c.version().id()).containsExactly(a2.id(), a1.id(), b0.id(), a0.id());
        assertThat(all.getFirst().previous()).isEqualTo(a1);
        assertThat(all.getFirst().sourceName()).isEqualTo("bugle");
        assertThat(all.getFirst().article().title()).isEqualTo("A2");
        assertThat(all.get(2).previous()).isNull();
        assertThat(all.get(2).sourceName()).isNull();

        assertThat(store.recentChanges(null, null, false, false, 0, 10)).extracting(c -> c.version().id()).containsExactly(a2.id());
        assertThat(store.recentChanges(null, null, false, true, 0, 10)).extracting(c -> c.version().id()).containsExactly(a2.id(), a1.id());
        assertThat(store.recentChanges(bugle.id(), null, true, true, 0, 10)).hasSize(3);
        assertThat(store.recentChanges(null, b.id(), true, true, 0, 10)).extracting(c -> c.version().id()).containsExactly(b0.id());
        assertThat(store.recentChanges(null, null, true, true, 1, 2)).extracting(c -> c.version().id()).containsExactly(a1.id(), b0.id());
    }

    @Test
    void aSourcesChangesAreExactWhenItsMostActiveArticlesHoldNone() {
        Source bugle = store.addSource("bugle", List.of("https://bugle.example/feed"), List.of(), ExtractRules.NONE);
        Source other = store.addSource("other", List.of("https://other.example/feed"), List.of(), ExtractRules.NONE);
        // 40 articles whose latest versions are cosmetic (their activity is newest, their changes left out),
        // and three older real changes: the window over the most active articles has to grow to reach them
        List<Long> real = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Article a = store.upsertArticle("https://bugle.example/old-" + i, bugle.id(), T0);
            store.appendVersion(a.id(), nv(T0.plusSeconds(i), text("Old " + i, "x")));
            real.add(store.appendVersion(a.id(), nv(T0.plusSeconds(100 + i), text("Old " + i + " changed", "x"))).id());
        }
        for (int i = 0; i < 40; i++) {
            Article a = store.upsertArticle("https://bugle.example/busy-" + i, bugle.id(), T0);
            store.appendVersion(a.id(), nv(T0.plusSeconds(200 + i), text("Busy " + i, "y")));
            store.appendVersion(a.id(), new NewVersion(T0.plusSeconds(300 + i), text("Busy " + i, "y."), Set.of(VersionField.BODY),
                    true, "punctuation", null));
            Article o = store.upsertArticle("https://other.example/n-" + i, other.id(), T0);
            store.appendVersion(o.id(), nv(T0.plusSeconds(200 + i), text("Other " + i, "z")));
            store.appendVersion(o.id(), nv(T0.plusSeconds(400 + i), text("Other " + i + " changed", "z")));
        }

        assertThat(store.recentChanges(bugle.id(), null, false, false, 0, 10)).extracting(c -> c.version().id())
                .containsExactly(real.get(2), real.get(1), real.get(0));
        assertThat(store.recentChanges(bugle.id(), null, false, false, 1, 1)).extracting(c -> c.version().id())
                .containsExactly(real.get(1));
        assertThat(store.changesBefore(bugle.id(), false, false, real.get(2), 5)).extracting(c -> c.version().id())
                .containsExactly(real.get(1), real.get(0));
        // the page before a cursor: the changes just newer than it, newest first
        assertThat(store.changesAfter(bugle.id(), false, false, real.get(0), 5)).extracting(c -> c.version().id())
                .containsExactly(real.get(2), real.get(1));
        assertThat(store.changesAfter(bugle.id(), false, false, real.get(0), 1)).extracting(c -> c.version().id())
                .containsExactly(real.get(1));
        assertThat(store.changesAfter(null, false, false, real.get(0), 2)).extracting(c -> c.version().id())
                .containsExactly(real.get(2), real.get(1));
        List<Change> withCosmetic = store.recentChanges(bugle.id(), null, false, true, 0, 50);
        assertThat(withCosmetic).hasSize(43).allMatch(c -> c.sourceName().equals("bugle"));
        assertThat(withCosmetic).extracting(c -> c.version().fetchedAt()).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(withCosmetic.getLast().previous()).isNotNull();
    }

    // --- search --------------------------------------------------------------------------------

    @Test
    void searchFindsWordsAndPhrasesCollapsedPerArticleWithHighlights() {
        Source bugle = store.addSource("bugle", List.of("https://bugle.example/feed"), List.of(), ExtractRules.NONE);
        Article a = store.upsertArticle("https://bugle.example/harbour", bugle.id(), T0);
        Article b = store.upsertArticle("https://other.example/zoo", null, T0);
        store.appendVersion(a.id(), nv(T0, text("Harbour crane collapses", "A crane fell into the harbour on Tuesday.")));
        store.appendVersion(a.id(), nv(T0.plusSeconds(3600), text("Harbour crane collapses, two hurt",
                "A crane fell into the harbour on Tuesday.", "Two dock workers were hurt, the port authority said.")));
        store.appendVersion(b.id(), nv(T0, text("Zoo welcomes otter pups", "Three otter pups were born at the city zoo.")));

        List<SearchHit> hits = store.search("crane", null, null, null, 10);
        assertThat(hits).hasSize(1);
        SearchHit hit = hits.getFirst();
        assertThat(hit.article().id()).isEqualTo(a.id());
        assertThat(hit.sourceName()).isEqualTo("bugle");
        assertThat(hit.versionNumbers()).containsExactly(0, 1);
        assertThat(hit.lastMatchAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(hit.highlights()).isNotEmpty();
        for (int[] range : hit.highlights()) {
            assertThat(hit.snippet().substring(range[0], range[1])).isEqualToIgnoringCase("crane");
        }

        SearchHit phrase = store.search("\"dock workers\"", null, null, null, 10).getFirst();
        assertThat(phrase.versionNumbers()).containsExactly(1);
        assertThat(phrase.snippet()).contains("Two dock workers were hurt");
        assertThat(phrase.highlights()).extracting(r -> phrase.snippet().substring(r[0], r[1])).containsExactly("dock", "workers");

        assertThat(store.search("\"workers dock\"", null, null, null, 10)).isEmpty();
        assertThat(store.search("OTTER", null, null, null, 10)).extracting(h -> h.article().id()).containsExactly(b.id());
        assertThat(store.search("otter crane", null, null, null, 10)).isEmpty();
        assertThat(store.search("   ", null, null, null, 10)).isEmpty();
        assertThat(store.search("pups OR \"; DROP TABLE versions", null, null, null, 10)).isEmpty();
        assertThat(store.versionCount()).isEqualTo(3);
    }

    @Test
    void searchFiltersBySourceAndDate() {
        Source bugle = store.addSource("bugle", List.of("https://bugle.example/feed"), List.of(), ExtractRules.NONE);
        Article a = store.upsertArticle("https://bugle.example/a", bugle.id(), T0);
        Article b = store.upsertArticle("https://other.example/b", null, T0);
        store.appendVersion(a.id(), nv(T0, text("Council budget vote", "The council voted on the budget.")));
        store.appendVersion(a.id(), nv(T0.plus(Duration.ofDays(2)), text("Council budget passes", "The budget passed.")));
        store.appendVersion(b.id(), nv(T0.plus(Duration.ofDays(1)), text("Budget row deepens", "The budget row deepened.")));

        assertThat(store.search("budget", null, null, null, 10)).hasSize(2);
        assertThat(store.search("budget", bugle.id(), null, null, 10)).extracting(h -> h.article().id()).containsExactly(a.id());
        List<SearchHit> day1 = store.search("budget", null, T0.plus(Duration.ofHours(12)), T0.plus(Duration.ofHours(36)), 10);
        assertThat(day1).extracting(h -> h.article().id()).containsExactly(b.id());
        SearchHit late = store.search("budget", bugle.id(), T0.plus(Duration.ofDays(1)), null, 10).getFirst();
        assertThat(late.versionNumbers()).containsExactly(1);
        assertThat(store.search("budget", null, null, null, 1)).hasSize(1);
    }

    @Test
    void longParagraphsAreCutAroundTheMatch() {
        Article a = article("https://bugle.example/long");
        String filler = "The committee met again and discussed the agenda at some length. ".repeat(12);
        store.appendVersion(a.id(), nv(T0, text("Long report", filler + "Finally the lighthouse was sold. " + filler)));
        SearchHit hit = store.search("lighthouse", null, null, null, 5).getFirst();
        assertThat(hit.snippet()).startsWith("… ").endsWith(" …").contains("lighthouse was sold").hasSizeLessThan(300);
        int[] range = hit.highlights().getFirst();
        assertThat(hit.snippet().substring(range[0], range[1])).isEqualTo("lighthouse");
    }

    // --- tracking ------------------------------------------------------------------------------

    @Test
    void claimsTakeDueArticlesOnceUntilTheLeaseExpires() {
        Article due = store.upsertArticle("https://bugle.example/due", null, T0);
        Article later = store.upsertArticle("https://bugle.example/later", null, T0.plusSeconds(3600));
        Article gone = store.upsertArticle("https://bugle.example/gone", null, T0);
        store.finishCheck(gone.id(), "w0", new CheckOutcome(T0, 404, Outcome.GONE, null, null, ArticleStatus.GONE,
                new FetchState(null, null, Duration.ofMinutes(30), 0, 0)));

        Instant now = T0.plusSeconds(60);
        assertThat(store.claimDueArticles(now, 10, "w1", LEASE, false)).extracting(Article::id).containsExactly(due.id());
        assertThat(store.claimDueArticles(now, 10, "w2", LEASE, false)).isEmpty();
        // The lease of w1 ran out (it died): the article comes back.
        Instant afterLease = now.plus(LEASE).plusSeconds(1);
        assertThat(store.claimDueArticles(afterLease, 10, "w2", LEASE, false)).extracting(Article::id).containsExactly(due.id());
        assertThat(store.claimDueArticles(afterLease.plusSeconds(1), 10, "w3", LEASE, false)).isEmpty();
        // An hour on, "later" is due and w2's lease on "due" has expired too; "gone" is never claimed.
        assertThat(store.claimDueArticles(T0.plusSeconds(3600), 10, "w3", LEASE, false))
                .extracting(Article::id).containsExactlyInAnyOrder(due.id(), later.id());
    }

    @Test
    void aSliceOfChecksIsWrittenInOneTransactionWithItsVersionsEventsAndSchedules() {
        Source bugle = store.addSource("bugle", List.of("https://bugle.example/feed"), List.of(), ExtractRules.NONE);
        Article a = store.upsertArticle("https://bugle.example/a", bugle.id(), T0);
        Article b = store.upsertArticle("https://bugle.example/b", bugle.id(), T0);
        store.appendVersion(b.id(), nv(T0, text("Bridge shut", "The bridge is shut.")));
        assertThat(store.claimDueArticles(T0, 5, "w1", LEASE, false)).hasSize(2);
        Instant at = T0.plusSeconds(60);
        FetchState hashed = new FetchState("\"v1\"", null, Duration.ofMinutes(30), 0, 0, "ab12", false);
        List<Version> stored = store.finishChecks("w1", List.of(
                new FinishedCheck(a.id(), bugle.id(), List.of(), nv(at, text("Dam opens", "The dam opens."))
                        , new CheckOutcome(at, 200, Outcome.NEW_VERSION, null, at.plusSeconds(1800), ArticleStatus.ACTIVE, hashed)),
                new FinishedCheck(b.id(), bugle.id(), List.of(new ArticleEvent(b.id(), at, EventKind.UNPUBLISHED, "redirected to /")),
                        nv(at, text("Bridge open", "The bridge is open.")),
                        new CheckOutcome(at, 200, Outcome.UNPUBLISHED, null, at.plusSeconds(86400), ArticleStatus.ACTIVE,
                                new FetchState(null, null, Duration.ofDays(1), 1, 0, null, true)))));

        assertThat(stored).extracting(Version::articleId, Version::number).containsExactly(
                org.assertj.core.groups.Tuple.tuple(a.id(), 0), org.assertj.core.groups.Tuple.tuple(b.id(), 1));
        assertThat(store.versions(b.id())).extracting(v -> v.text().title()).containsExactly("Bridge shut", "Bridge open");
        assertThat(store.fetchState(a.id())).isEqualTo(hashed);
        assertThat(store.fetchState(b.id()).unpublished()).isTrue();
        assertThat(store.events(b.id())).extracting(ArticleEvent::kind).containsExactly(EventKind.UNPUBLISHED);
        assertThat(store.checks(b.id(), 5)).extracting(CheckLog::outcome).containsExactly(Outcome.UNPUBLISHED);
        assertThat(store.article(a.id()).orElseThrow().nextCheck()).isEqualTo(at.plusSeconds(1800));
        assertThat(store.search("bridge open", null, null, null, 5)).extracting(h -> h.article().id()).contains(b.id());
        assertThat(store.sourceHealth(at)).singleElement().satisfies(h -> assertThat(h.lastSuccess()).isEqualTo(at));
        // released: neither is claimable before it is due
        assertThat(store.claimDueArticles(at.plusSeconds(1), 5, "w2", LEASE, false)).isEmpty();
    }

    @Test
    void aSliceThatFailsMidwayStoresNothingAndKeepsItsLeases() throws Exception {
        Article a = article("https://bugle.example/a");
        Article b = article("https://bugle.example/b");
        assertThat(store.claimDueArticles(T0, 5, "w1", LEASE, false)).hasSize(2);
        // a real fault inside the database, on the slice's second version: the first is already written by then
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            if (store.isPostgres()) {
                s.execute("CREATE FUNCTION refuse_version() RETURNS trigger AS $$ BEGIN IF NEW.article_id = " + b.id()
                        + " THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
                s.execute("CREATE TRIGGER refuse_version BEFORE INSERT ON versions FOR EACH ROW EXECUTE FUNCTION refuse_version()");
            } else {
                s.execute("CREATE TRIGGER refuse_version BEFORE INSERT ON versions WHEN NEW.article_id = " + b.id()
                        + " BEGIN SELECT RAISE(ABORT, 'injected fault'); END");
            }
        }
        Instant at = T0.plusSeconds(60);
        FetchState fresh = new FetchState("\"v1\"", null, Duration.ofMinutes(30), 0, 0, "ab12", false);
        List<FinishedCheck> slice = List.of(a, b).stream().map(x -> new FinishedCheck(x.id(), null,
                List.of(new ArticleEvent(x.id(), at, EventKind.TEASER, "a teaser")), nv(at, text("Dam opens", "The dam opens.")),
                new CheckOutcome(at, 200, Outcome.NEW_VERSION, null, at.plusSeconds(1800), ArticleStatus.ACTIVE, fresh))).toList();

        assertThatThrownBy(() -> store.finishChecks("w1", slice)).hasMessageContaining("injected fault");

        for (Article x : List.of(a, b)) {
            assertThat(store.versions(x.id())).isEmpty();
            assertThat(store.events(x.id())).isEmpty();
            assertThat(store.checks(x.id(), 5)).isEmpty();
            assertThat(store.fetchState(x.id()).etag()).as("no validators, so the next fetch sees the page whole").isNull();
            assertThat(store.article(x.id()).orElseThrow().versionCount()).isZero();
        }
        assertThat(store.claimDueArticles(at, 5, "w2", LEASE, false)).as("still leased to w1").isEmpty();
        assertThat(store.claimDueArticles(T0.plus(LEASE), 5, "w2", LEASE, false)).as("done again once the lease ends")
                .hasSize(2);
    }

    @Test
    void finishCheckLogsReschedulesAndReleases() {
        Source bugle = store.addSource("bugle", List.of("https://bugle.example/feed"), List.of(), ExtractRules.NONE);
        Article a = store.upsertArticle("https://bugle.example/a", bugle.id(), T0);
        assertThat(store.fetchState(a.id())).isEqualTo(new FetchState(null, null, FetchState.INITIAL_INTERVAL, 0, 0));
        assertThat(store.claimDueArticles(T0, 5, "w1", LEASE, false)).hasSize(1);

        FetchState state = new FetchState("\"abc\"", "Sat, 14 Mar 2026 08:00:00 GMT", Duration.ofMinutes(36), 1, 0);
        Instant next = T0.plus(Duration.ofMinutes(36));
        store.finishCheck(a.id(), "w1", new CheckOutcome(T0.plusSeconds(5), 200, Outcome.UNCHANGED, null, next, ArticleStatus.ACTIVE, state));

        Article after = store.article(a.id()).orElseThrow();
        assertThat(after.lastChecked()).isEqualTo(T0.plusSeconds(5));
        assertThat(after.nextCheck()).isEqualTo(next);
        assertThat(store.fetchState(a.id())).isEqualTo(state);
        assertThat(store.checks(a.id(), 10)).containsExactly(new CheckLog(a.id(), T0.plusSeconds(5), 200, Outcome.UNCHANGED, null));
        // Released, but not due until next.
        assertThat(store.claimDueArticles(T0.plusSeconds(10), 5, "w2", LEASE, false)).isEmpty();
        assertThat(store.claimDueArticles(next, 5, "w2", LEASE, false)).hasSize(1);
        store.finishCheck(a.id(), "w2", new CheckOutcome(next, null, Outcome.ERROR, "connection reset", next.plusSeconds(600),
                ArticleStatus.FAILING, new FetchState("\"abc\"", null, Duration.ofMinutes(36), 1, 1)));
        assertThat(store.checks(a.id(), 10)).extracting(CheckLog::outcome).containsExactly(Outcome.ERROR, Outcome.UNCHANGED);
        assertThat(store.checks(a.id(), 1)).hasSize(1);
        assertThat(store.article(a.id()).orElseThrow().status()).isEqualTo(ArticleStatus.FAILING);
        // Failing articles are still claimed when due.
        assertThat(store.claimDueArticles(next.plusSeconds(600), 5, "w3", LEASE, false)).hasSize(1);
    }

    @Test
    void aWorkerWhoseLeaseWasTakenOverCannotOverwriteTheSchedule() {
        Article a = article("https://bugle.example/a");
        store.claimDueArticles(T0, 1, "slow", LEASE, false);
        Instant takeover = T0.plus(LEASE).plusSeconds(1);
        store.claimDueArticles(takeover, 1, "fast", LEASE, false);
        FetchState state = new FetchState(null, null, Duration.ofMinutes(30), 0, 0);
        store.finishCheck(a.id(), "slow", new CheckOutcome(takeover.plusSeconds(1), 200, Outcome.UNCHANGED, null,
                T0.plus(Duration.ofDays(9)), ArticleStatus.ACTIVE, state));
        assertThat(store.article(a.id()).orElseThrow().nextCheck()).isEqualTo(T0);
        assertThat(store.checks(a.id(), 5)).hasSize(1);
        store.finishCheck(a.id(), "fast", new CheckOutcome(takeover.plusSeconds(2), 200, Outcome.UNCHANGED, null,
                T0.plus(Duration.ofDays(1)), ArticleStatus.ACTIVE, state));
        assertThat(store.article(a.id()).orElseThrow().nextCheck()).isEqualTo(T0.plus(Duration.ofDays(1)));
    }

    @Test
    void ignoringTheScheduleClaimsEveryActiveArticleOncePerRun() {
        Article a = store.upsertArticle("https://bugle.example/a", null, T0);
        Article b = store.upsertArticle("https://bugle.example/b", null, T0.plus(Duration.ofDays(3)));
        Instant run = T0.plusSeconds(60);
        List<Article> claimed = store.claimDueArticles(run, 10, "w", LEASE, true);
        assertThat(claimed).extracting(Article::id).containsExactlyInAnyOrder(a.id(), b.id());
        FetchState state = new FetchState(null, null, Duration.ofMinutes(30), 0, 0);
        for (Article article : claimed) {
            store.finishCheck(article.id(), "w", new CheckOutcome(run, 200, Outcome.UNCHANGED, null, run.plus(Duration.ofHours(1)),
                    ArticleStatus.ACTIVE, state));
        }
        assertThat(store.claimDueArticles(run, 10, "w", LEASE, true)).isEmpty();
    }

    @Test
    void concurrentClaimsFromTwoStoresNeverOverlap() throws Exception {
        int articles = 60;
        for (int i = 0; i < articles; i++) {
            store.upsertArticle("https://bugle.example/" + i, null, T0);
        }
        try (JdbcStore other = secondStore()) {
            List<Callable<List<Long>>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                JdbcStore target = w % 2 == 0 ? store : other;
                String worker = "worker-" + w;
                workers.add(() -> {
                    List<Long> mine = new ArrayList<>();
                    List<Article> batch;
                    while (!(batch = target.claimDueArticles(T0.plusSeconds(1), 3, worker, LEASE, false)).isEmpty()) {
                        batch.forEach(a -> mine.add(a.id()));
                    }
                    return mine;
                });
            }
            List<List<Long>> results = runTogether(workers);
            List<Long> all = results.stream().flatMap(List::stream).toList();
            assertThat(all).hasSize(articles).doesNotHaveDuplicates();
        }
    }

    @Test
    void feedsAreClaimedLeasedAndRescheduled() {
        Source bugle = store.addSource("bugle", List.of("https://bugle.example/feed"), List.of("https://bugle.example/sitemap.xml"),
                ExtractRules.NONE);
        List<FeedTask> tasks = store.claimDueFeeds(T0, 10, "w1", LEASE);
        assertThat(tasks).containsExactlyInAnyOrder(
                new FeedTask(bugle.id(), "bugle", "https://bugle.example/feed", false, null, null),
                new FeedTask(bugle.id(), "bugle", "https://bugle.example/sitemap.xml", true, null, null));
        assertThat(store.claimDueFeeds(T0, 10, "w2", LEASE)).isEmpty();

        FeedTask feed = tasks.stream().filter(t -> !t.sitemap()).findFirst().orElseThrow();
        Instant next = T0.plus(Duration.ofMinutes(10));
        store.finishFeedPoll(feed, "w1", T0.plusSeconds(2), 200, null, "\"v1\"", "Sat, 14 Mar 2026 08:00:00 GMT", 4, next);
        assertThat(store.claimDueFeeds(T0.plusSeconds(30), 10, "w2", LEASE)).isEmpty();
        FeedTask again = store.claimDueFeeds(next, 10, "w2", LEASE).stream().filter(t -> !t.sitemap()).findFirst().orElseThrow();
        assertThat(again.etag()).isEqualTo("\"v1\"");
        assertThat(again.lastModified()).isEqualTo("Sat, 14 Mar 2026 08:00:00 GMT");
        // A 304 brings no validators: the stored ones stay.
        store.finishFeedPoll(again, "w2", next, 304, null, null, null, 0, next.plus(Duration.ofMinutes(10)));
        FeedTask third = store.claimDueFeeds(next.plus(Duration.ofMinutes(10)), 10, "w3", LEASE).stream()
                .filter(t -> !t.sitemap()).findFirst().orElseThrow();
        assertThat(third.etag()).isEqualTo("\"v1\"");
        // The sitemap's lease ran out long ago, so w3 got it as well.
        assertThat(store.claimDueFeeds(next.plus(Duration.ofMinutes(10)), 10, "w4", LEASE)).isEmpty();
    }

    @Test
    void hostSlotsAreSpacedByTheMinimumDelayEvenUnderConcurrency() throws Exception {
        Duration delay = Duration.ofMillis(1000);
        assertThat(store.reserveHostSlot("bugle.example", T0, delay)).isEqualTo(T0);
        assertThat(store.reserveHostSlot("BUGLE.example", T0, delay)).isEqualTo(T0.plusMillis(1000));
        assertThat(store.reserveHostSlot("other.example", T0, delay)).isEqualTo(T0);
        // Much later: the slot is now.
        assertThat(store.reserveHostSlot("bugle.example", T0.plusSeconds(60), delay)).isEqualTo(T0.plusSeconds(60));

        Instant now = T0.plusSeconds(120);
        try (JdbcStore other = secondStore()) {
            List<Callable<List<Instant>>> callers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                JdbcStore target = w % 2 == 0 ? store : other;
                callers.add(() -> {
                    List<Instant> slots = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        slots.add(target.reserveHostSlot("busy.example", now, delay));
                    }
                    return slots;
                });
            }
            List<Instant> slots = new ArrayList<>(runTogether(callers).stream().flatMap(List::stream).toList());
            Collections.sort(slots);
            assertThat(slots).hasSize(20).doesNotHaveDuplicates();
            for (int i = 0; i < slots.size(); i++) {
                assertThat(slots.get(i)).isEqualTo(now.plusMillis(1000L * i));
            }
        }
    }

    @Test
    void eventsAreKeptInOrder() {
        Article a = article("https://bugle.example/a");
        Article b = article("https://bugle.example/b");
        ArticleEvent redirected = new ArticleEvent(a.id(), T0.plusSeconds(5), EventKind.REDIRECTED, "to https://bugle.example/a2");
        ArticleEvent gone = new ArticleEvent(a.id(), T0.plusSeconds(50), EventKind.GONE, "HTTP 410");
        store.recordEvent(gone);
        store.recordEvent(redirected);
        store.recordEvent(new ArticleEvent(b.id(), T0, EventKind.DISALLOWED, null));
        assertThat(store.events(a.id())).containsExactly(redirected, gone);
        assertThat(store.events(b.id())).extracting(ArticleEvent::detail).containsExactly((String) null);
    }

    @Test
    void outcomesAndEventKindsRoundTripThroughTheDatabaseUnderTheirWireNames() throws Exception {
        // the stored values of releases before these were enums: renaming one would orphan old rows
        assertThat(Arrays.stream(Outcome.values()).map(Outcome::toString)).containsExactly("new-version", "unchanged",
                "not-modified", "flip-flop", "gone", "disallowed", "error", "moved", "duplicate", "not-article", "unpublished");
        assertThat(Arrays.stream(EventKind.values()).map(EventKind::toString)).containsExactly("gone", "disallowed",
                "flip-flop", "redirected", "moved", "duplicate", "reuses", "reused-by", "unpublished", "teaser",
                "not-article", "republished");
        Article a = article("https://bugle.example/a");
        FetchState state = new FetchState(null, null, Duration.ofMinutes(30), 0, 0);
        for (int i = 0; i < Outcome.values().length; i++) {
            store.finishCheck(a.id(), "w", new CheckOutcome(T0.plusSeconds(i), 200, Outcome.values()[i], null, null,
                    ArticleStatus.ACTIVE, state));
        }
        for (int i = 0; i < EventKind.values().length; i++) {
            store.recordEvent(new ArticleEvent(a.id(), T0.plusSeconds(i), EventKind.values()[i], null));
        }
        assertThat(store.checks(a.id(), 100)).extracting(CheckLog::outcome)
                .containsExactlyElementsOf(Arrays.asList(Outcome.values()).reversed());
        assertThat(store.events(a.id())).extracting(ArticleEvent::kind).containsExactly(EventKind.values());
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(column(s, "SELECT outcome FROM check_log ORDER BY at")).containsExactlyElementsOf(
                    Arrays.stream(Outcome.values()).map(Outcome::toString).toList());
            assertThat(column(s, "SELECT kind FROM article_events ORDER BY at")).containsExactlyElementsOf(
                    Arrays.stream(EventKind.values()).map(EventKind::toString).toList());
            // a kind this build does not know (say, written by a newer one) fails clearly, naming it
            s.executeUpdate("INSERT INTO article_events (article_id, at, kind) VALUES (" + a.id() + ", 0, 'retracted')");
        }
        assertThatThrownBy(() -> store.events(a.id())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown article event kind 'retracted'");
        assertThat(Json.write(SourceHealth.Verdict.FAILING)).isEqualTo("\"failing\"");
    }

    private static List<String> column(Statement s, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    // --- health --------------------------------------------------------------------------------

    @Test
    void sourceHealthSaysOkFailingAndQuiet() {
        Source ok = store.addSource("ok", List.of("https://ok.example/feed"), List.of(), ExtractRules.NONE);
        Source failing = store.addSource("failing", List.of("https://failing.example/feed"), List.of(), ExtractRules.NONE);
        Source quiet = store.addSource("quiet", List.of("https://quiet.example/feed"), List.of(), ExtractRules.NONE);
        Instant now = T0.plus(Duration.ofDays(10));

        Article okArticle = store.upsertArticle("https://ok.example/a", ok.id(), now.minus(Duration.ofDays(1)));
        store.appendVersion(okArticle.id(), nv(now.minus(Duration.ofDays(1)), text("A", "a")));
        store.appendVersion(okArticle.id(), nv(now.minus(Duration.ofHours(3)), text("A2", "a")));
        FeedTask okFeed = store.claimDueFeeds(now, 10, "w", LEASE).stream().filter(t -> t.sourceId() == ok.id()).findFirst().orElseThrow();
        store.finishFeedPoll(okFeed, "w", now.minus(Duration.ofHours(1)), 200, null, null, null, 1, now);

        Article failingArticle = store.upsertArticle("https://failing.example/a", failing.id(), now.minus(Duration.ofDays(2)));
        FetchState state = new FetchState(null, null, Duration.ofMinutes(30), 0, 1);
        store.finishCheck(failingArticle.id(), "w", new CheckOutcome(now.minus(Duration.ofDays(2)), 200, Outcome.NEW_VERSION, null,
                now, ArticleStatus.ACTIVE, state));
        for (int i = 1; i <= 3; i++) {
            store.finishCheck(failingArticle.id(), "w", new CheckOutcome(now.minus(Duration.ofHours(i)), 503, Outcome.ERROR,
                    "HTTP 503", now, ArticleStatus.FAILING, state));
        }
        store.upsertArticle("https://quiet.example/old", quiet.id(), T0);

        List<SourceHealth> health = store.sourceHealth(now);
        SourceHealth okHealth = health.stream().filter(h -> h.source().name().equals("ok")).findFirst().orElseThrow();
        SourceHealth failingHealth = health.stream().filter(h -> h.source().name().equals("failing")).findFirst().orElseThrow();
        SourceHealth quietHealth = health.stream().filter(h -> h.source().name().equals("quiet")).findFirst().orElseThrow();

        assertThat(okHealth.verdict()).isEqualTo(SourceHealth.Verdict.OK);
        assertThat(okHealth.articles()).isEqualTo(1);
        assertThat(okHealth.lastSuccess()).isEqualTo(now.minus(Duration.ofHours(1)));
        assertThat(okHealth.lastChange()).isEqualTo(now.minus(Duration.ofHours(3)));
        assertThat(okHealth.newPerDay()).isEqualTo(1 / 7.0);
        assertThat(okHealth.errorsLast24h()).isZero();

        assertThat(failingHealth.verdict()).isEqualTo(SourceHealth.Verdict.FAILING);
        assertThat(failingHealth.errorsLast24h()).isEqualTo(3);
        assertThat(failingHealth.lastError()).isEqualTo("HTTP 503");
        assertThat(failingHealth.lastSuccess()).isEqualTo(now.minus(Duration.ofDays(2)));

        assertThat(quietHealth.verdict()).isEqualTo(SourceHealth.Verdict.QUIET);
        assertThat(quietHealth.lastSuccess()).isNull();
        assertThat(quietHealth.newPerDay()).isZero();
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Runs tasks on their own threads, released at the same instant, and returns their results. */
    static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
