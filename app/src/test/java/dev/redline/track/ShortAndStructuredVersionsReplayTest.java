package dev.redline.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.extract.ExtractRules;
import dev.redline.sim.Newsroom;
import dev.redline.sim.NewsroomSimulator;
import dev.redline.sim.SimSource;
import dev.redline.sim.Story;
import dev.redline.sim.StoryVersion;
import dev.redline.sim.VirtualClock;
import dev.redline.store.Article;
import dev.redline.store.EventKind;
import dev.redline.store.Store;
import dev.redline.store.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A version is never lost for being short": replays, through the simulator and the tracker, a
 * story whose first version is a one-line stub, a live page whose entries carry time stamps, and an
 * article with subheadings, and checks that every version served was stored, in order, verbatim;
 * a consent wall served in place of a story is an event with its reason, not a version.
 */
class ShortAndStructuredVersionsReplayTest {
    private static final Duration HOUR = Duration.ofHours(1);

    private static final Story STUB = new Story("pier-closed", List.of(
            new StoryVersion(Duration.ZERO, "Ferry pier closed", null,
                    List.of("The old ferry pier has closed.")),
            new StoryVersion(HOUR, "Ferry pier closed", null,
                    List.of("The old ferry pier has closed.", "Engineers found rotten pilings on Tuesday.")),
            new StoryVersion(HOUR.multipliedBy(2), "Ferry pier closed after engineers find rotten pilings", "By Ada Brennan",
                    List.of("The old ferry pier has closed after engineers found its pilings rotten, the harbour board said on Tuesday.",
                            "Ferries will use the container quay until a temporary landing opens at the fish market.",
                            "“We had no choice,” said the board chair, who promised that fares would not change."))), null);
    private static final Story LIVE = new Story("storm-live", List.of(
            new StoryVersion(Duration.ZERO, "Storm live: gales reach the coast", null,
                    List.of("10:05", "Winds of 90 km/h are forecast for the coast tonight.")),
            new StoryVersion(HOUR, "Storm live: gales reach the coast", null,
                    List.of("11:02", "The harbour has closed to all shipping until further notice.",
                            "10:05", "Winds of 90 km/h are forecast for the coast tonight.")),
            new StoryVersion(HOUR.multipliedBy(2), "Storm live: harbour closed as gales reach the coast", null,
                    List.of("12:10", "Power is out in two villages on the headland.",
                            "11:02", "The harbour has closed to all shipping until further notice.",
                            "10:05", "Winds of 90 km/h are forecast for the coast tonight."))), null);
    private static final Story EXPLAINER = new Story("budget-explained", List.of(
            new StoryVersion(Duration.ZERO, "The harbour budget, explained", "By Bo Chan",
                    List.of("The harbour board has set its budget for next year, and most of it goes to the new landing.",
                            "What changes",
                            "Mooring fees rise by four per cent, the first rise in six years, to pay for dredging.",
                            "Timeline of events",
                            "The board votes in March, and the new fees apply from the first of May.",
                            "Work on the landing starts in June and should be finished before the winter storms."),
                    Set.of(1, 3)),
            new StoryVersion(HOUR.multipliedBy(2), "The harbour budget, explained", "By Bo Chan",
                    List.of("The harbour board has set its budget for next year, and most of it goes to the new landing.",
                            "What changes",
                            "Mooring fees rise by five per cent, the first rise in six years, to pay for dredging.",
                            "Timeline of events",
                            "The board votes in March, and the new fees apply from the first of May.",
                            "Work on the landing starts in June and should be finished before the winter storms."),
                    Set.of(1, 3))), null);

    private static final StoryVersion CONSENT_WALL = new StoryVersion(Duration.ZERO, "Before you continue", null,
            List.of("We and our partners use cookies to show you this page. Accept all to continue."));
    private static final Story WALLED = new Story("gale-warning", List.of(CONSENT_WALL,
            new StoryVersion(HOUR, "Gale warning for the coast", null, List.of("A gale warning is in force until midnight."))),
            null);

    @Test
    void everyVersionIsStoredInOrderVerbatimHoweverShort(@TempDir Path dir) {
        Instant t0 = Instant.parse("2026-03-01T06:00:00Z");
        VirtualClock clock = new VirtualClock(t0);
        Newsroom newsroom = new Newsroom(List.of(new SimSource("harbour-gazette", "The Harbour Gazette",
                List.of(STUB, LIVE, EXPLAINER, WALLED))));
        try (NewsroomSimulator sim = NewsroomSimulator.start(clock, newsroom, t0);
             Store store = Store.open("jdbc:sqlite:" + dir.resolve("redline.db"), clock)) {
            var site = sim.site("harbour-gazette");
            store.addSource(site.name(), List.of(site.rssUrl()), List.of(), ExtractRules.NONE);
            SimulatedTracking.track(store, clock, dir, t0, t0.plus(Duration.ofHours(4)));
            for (Story story : newsroom.sources().getFirst().stories()) {
                Article article = store.articleByUrl(sim.articleUrl(site.name(), story.slug()))
                        .orElseThrow(() -> new AssertionError("not tracked: " + story.slug()));
                List<StoryVersion> articles = story.versions().stream().filter(v -> v != CONSENT_WALL).toList();
                List<Version> stored = store.versions(article.id());
                assertThat(stored).as("versions of %s", story.slug()).hasSameSizeAs(articles);
                for (int i = 0; i < stored.size(); i++) {
                    assertThat(stored.get(i).number()).isEqualTo(i);
                    assertThat(stored.get(i).text().title()).isEqualTo(articles.get(i).title());
                    assertThat(stored.get(i).text().paragraphs()).as("%s version %d", story.slug(), i)
                            .isEqualTo(articles.get(i).paragraphs());
                }
            }
            Article walled = store.articleByUrl(sim.articleUrl(site.name(), WALLED.slug())).orElseThrow();
            assertThat(store.events(walled.id())).filteredOn(e -> e.kind() == EventKind.NOT_ARTICLE)
                    .singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("a consent page"));
        }
    }
}
