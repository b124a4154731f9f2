package dev.redline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractorTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private final Extractor extractor = new Extractor();

    private Extracted extract(String html) {
        return extractor.extract(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8",
                "https://courier.example/news/ferry-pier");
    }

    @Test
    void readsJsonLdInsideGraphWithSeveralAuthors() {
        String head = """
                <title>Pier closes - Courier</title>
                <link rel="canonical" href="/news/2026/ferry-pier-closes">
                <script type="application/ld+json">
                {"@context":"https://schema.org","@graph":[
                  {"@type":"WebSite","name":"The Wendle Courier"},
                  {"@type":["NewsArticle"],"headline":"Old ferry pier to close after 90 years",
                   "author":[{"@type":"Person","name":"Ada Brennan"},{"@type":"Person","name":"Tomas Reyes"}],
                   "datePublished":"2026-03-04T08:15:00+01:00","dateModified":"2026-03-04T10:00:00Z",
                   "inLanguage":"en-GB"}
                ]}
                </script>
                """;
        Extracted x = extract(Pages.page(head, Pages.STORY_PARAGRAPHS));

        assertThat(x.found()).isTrue();
        assertThat(x.title()).isEqualTo("Old ferry pier to close after 90 years");
        assertThat(x.byline()).isEqualTo("Ada Brennan and Tomas Reyes");
        assertThat(x.published()).isEqualTo(Instant.parse("2026-03-04T07:15:00Z"));
        assertThat(x.modified()).isEqualTo(Instant.parse("2026-03-04T10:00:00Z"));
        assertThat(x.url()).isEqualTo("https://courier.example/news/2026/ferry-pier-closes");
        assertThat(x.language()).isEqualTo("en-GB");
    }

    @Test
    void fallsBackToOpenGraphMetaAndTimeWithoutJsonLd() {
        String head = """
                <title>Old ferry pier to close after 90 years | The Wendle Courier</title>
                <meta property="og:title" content="Old ferry pier to close after 90 years | The Wendle Courier">
                <meta property="og:site_name" content="The Wendle Courier">
                <meta property="og:url" content="https://courier.example/p/123">
                <meta name="author" content="By Ada Brennan">
                <meta property="article:modified_time" content="2026-03-05T09:30:00+0000">
                """;
        String body = "<p class=\"meta\"><time datetime=\"2026-03-04T08:15:00Z\">4 March</time></p>" + Pages.STORY_PARAGRAPHS;
        Extracted x = extract(Pages.page(head, body));

        assertThat(x.title()).isEqualTo("Old ferry pier to close after 90 years");
        assertThat(x.byline()).isEqualTo("Ada Brennan");
        assertThat(x.published()).isEqualTo(Instant.parse("2026-03-04T08:15:00Z"));
        assertThat(x.modified()).isEqualTo(Instant.parse("2026-03-05T09:30:00Z"));
        assertThat(x.url()).isEqualTo("https://courier.example/p/123");
        assertThat(x.language()).isEqualTo("en-GB");
    }

    @Test
    void titleDropsSiteSuffixWhenThePageHasNoHeadline() {
        String html = "<html><head><title>Tide tables change for spring | The Wendle Courier</title></head><body><div>"
                + Pages.STORY_PARAGRAPHS + "</div></body></html>";
        assertThat(extract(html).title()).isEqualTo("Tide tables change for spring");
    }

    @Test
    void controlCharactersInThePageNeverReachTheResult() {
        String html = "<html><head><title>Pier&#27;]0;owned&#7; reopens</title></head><body><article><h1>Pier&#27;]0;owned&#7; reopens</h1>"
                + Pages.STORY_PARAGRAPHS + "</article></body></html>";
        Extracted x = extract(html);
        assertThat(x.title()).isEqualTo("Pier]0;owned reopens");
        assertThat(String.join("", x.paragraphs())).doesNotContainPattern("\\p{Cc}");
    }

    @Test
    void bodyKeepsParagraphsSubheadingsAndListItemsInOrder() {
        Extracted x = extract(Pages.article(Pages.STORY_PARAGRAPHS));

        assertThat(x.paragraphs()).containsExactly(
                "The harbour board of Port Wendle voted on Tuesday to close the old ferry pier, ending a service that has carried islanders across the sound since 1931, after engineers found the pilings rotten.",
                "“We had no choice,” said board chair Mira Okonkwo, who added that a temporary landing would open at the fish market within six weeks, and that fares would not change while it is built.",
                "What happens to the ferry",
                "The ferry Saltbird will dock overnight at the container quay, a walk of twenty minutes from the town centre, until the new landing is ready. Commuters told the meeting that the walk would add an hour to their day.",
                "Morning sailings move to the container quay from Monday",
                "Evening sailings keep their times but leave from berth four",
                "Repairs to the pier would have cost more than a new landing, according to the engineers' report, which the board published in full on its website last night.");
        assertThat(x.text()).isEqualTo(String.join("\n", x.paragraphs()));
        assertThat(x.toArticleText().title()).isEqualTo("Old ferry pier to close after 90 years");
        assertThat(x.toArticleText().paragraphs()).isEqualTo(x.paragraphs());
    }

    @Test
    void dropsSiteBoilerplateInsideTheArticle() {
        String body = """
                <div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
                <p class="byline">By Ada Brennan</p>
                <p>Updated 4 March 2026, 10:02</p>
                """ + Pages.STORY_PARAGRAPHS + """
                <p>Advertisement</p>
                <div class="newsletter-signup"><p>Get the Courier briefing in your inbox every morning.</p><button>Sign up</button></div>
                <p>Read more: <a href="/x">Ferry fares to rise in spring</a></p>
                <div class="cookie-banner"><p>We use cookies to improve your experience.</p></div>
                <p>Receive News Alerts on Whatsapp: +44 7700 900123</p>
                <p>No Comments yet</p>
                <p>12 Comments</p>
                """;
        Extracted x = extract(Pages.article(body));

        assertThat(x.paragraphs()).hasSize(7);
        assertThat(x.paragraphs().getFirst()).startsWith("The harbour board of Port Wendle");
        assertThat(x.paragraphs().getLast()).startsWith("Repairs to the pier");
        assertThat(x.text()).doesNotContain("Whatsapp", "No Comments", "Advertisement", "Read more", "cookies",
                "inbox", "Share", "By Ada");
    }

    @Test
    void dropsFurnitureAtTheEndsButKeepsAClosingList() {
        String body = """
                <p>By Ada Brennan | 4 March 2026 at 10:02 AM - Updated 4 March at 11:40 AM</p>
                <p>Wednesday, 4 March 2026 at 10:02</p>
                """ + Pages.STORY_PARAGRAPHS + """
                <h3>Sailings this week</h3>
                <ul><li>Monday 07:10 from berth four</li><li>Tuesday 07:10 from berth four</li></ul>
                <p>We use cookies and similar technologies to personalise content and adverts, to provide social media
                features and to analyse our traffic; by continuing to use this site you agree to our use of them.</p>
                <p>Let the harbour news meet your inbox, every weekday morning before the first sailing.</p>
                <p>Ada Brennan is a reporter for the Courier covering the harbour and the islands.</p>
                <h3>More stories from the islands</h3>
                <p>Gull Point lighthouse keeper hands over the keys after forty-one years on the rock, and says he will miss the storms.</p>
                <p>ferry, harbour, Port Wendle, islands, transport, council, engineering</p>
                """;
        Extracted x = extract(Pages.article(body));

        assertThat(x.paragraphs().getFirst()).startsWith("The harbour board of Port Wendle");
        assertThat(x.paragraphs()).endsWith("Sailings this week", "Monday 07:10 from berth four", "Tuesday 07:10 from berth four");
        assertThat(x.text()).doesNotContain("cookies", "inbox", "is a reporter", "Gull Point", "By Ada", "Wednesday");
    }

    @Test
    void dropsCaptionsCreditsAndRelatedLinks() {
        String body = """
                <figure><img src="pier.jpg" alt="The pier"><figcaption>The pier at low tide last year. Photo: Jon Hale</figcaption></figure>
                """ + Pages.STORY_PARAGRAPHS + """
                <p>Photo: Wendle Courier archive</p>
                <div class="related-stories"><h3>Related</h3><ul>
                  <li><a href="/1">Islanders protest ferry timetable</a></li>
                  <li><a href="/2">New harbour master appointed</a></li>
                  <li><a href="/3">Fish market gets a new roof</a></li></ul></div>
                """;
        Extracted x = extract(Pages.article(body));

        assertThat(x.text()).doesNotContain("low tide", "Photo", "Islanders protest", "harbour master", "Related");
        assertThat(x.paragraphs()).hasSize(7);
    }

    @Test
    void splitsLinesSeparatedByBreaks() {
        String body = "<div>" + "The first line of a poem about the sea is long enough to count as text.<br><br>"
                + "The second line answers it, and the tide comes in over the old stones again.<br>"
                + "A third line closes the stanza with gulls, rain and the smell of tar in the harbour.</div>"
                + Pages.STORY_PARAGRAPHS;
        Extracted x = extract(Pages.article(body));

        assertThat(x.paragraphs()).startsWith(
                "The first line of a poem about the sea is long enough to count as text.",
                "The second line answers it, and the tide comes in over the old stones again.",
                "A third line closes the stanza with gulls, rain and the smell of tar in the harbour.");
    }

    @Test
    void pageWithoutArticleSaysSoInsteadOfReturningAFragment() {
        String sectionFront = """
                <html><head><title>News | The Wendle Courier</title></head><body>
                <nav><a href="/">Home</a> <a href="/news">News</a></nav>
                <div class="teasers"><ul>
                  <li><a href="/1">Old ferry pier to close after 90 years</a></li>
                  <li><a href="/2">Lighthouse keeper retires after four decades</a></li>
                  <li><a href="/3">Council delays bin collections again</a></li>
                </ul></div>
                <p>Page 1 of 12</p></body></html>
                """;
        for (Extracted x : List.of(extract(sectionFront), extract("<html><body><p>Page not found.</p></body></html>"),
                extractor.extract(new byte[0], null, null), extract("<<<>>> \u0000 garbage"))) {
            assertThat(x.found()).isFalse();
            assertThat(x.verdict().kind()).isIn(PageVerdict.Kind.NO_TEXT, PageVerdict.Kind.NO_HEADLINE,
                    PageVerdict.Kind.UNREADABLE);
            assertThat(x.reason()).isNotBlank();
        }
    }

    @Test
    void perSourceRulesComeFirst() {
        String html = """
                <html><head><title>Wrong title</title></head><body>
                <div class="headline-box"><span class="hl">Pier vote: the full story</span></div>
                <div class="odd-layout"><p class="promo-line">Buy the Sunday edition for the full puzzle page inside.</p>
                """ + Pages.STORY_PARAGRAPHS + """
                </div>
                <div class="comments-thread"><p>I have used that pier every day for thirty years and I will miss it a great deal, honestly.</p>
                <p>The board should have repaired it years ago, when it would have been much cheaper to do so.</p></div>
                </body></html>
                """;
        ExtractRules rules = new ExtractRules(List.of("div.odd-layout"), ".headline-box .hl", List.of(".promo-line"));
        Extracted x = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null, rules);

        assertThat(x.title()).isEqualTo("Pier vote: the full story");
        assertThat(x.paragraphs()).hasSize(7);
        assertThat(x.text()).doesNotContain("Sunday edition", "thirty years");
    }

    @Test
    void aShortConfiguredBodyIsNotOverruledByAutomaticExtraction() {
        String brief = "The ferry Saltbird is back in service after a week in dry dock, the operator said on Sunday, "
                + "and fares are unchanged.";
        String html = Pages.article(Pages.STORY_PARAGRAPHS)
                .replace("<main>", "<main><div class=\"brief\"><p>" + brief + "</p></div>");
        Extracted x = extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null,
                new ExtractRules(List.of("div.brief"), null, List.of()));

        // a one-sentence brief is the article: it is kept, however short
        assertThat(x.found()).isTrue();
        assertThat(x.paragraphs()).containsExactly(brief);

        String longer = brief + " Passengers are asked to arrive ten minutes early while the new gangway is tested.";
        Extracted y = extractor.extract(html.replace(brief, longer).getBytes(StandardCharsets.UTF_8), null, null,
                new ExtractRules(List.of("div.brief"), null, List.of()));
        assertThat(y.paragraphs()).containsExactly(longer);
    }

    @Test
    void brokenPerSourceSelectorFallsBackToAutomaticExtraction() {
        ExtractRules rules = new ExtractRules(List.of("div[[["), "::nonsense(", List.of(">>>"));
        Extracted x = extractor.extract(Pages.article(Pages.STORY_PARAGRAPHS).getBytes(StandardCharsets.UTF_8),
                null, null, rules);
        assertThat(x.found()).isTrue();
        assertThat(x.paragraphs()).hasSize(7);
    }

    @Test
    void usesDeclaredArticleBodyWhenTheDomYieldsLittle() {
        String text = "Fishermen at Port Wendle landed a record catch of mackerel on Friday, the largest since the "
                + "harbour records began, and prices at the market fell by a third before noon. The harbour master "
                + "said the shoal had been seen off Gull Point for a week, and that boats from three villages had "
                + "joined the catch.";
        String head = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Record mackerel catch\","
                + "\"articleBody\":\"" + text + "\"}</script>";
        // the visible text is all inside one big link, which DOM scoring rightly distrusts
        String html = "<html><head>" + head + "</head><body><h1>Record mackerel catch</h1><div><a href=\"/story\"><p>"
                + text + "</p></a></div></body></html>";
        Extracted x = extract(html);

        assertThat(x.found()).isTrue();
        assertThat(x.text()).isEqualTo(text);
    }

    @Test
    void ignoresDeclaredArticleBodyThatIsNotOnThePage() {
        String head = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\""
                + "An entirely different story about a bakery in another town that is nowhere on this page at all, "
                + "told at some length so that it would otherwise look like a perfectly good article body to use, "
                + "with a few more words about bread, ovens and early mornings.\"}</script>";
        Extracted x = extract(Pages.page(head, Pages.STORY_PARAGRAPHS));
        assertThat(x.text()).doesNotContain("bakery").contains("harbour board");
    }

    // ---- character sets ----

    private static String curlyStory() {
        return "<html><head><title>Quotes</title></head><body><article>"
                + "<p>“It’s the end of an era,” said the ferry’s captain, Ólafur Jónsson, as the last sailing left the pier on a grey morning.</p>"
                + "<p>Passengers – some of whom had crossed every day for decades – waved from the deck as the horn sounded twice.</p>"
                + "</article></body></html>";
    }

    @Test
    void windows1252WithoutAnyDeclarationKeepsCurlyQuotes() {
        byte[] bytes = curlyStory().getBytes(CP1252);
        Extracted x = extractor.extract(bytes, "text/html", null);
        assertThat(x.paragraphs().getFirst()).startsWith("“It’s the end of an era,” said the ferry’s captain, Ólafur");
        assertThat(x.paragraphs().get(1)).contains("Passengers – some");
    }

    @Test
    void declaredUtf8ThatIsReallyWindows1252IsDetected() {
        byte[] bytes = curlyStory().replace("<head>", "<head><meta charset=\"utf-8\">").getBytes(CP1252);
        Extracted x = extractor.extract(bytes, "text/html; charset=UTF-8", null);
        assertThat(x.paragraphs().getFirst()).startsWith("“It’s the end of an era,”");
    }

    @Test
    void latin1HeaderMeansWindows1252() {
        byte[] bytes = curlyStory().getBytes(CP1252);
        Extracted x = extractor.extract(bytes, "text/html; charset=ISO-8859-1", null);
        assertThat(x.paragraphs().getFirst()).startsWith("“It’s the end");
    }

    @Test
    void metaCharsetIsUsedWhenTheHeaderHasNone() {
        String html = curlyStory().replace("<head>", "<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">")
                .replace("Ólafur Jónsson", "Олег Петров");
        byte[] bytes = html.replace("“", "\"").replace("”", "\"").replace("’", "'").replace("–", "-")
                .getBytes(Charset.forName("KOI8-R"));
        Extracted x = extractor.extract(bytes, null, null);
        assertThat(x.paragraphs().getFirst()).contains("Олег Петров");
    }

    @Test
    void byteOrderMarkWinsOverAWrongDeclaration() {
        byte[] text = curlyStory().replace("<head>", "<head><meta charset=\"windows-1252\">").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Extracted x = extractor.extract(withBom, "text/html; charset=windows-1252", null);
        assertThat(x.paragraphs().getFirst()).startsWith("“It’s the end");
    }
}
