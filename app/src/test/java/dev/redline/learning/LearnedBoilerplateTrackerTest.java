package dev.redline.learning;

import dev.redline.track.SimulatedTracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.extract.ExtractRules;
import dev.redline.extract.LearnedLines;
import dev.redline.sim.Newsroom;
import dev.redline.sim.NewsroomSimulator;
import dev.redline.sim.SiteChrome;
import dev.redline.sim.Story;
import dev.redline.sim.VirtualClock;
import dev.redline.store.Article;
import dev.redline.store.LearnedLine;
import dev.redline.store.LearnedSummary;
import dev.redline.store.Source;
import dev.redline.store.Store;
import dev.redline.store.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Learning through the tracker and the simulator: a local paper whose template puts a newsletter
 * prompt and a tips address inside every article (sentences no generic rule drops), and whose
 * articles open with a dateline and close with a sign-off (short lines the generic rules trim).
 * After a few articles, a new one is stored without the template's lines and with its own short
 * lines; the first articles keep the lens they were first read with, so none of their versions
 * differs for anything but the page; an article's many versions teach once.
 */
class LearnedBoilerplateTrackerTest {
    private static final int STORIES = 9;
    private static final int VERSIONS = 3;

    @Test
    void aSourceTeachesItsTemplateAndANewArticleKeepsItsOwnShortLines(@TempDir Path dir) {
        Instant t0 = Instant.parse("2026-03-01T06:00:00Z");
        VirtualClock clock = new VirtualClock(t0);
        Newsroom newsroom = Newsroom.templated("harbour", SiteChrome.LOCAL_PAPER, STORIES, VERSIONS,
                Duration.ofMinutes(30), 7);
        List<Story> stories = newsroom.sources().getFirst().stories();
        List<String> chrome = new ArrayList<>(SiteChrome.LOCAL_PAPER.inline());
        chrome.addAll(SiteChrome.LOCAL_PAPER.tail());
        try (NewsroomSimulator sim = NewsroomSimulator.start(clock, newsroom, t0);
             Store store = Store.open("jdbc:sqlite:" + dir.resolve("redline.db"), clock)) {
            var site = sim.site("harbour");
            Source source = store.addSource(site.name(), List.of(site.rssUrl()), List.of(), ExtractRules.NONE);
            SimulatedTracking.track(store, clock, dir, t0, t0.plus(Duration.ofHours(8)));

            LearnedSummary summary = store.learnedLines().summary(source.id(), 50);
            // every article taught once, whatever its number of versions
            assertThat(summary.articles()).isEqualTo(STORIES);
            assertThat(summary.boilerplate()).extracting(LearnedLine::text).containsExactlyInAnyOrderElementsOf(chrome);
            assertThat(summary.boilerplate()).allSatisfy(l -> assertThat(l.articles()).isEqualTo(STORIES));
            // a line is known only when distinct stories carry it, never for being in every version of one
            Map<Long, Long> storiesWith = stories.stream()
                    .flatMap(s -> s.versions().getFirst().paragraphs().stream().distinct())
                    .collect(Collectors.groupingBy(LearnedLines::fingerprint, Collectors.counting()));
            chrome.forEach(line -> storiesWith.put(LearnedLines.fingerprint(line), (long) STORIES));
            assertThat(store.learnedLines().knownLines(source.id()))
                    .allSatisfy(l -> assertThat(storiesWith.getOrDefault(l.fingerprint(), 0L)).as(l.text()).isGreaterThan(1));

            for (int i = 0; i < STORIES; i++) {
                Story story = stories.get(i);
                Article article = store.articleByUrl(sim.articleUrl(site.name(), story.slug())).orElseThrow();
                List<Version> versions = store.versions(article.id());
                // no version for learning alone: each stored version is a version of the page
                assertThat(versions).as("versions of %s", story.slug()).hasSize(VERSIONS);
                int lens = store.learnedLines().lens(article.id()).orElseThrow();
                for (int v = 0; v < VERSIONS; v++) {
                    List<String> stored = versions.get(v).text().paragraphs();
                    List<String> served = story.versions().get(v).paragraphs();
                    if (lens < 3) {
                        // read before the template was learned: its lines stay, in every version alike
                        assertThat(stored).as("%s v%d", story.slug(), v).containsAll(chrome);
                    } else {
                        assertThat(stored).as("%s v%d", story.slug(), v).doesNotContainAnyElementsOf(chrome)
                                .containsAll(served.subList(1, served.size() - 1));
                    }
                }
            }
            // the last article, read with everything learned: exactly its text, its own dateline and sign-off included
            Story last = stories.getLast();
            Article article = store.articleByUrl(sim.articleUrl(site.name(), last.slug())).orElseThrow();
            assertThat(store.learnedLines().lens(article.id())).hasValue(STORIES - 1);
            List<String> served = last.versions().getFirst().paragraphs();
            Function<String, Long> carriers = line -> storiesWith.getOrDefault(LearnedLines.fingerprint(line), 0L);
            assertThat(carriers.apply(served.getFirst())).as("the dateline is the article's own").isEqualTo(1);
            assertThat(carriers.apply(served.getLast())).as("the sign-off is the article's own").isEqualTo(1);
            assertThat(store.versions(article.id()).getFirst().text().paragraphs()).isEqualTo(served);
        }
    }
}
