package dev.redline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep article text the class and id hints used to drop (issue 9, recall), each on a
 * small hand-written page, beside the furniture the same hints must still drop.
 */
class RecallRulesTest {
    private final Extractor extractor = new Extractor();

    @Test
    void aSubheadingsAnchorIdIsNotARole() {
        Extracted x = Pages.extract(Pages.STORY_PARAGRAPHS + """
                <h2 id="what-comes-next">What comes next for the island</h2>
                <p>The board meets again in March to choose a builder for the new landing, and islanders may speak at that meeting.</p>
                <div id="next-story"><p>Up next: Lighthouse keeper retires</p></div>
                """);

        assertThat(x.paragraphs()).contains("What comes next for the island")
                .doesNotContain("Up next: Lighthouse keeper retires");
    }

    @Test
    void aBlockHiddenOnSmallScreensOnlyIsShownAndKept() {
        Extracted x = Pages.extract(Pages.STORY_PARAGRAPHS + """
                <div class="box hidden-xs"><p>The old pier's timber will be sold to boat builders on the island, the board said.</p></div>
                <div class="hidden"><p>Subscribe to the Courier for more stories about the harbour.</p></div>
                """);

        assertThat(x.paragraphs()).contains("The old pier's timber will be sold to boat builders on the island, the board said.")
                .doesNotContain("Subscribe to the Courier for more stories about the harbour.");
    }

    @Test
    void aShortArticleIsNotSwappedForTheSidebarTheStrictPassRemoved() {
        String story = "The ferry pier at Port Wendle closed on Tuesday after engineers found its pilings rotten, the harbour board said.";
        String page = """
                <html><head><title>Ferry pier closed</title></head><body>
                <div class="page"><div class="story"><h1>Ferry pier closed</h1><p>%s</p></div></div>
                <div class="sidebar"><div class="about">
                  <p>The Wendle Courier has reported on the island and its harbour since 1911, and is owned by its readers, who elect its board every spring.</p>
                  <p>Our reporters cover the council, the courts, the schools and the harbour, and we publish every weekday morning and on Saturday afternoons.</p>
                </div></div></body></html>
                """.formatted(story);

        Extracted x = extractor.extract(page.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(x.paragraphs()).containsExactly(story);
    }

    @Test
    void aLayoutWrapperNamedForItsSidebarIsNotTheSidebar() {
        String page = """
                <html><head><title>Old ferry pier to close</title></head><body>
                <div class="about-the-courier">
                  <p>The Wendle Courier has reported on the island and its harbour since 1911, and is owned by its readers, who elect its board every spring at the town hall.</p>
                  <p>Our reporters cover the council, the courts, the schools and the harbour, and we publish every weekday morning and on Saturday afternoons, in print and online.</p>
                  <p>Letters to the editor are welcome, and we print a selection of them every Saturday, with replies from the people they concern where they wish to answer.</p>
                  <p>The Courier's archive of every edition since 1911 is open to readers at the town library, on weekdays from nine until five.</p>
                </div>
                <div class="wrap layout-with-sidebar-right">
                  <div class="story"><h1>Old ferry pier to close after 90 years</h1>%s</div>
                  <div class="sidebar"><p><a href="/x">Council delays bin collections</a></p></div>
                </div></body></html>
                """.formatted(Pages.STORY_PARAGRAPHS);

        Extracted x = extractor.extract(page.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(x.paragraphs()).contains("Repairs to the pier would have cost more than a new landing, according to the "
                + "engineers' report, which the board published in full on its website last night.")
                .doesNotContain("Council delays bin collections");
    }

    @Test
    void theArticleContinuedInALikeContentElementJoinsIt() {
        String page = """
                <html><head><title>Old ferry pier to close</title></head><body><main>
                <div class="content-element text">
                  <div class="element-header"><h1>Old ferry pier to close after 90 years</h1></div>
                  <div class="element-text">%s</div>
                </div>
                <div class="content-element text">
                  <div class="element-text"><p>The board will decide in March which of the three bidders builds the new landing, and islanders may speak at that meeting.</p></div>
                </div>
                <div class="content-element text">
                  <h3><a href="/lighthouse">Lighthouse keeper retires</a></h3>
                  <p>After four decades at Gull Point, the keeper hands over the lamp to an automatic beacon installed by the board this winter.</p>
                </div>
                </main></body></html>
                """.formatted(Pages.STORY_PARAGRAPHS);

        Extracted x = extractor.extract(page.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(x.paragraphs()).contains("The board will decide in March which of the three bidders builds the new landing, "
                        + "and islanders may speak at that meeting.")
                .doesNotContain("Lighthouse keeper retires");
        assertThat(x.paragraphs().getFirst()).startsWith("The harbour board of Port Wendle");
    }
}
