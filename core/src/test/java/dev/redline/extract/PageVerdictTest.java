package dev.redline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The page verdict decides on the page, not on a word count: a one-line stub is the article. */
class PageVerdictTest {
    private final Extractor extractor = new Extractor();

    private Extracted extract(String html) {
        return extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, "https://courier.example/a");
    }

    @Test
    void aBreakingNewsStubOfOneLineIsTheArticle() {
        Extracted x = extract(Pages.article("<p>The old ferry pier has closed. More to follow.</p>"));

        assertThat(x.verdict()).isEqualTo(new PageVerdict(PageVerdict.Kind.ARTICLE, null));
        assertThat(x.paragraphs()).containsExactly("The old ferry pier has closed. More to follow.");
        assertThat(x.words()).isLessThan(Extractor.MIN_ARTICLE_WORDS);
    }

    @Test
    void aShortPageAskingForAPasswordIsALoginPage() {
        Extracted x = extract(Pages.article("<p>Log in to read this story.</p><form><input name=u>"
                + "<input type=password name=p></form>"));

        assertThat(x.verdict().kind()).isEqualTo(PageVerdict.Kind.LOGIN);
        assertThat(x.found()).isFalse();
        assertThat(x.reason()).isEqualTo("a login page");
    }

    @Test
    void aLongArticleWithALoginBoxInItsHeaderIsStillTheArticle() {
        Extracted x = extract(Pages.article(Pages.STORY_PARAGRAPHS).replace("<main>",
                "<form class=login><input type=password></form><main>"));

        assertThat(x.found()).isTrue();
    }

    @Test
    void paywallsAreRecognisedByTheirDeclarationAndTheirWordingInSeveralLanguages() {
        String declared = Pages.page("<title>Pier to close</title><script type=\"application/ld+json\">"
                        + "{\"@type\":\"NewsArticle\",\"headline\":\"Pier to close\",\"isAccessibleForFree\":false}</script>",
                "<p>The harbour board voted on Tuesday to close the old pier.</p>");
        assertThat(extract(declared).verdict().kind()).isEqualTo(PageVerdict.Kind.PAYWALL);
        for (String teaser : new String[] {"Subscribe to continue reading this story.",
                "Dieser Artikel ist nur für Abonnenten. Jetzt abonnieren!",
                "Cet article est réservé aux abonnés.", "Contenido exclusivo para suscriptores.",
                "Articolo riservato agli abbonati.", "Conteúdo exclusivo para assinantes.",
                "Dit artikel is alleen voor abonnees.", "Treść tylko dla subskrybentów."}) {
            assertThat(extract(Pages.article("<p>" + teaser + "</p>")).verdict().kind())
                    .as(teaser).isEqualTo(PageVerdict.Kind.PAYWALL);
        }
    }

    @Test
    void aConsentWallAndAnErrorPageAreNotTheArticle() {
        Extracted consent = extract(Pages.article("<p>We and our partners use cookies. Accept all to continue.</p>"));
        assertThat(consent.verdict().kind()).isEqualTo(PageVerdict.Kind.CONSENT);

        Extracted error = extract(Pages.page("<title>Seite nicht gefunden</title>",
                "<p>Die gesuchte Seite existiert leider nicht mehr.</p>").replace("Old ferry pier to close after 90 years",
                "Seite nicht gefunden"));
        assertThat(error.verdict().kind()).isEqualTo(PageVerdict.Kind.ERROR_PAGE);
        assertThat(error.reason()).contains("Seite nicht gefunden");
    }

    @Test
    void aStoryAboutAnErrorIsNotAnErrorPage() {
        String html = Pages.article(Pages.STORY_PARAGRAPHS).replace("Old ferry pier to close after 90 years",
                "Pier not found where the map says, sailors complain");
        assertThat(extract(html).found()).isTrue();
    }
}
