package dev.redline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.extract.TextBlock.Kind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The body keeps the article's structure: each block says whether it is a subheading, list item, quote or table row. */
class ArticleStructureTest {
    private final Extractor extractor = new Extractor();

    @Test
    void subheadingsListsQuotesAndTableRowsAreMarkedInOrder() {
        Extracted x = Pages.extract(Pages.STORY_PARAGRAPHS + """
                <blockquote><p>The pier served us for ninety years, and we will build its successor to last as long.</p></blockquote>
                <p><strong>Timeline of events</strong></p>
                <table><tr><th>Date</th><th>Event</th></tr>
                  <tr><td>1931</td><td>Pier opens to the ferry service</td></tr></table>
                <p>The new landing is expected to open before the summer timetable starts in May, the board said.</p>
                """);

        List<Kind> kinds = x.blocks().stream().map(TextBlock::kind).toList();
        assertThat(kinds).containsExactly(Kind.PARAGRAPH, Kind.PARAGRAPH, Kind.HEADING, Kind.PARAGRAPH,
                Kind.LIST_ITEM, Kind.LIST_ITEM, Kind.PARAGRAPH, Kind.QUOTE, Kind.HEADING, Kind.TABLE_ROW,
                Kind.TABLE_ROW, Kind.PARAGRAPH);
        assertThat(x.blocks().get(2).text()).isEqualTo("What happens to the ferry");
        assertThat(x.blocks().get(8).text()).isEqualTo("Timeline of events");
        assertThat(x.blocks().get(10).text()).isEqualTo("1931 | Pier opens to the ferry service");
        assertThat(x.paragraphs()).isEqualTo(x.blocks().stream().map(TextBlock::text).toList());
    }

    @Test
    void timestampsOfALivePageStayWithTheirEntries() {
        Extracted x = Pages.extract("""
                <div class="entry"><p><time>10:42</time></p><p>The harbour board has begun its vote on the pier, with all seven members present.</p></div>
                <div class="entry"><p><time>10:15</time></p><p>Engineers have told the board that the pilings cannot be repaired at a sensible cost.</p></div>
                """);

        assertThat(x.paragraphs()).containsExactly("10:42",
                "The harbour board has begun its vote on the pier, with all seven members present.", "10:15",
                "Engineers have told the board that the pilings cannot be repaired at a sensible cost.");
    }

    @Test
    void aLayoutTableIsNotATableOfData() {
        Extracted x = Pages.extract("<table><tr><td>" + Pages.STORY_PARAGRAPHS + "</td></tr></table>");

        assertThat(x.blocks()).extracting(TextBlock::kind).doesNotContain(Kind.TABLE_ROW);
        assertThat(x.paragraphs()).hasSize(7);
    }

    @Test
    void aLeadParagraphBetweenTheHeadlineAndTheBodyOpensTheArticle() {
        String lead = "The harbour board of Port Wendle has voted to close the ferry pier that served the island for ninety "
                + "years, and a temporary landing at the fish market is to open within six weeks.";
        String page = """
                <html><head><title>Old ferry pier to close</title></head><body>
                <main><div class="story-top">
                  <header class="story-header"><h1>Old ferry pier to close after 90 years</h1>
                    <p class="byline">By Ann Lee</p><p class="intro">%s</p></header>
                  <div class="layout"><div class="story-body">%s</div>
                  <aside class="sidebar"><a href="/x">Council delays bin collections over the holidays</a></aside></div>
                </div></main></body></html>
                """.formatted(lead, Pages.STORY_PARAGRAPHS);

        Extracted x = extractor.extract(page.getBytes(StandardCharsets.UTF_8), null, null);

        assertThat(x.paragraphs().getFirst()).isEqualTo(lead);
        assertThat(x.paragraphs()).doesNotContain("By Ann Lee").hasSize(8);
    }
}
