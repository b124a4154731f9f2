package dev.redline.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.article.ArticleText;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributionTest {
    private static final String TALKS = "Foreign ministers from 21 countries are gathering in Kessington for talks on the Varn river crossings.";
    private static final String HOST = "The meeting, hosted by the Ashby islands government, is the first since the coalition was formed in the spring.";
    private static final String VALE = "Minister Henrietta Vale said the coalition would not be rushed, but that aid convoys could not wait much longer.";
    private static final String AID = "Aid agencies say more than forty thousand people have left the valley since the fighting began.";
    private static final String LATER = "In a statement after the first day, the coalition said the crossings would reopen under escort within a week.";

    private static ArticleText text(String... paragraphs) {
        return new ArticleText("Varn conflict: Kessington hosts coalition talks", null, List.of(paragraphs));
    }

    /** v0 says 21 countries; v1 says 22; v2 adds a paragraph at the end. */
    private static final List<ArticleText> HISTORY = List.of(
            text(TALKS, HOST, VALE, AID),
            text(TALKS.replace("21", "22"), HOST, VALE, AID),
            text(TALKS.replace("21", "22"), HOST, VALE, AID, LATER));

    @Test
    void aFigureTheCopierLeftAloneNamesTheVersionThoughTheWordsAroundItWereEdited() {
        // the copier's edits break every five-word run around the figure
        ArticleText copy = text("Foreign secretaries from 22 nations are meeting in Kessington for negotiations on the Varn river crossings.",
                HOST, VALE.replace("said", "stated"), AID, "Receive News Alerts on WhatsApp");

        Attribution attribution = Attribution.of(HISTORY, copy);

        // the copy stops before version 2's added paragraph, as an excerpt of version 2 would: consistent with both, 1 named
        assertThat(attribution.version()).isEqualTo(1);
        assertThat(attribution.consistent()).containsExactly(1, 2);
        Evidence figure = attribution.evidence().stream().filter(e -> e.kind() == Evidence.Kind.FIGURE).findFirst().orElseThrow();
        assertThat(figure.carried()).isTrue();
        assertThat(figure.text()).isEqualTo("22 countries");
        assertThat(figure.instead()).isEqualTo("21 countries");
        assertThat(figure.supports()).containsExactly(1, 2);
        assertThat(figure.contradicts()).containsExactly(0);
        assertThat(figure.from()).isZero();
        assertThat(figure.to()).isEqualTo(1);
        assertThat(attribution.evidence()).noneMatch(e -> e.kind() == Evidence.Kind.SENTENCE);
    }

    @Test
    void lackingASentenceCountsWhenTheCopyReachesPastIt() {
        // version 1 inserted VALE between HOST and AID; a copy carrying HOST and AID but not VALE lacks it for real
        List<ArticleText> history = List.of(text(TALKS, HOST, AID), text(TALKS, HOST, VALE, AID));
        ArticleText copy = text(TALKS, HOST, AID);

        Attribution attribution = Attribution.of(history, copy);

        assertThat(attribution.consistent()).containsExactly(0);
        Evidence lacking = attribution.evidence().stream().filter(e -> e.kind() == Evidence.Kind.SENTENCE).findFirst().orElseThrow();
        assertThat(lacking.carried()).isFalse();
        assertThat(lacking.text()).isEqualTo(VALE);
        assertThat(lacking.contradicts()).containsExactly(1);
    }

    @Test
    void presenceOutweighsAbsence() {
        // an excerpt that carries the later paragraph but not the figure's paragraph: v2, whatever it lacks
        ArticleText excerpt = new ArticleText("", null, List.of(HOST + " " + LATER));
        assertThat(Attribution.of(HISTORY, excerpt).version()).isEqualTo(2);
    }

    @Test
    void whenNothingSeparatesTheVersionsAllConsistentOnesAreNamed() {
        ArticleText excerpt = new ArticleText("", null, List.of(HOST.replace(",", "").replace(".", "")));

        Attribution attribution = Attribution.of(HISTORY, excerpt);

        // the figure is outside the excerpt, and the excerpt stops before version 2's added paragraph:
        // nothing separates the versions, so all three are named, the earliest first
        assertThat(attribution.version()).isZero();
        assertThat(attribution.consistent()).containsExactly(0, 1, 2);
        assertThat(attribution.evidence()).isEmpty();
    }

    @Test
    void theOrderOfSentencesSeparatesAVersionWhoseParagraphMoved() {
        List<ArticleText> history = List.of(text(TALKS, HOST, VALE, AID), text(TALKS, VALE, HOST, AID));
        ArticleText copy = text(TALKS, VALE, HOST);

        Attribution attribution = Attribution.of(history, copy);

        assertThat(attribution.version()).isEqualTo(1);
        assertThat(attribution.evidence()).anyMatch(e -> e.kind() == Evidence.Kind.ORDER && e.supports().equals(List.of(1)));
    }

    @Test
    void aSpellingFixIsNoEvidence() {
        String typo = HOST.replace("government", "govermnent");
        List<ArticleText> history = List.of(text(TALKS, typo, VALE), text(TALKS, HOST, VALE, AID));
        // the copier's spellchecker fixed the typo as the newsroom did; the copy lacks the added paragraph
        ArticleText copy = text(TALKS, HOST, VALE);

        assertThat(Attribution.of(history, copy).version()).isZero();
    }

    @Test
    void aSpunCopyStillCarriesTheNewName() {
        List<ArticleText> history = List.of(text(TALKS, VALE, AID), text(TALKS, VALE.replace("Henrietta Vale", "Ada Quillon"), AID));
        ArticleText spun = text("Foreign secretaries from 21 nations are assembling in Kessington for negotiations on the Varn waterway crossings.",
                "Minister Ada Quillon stated the alliance would never be hurried, but that relief convoys could not wait much longer.",
                AID);

        Attribution attribution = Attribution.of(history, spun);

        assertThat(attribution.version()).isEqualTo(1);
        assertThat(attribution.evidence().getFirst().kind()).isEqualTo(Evidence.Kind.NAME);
    }
}
