package dev.redline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Pages under the byte cap whose DOM is not: a clear "over the limit" result instead of gigabytes. */
class PageLimitsTest {
    private final Extractor extractor = new Extractor();

    private static byte[] page(String filler, int bytes) {
        StringBuilder html = new StringBuilder("<html><head><title>Hostile</title></head><body><article>");
        html.append("<p>").append("A real opening paragraph of the story with enough words to count. ".repeat(5)).append("</p>");
        while (html.length() < bytes) {
            html.append(filler);
        }
        return html.append("</article></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sixHundredThousandTinyParagraphsAreOverTheLimit() {
        Extracted x = extractor.extract(page("<p>a</p>", 4_800_000), "text/html", "https://hostile.example/wide");
        assertThat(x.found()).isFalse();
        assertThat(x.reason()).isEqualTo("no article found: page over the limit: more than 50,000 elements");
    }

    @Test
    void tagsNeverClosedAreOverTheDepthLimit() {
        Extracted x = extractor.extract(page("<div>x ", 1_800_000), "text/html", "https://hostile.example/deep");
        assertThat(x.reason()).isEqualTo("no article found: page over the limit: elements nested more than 256 deep");
        Extracted shallow = extractor.extract(page("<div>x ", 1_000), "text/html", "https://hostile.example/deep");
        assertThat(shallow.found()).as(shallow.reason()).isTrue();
    }

    @Test
    void aLongButOrdinaryPageIsStillRead() {
        String story = "<p>" + "The council met on Tuesday and voted on the harbour bridge plan again. ".repeat(4) + "</p>";
        Extracted x = extractor.extract(page(story + "<ul>" + "<li><a href=/x>link</a></li>".repeat(300) + "</ul>", 300_000),
                "text/html", "https://fine.example/long");
        assertThat(x.found()).as(x.reason()).isTrue();
        assertThat(x.paragraphs()).anyMatch(p -> p.startsWith("The council met on Tuesday"));
    }
}
