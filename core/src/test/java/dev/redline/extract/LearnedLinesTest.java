package dev.redline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A source's learned lines: its furniture goes, the article's own short lines stay, the generic path is unchanged. */
class LearnedLinesTest {
    private final Extractor extractor = new Extractor();

    /** Furniture of the fictional Courier's template that no generic rule knows: a sentence, so it is kept by them. */
    private static final String PROMO = "This story is part of our Harbour Towns series, published every Tuesday.";
    private static final String DESK = "Courier harbour desk, Port Wendle and the islands";
    /** The article's own short lines, which the generic rules trim from the edges. */
    private static final String DATELINE = "PORT WENDLE";
    private static final String SIGN_OFF = "Reporting by Mira Tan";

    private static byte[] page(String... extra) {
        // the desk line is inserted after the first paragraph, the promo closes the body
        String story = Pages.STORY_PARAGRAPHS.replaceFirst("</p>", "</p>\n<p>" + DESK + "</p>");
        String body = "<p>" + DATELINE + "</p>\n" + story + "<p>" + SIGN_OFF + "</p>\n<p>" + PROMO + "</p>\n"
                + String.join("\n", extra);
        return Pages.article(body).getBytes(StandardCharsets.UTF_8);
    }

    private static Set<Long> fingerprints(String... lines) {
        return java.util.Arrays.stream(lines).map(LearnedLines::fingerprint).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void theGenericRulesKeepTheTemplatesSentenceAndDropTheArticlesShortLines() {
        Extracted x = extractor.extract(page(), null, null);

        assertThat(x.paragraphs()).contains(PROMO, DESK, SIGN_OFF).doesNotContain(DATELINE);
    }

    @Test
    void learnedBoilerplateIsDroppedAndTheArticlesOwnEdgeLinesAreKeptInOrder() {
        // dropping the promo makes the sign-off the last line, which the generic rules would trim
        LearnedLines learned = new LearnedLines(fingerprints(PROMO, DESK), fingerprints(PROMO, DESK), true);

        Extracted x = extractor.extractForSource(page(), null, null, ExtractRules.NONE, learned).extracted();

        List<String> generic = extractor.extract(page(), null, null).paragraphs();
        List<String> expected = new java.util.ArrayList<>(generic);
        expected.removeAll(List.of(PROMO, DESK));
        expected.addFirst(DATELINE);
        assertThat(x.paragraphs()).containsExactlyElementsOf(expected);
    }

    @Test
    void aShortLineSeenOnAnotherArticleOrMatchingAWordPatternIsNeverKept() {
        String share = "Share this article";
        LearnedLines learned = new LearnedLines(fingerprints(PROMO, DESK), fingerprints(PROMO, DESK, SIGN_OFF), true);

        Extracted x = extractor.extractForSource(page("<p>" + share + "</p>"), null, null, ExtractRules.NONE, learned)
                .extracted();

        assertThat(x.paragraphs()).contains(DATELINE).doesNotContain(SIGN_OFF, share, PROMO);
    }

    @Test
    void aLearnedEndMarkerStillCutsTheTeasersAfterIt() {
        String marker = "More stories from the Courier";
        String teaser = "Lighthouse keeper retires after four decades at Gull Point";
        LearnedLines learned = new LearnedLines(fingerprints(PROMO, DESK, marker), fingerprints(PROMO, DESK, marker), true);

        Extracted x = extractor.extractForSource(page("<p>" + marker + "</p>", "<p>" + teaser + "</p>"), null, null,
                ExtractRules.NONE, learned).extracted();

        assertThat(x.paragraphs()).doesNotContain(marker, teaser, PROMO).contains(DATELINE);
    }

    @Test
    void aSingleWordOrAnAddressAtTheEdgeIsNotKeptAsTheArticles() {
        LearnedLines learned = new LearnedLines(fingerprints(PROMO, DESK, SIGN_OFF), fingerprints(PROMO, DESK, SIGN_OFF),
                true);

        Extracted x = extractor.extractForSource(page("<p>mira.tan@courier.example</p>", "<p>Close</p>"), null, null,
                ExtractRules.NONE, learned).extracted();

        assertThat(x.paragraphs()).doesNotContain("mira.tan@courier.example", "Close", SIGN_OFF).contains(DATELINE);
    }

    @Test
    void withoutRescueOnlyTheLearnedLinesGo() {
        LearnedLines learned = new LearnedLines(fingerprints(PROMO), Set.of(), false);

        Extracted x = extractor.extractForSource(page(), null, null, ExtractRules.NONE, learned).extracted();

        assertThat(x.paragraphs()).doesNotContain(PROMO, DATELINE, SIGN_OFF).contains(DESK);
        assertThat(x.paragraphs().getLast()).startsWith("Repairs to the pier");
    }

    @Test
    void nothingLearnedGivesTheGenericExtraction() {
        SourceReading r = extractor.extractForSource(page(), null, "https://courier.example/a", ExtractRules.NONE,
                LearnedLines.NONE);

        assertThat(r.extracted()).isEqualTo(extractor.extract(page(), null, "https://courier.example/a"));
    }

    @Test
    void edgeLinesAndShortLinesAreLearnableButTheArticlesParagraphsAndSubheadingsAreNot() {
        List<PageLine> lines = extractor.extractForSource(page(), null, null, ExtractRules.NONE, LearnedLines.NONE)
                .lines();

        assertThat(lines).filteredOn(PageLine::learnable).extracting(PageLine::text)
                .contains(PROMO, DESK, DATELINE, SIGN_OFF)
                .doesNotContain("What happens to the ferry")
                .noneMatch(t -> t.startsWith("The harbour board"));
        assertThat(lines).filteredOn(l -> !l.learnable()).extracting(PageLine::text)
                .anyMatch(t -> t.startsWith("The harbour board of Port Wendle voted"));
        assertThat(lines).extracting(PageLine::fingerprint).doesNotHaveDuplicates();
    }

    @Test
    void fingerprintsIgnoreCaseAndPunctuationButNotWordsOrFigures() {
        assertThat(LearnedLines.fingerprint("Share  this, STORY!")).isEqualTo(LearnedLines.fingerprint("share this story"));
        assertThat(LearnedLines.fingerprint("10:42")).isNotEqualTo(LearnedLines.fingerprint("11:05"));
        assertThat(LearnedLines.fingerprint(" — ")).isZero();
    }
}
