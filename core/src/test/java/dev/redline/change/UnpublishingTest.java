package dev.redline.change;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnpublishingTest {
    private static final String STORY = "https://www.daily.example/news/politics/budget-vote";

    @Test
    void aRedirectToTheHomePageOrASectionFrontIsATakeDown() {
        assertThat(Unpublishing.redirectedToFront(STORY, "https://daily.example/")).isTrue();
        assertThat(Unpublishing.redirectedToFront(STORY, "https://www.daily.example/index.html")).isTrue();
        assertThat(Unpublishing.redirectedToFront(STORY, "https://www.daily.example/news/politics/")).isTrue();
    }

    @Test
    void aMoveToAnotherStoryOrAnotherSiteIsNot() {
        assertThat(Unpublishing.redirectedToFront(STORY, STORY)).isFalse();
        assertThat(Unpublishing.redirectedToFront(STORY, "https://www.daily.example/news/politics/budget-vote-passes")).isFalse();
        assertThat(Unpublishing.redirectedToFront(STORY, "https://www.daily.example/sport/")).isFalse();
        assertThat(Unpublishing.redirectedToFront(STORY, "https://other.example/")).isFalse();
    }

    @Test
    void aShortPageSayingTheArticleWasRemovedIsATakeDown() {
        assertThat(Unpublishing.removalNotice("Budget vote", "This article has been removed.")).isEqualTo("This article has been removed.");
        assertThat(Unpublishing.removalNotice("Seite nicht gefunden", "")).isEqualTo("Seite nicht gefunden");
        assertThat(Unpublishing.removalNotice("", "Questo articolo non è più disponibile.")).isNotNull();
        assertThat(Unpublishing.removalNotice("Budget vote", "The council approved the budget on Tuesday.")).isNull();
        assertThat(Unpublishing.removalNotice("The Daily", "Home News Sport This article has been removed. " + "Menu ".repeat(100)))
                .isEqualTo("This article has been removed");
    }

    @Test
    void anArticleReportingOnARemovalIsNotOne() {
        String report = "The broadcaster said the story was pulled after complaints. "
                + "A spokesperson told reporters: this article has been removed while we review it. ".repeat(25);
        assertThat(Unpublishing.removalNotice("Broadcaster pulls story", report)).isNull();
    }
}
