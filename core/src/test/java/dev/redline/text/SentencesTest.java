package dev.redline.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void splitsPlainSentences() {
        assertThat(Sentences.split("The ferry left at dawn. It reached Port Halden by noon. Nobody was hurt."))
                .containsExactly("The ferry left at dawn.", "It reached Port Halden by noon.", "Nobody was hurt.");
    }

    @Test
    void keepsTitlesAndAbbreviationsTogether() {
        assertThat(Sentences.split("Mr Ventris met Dr. Alvarez and Mrs. Okafor at the U.S. Department of Fisheries. "
                + "They talked for an hour."))
                .containsExactly("Mr Ventris met Dr. Alvarez and Mrs. Okafor at the U.S. Department of Fisheries.",
                        "They talked for an hour.");
    }

    @Test
    void sentenceMayEndOnAnAbbreviation() {
        assertThat(Sentences.split("The trawler was towed back to the U.S. The crew were unharmed."))
                .containsExactly("The trawler was towed back to the U.S.", "The crew were unharmed.");
    }

    @Test
    void keepsDatesNumbersAndStreets() {
        assertThat(Sentences.split("The vote is set for Jan. 22 at No. 10 Keel St. in Marrowby. "
                + "Turnout rose 5.5% on the last poll, e.g. in the harbour wards."))
                .containsExactly("The vote is set for Jan. 22 at No. 10 Keel St. in Marrowby.",
                        "Turnout rose 5.5% on the last poll, e.g. in the harbour wards.");
    }

    @Test
    void keepsInitials() {
        assertThat(Sentences.split("The novel by J. K. Tallow sold out. Her agent, P.J. Moreau, was delighted."))
                .containsExactly("The novel by J. K. Tallow sold out.", "Her agent, P.J. Moreau, was delighted.");
    }

    @Test
    void quoteEndingTheSentenceStaysAttached() {
        assertThat(Sentences.split("\u201CWe still have a lot of work to do.\u201D The talks resume on Friday."))
                .containsExactly("\u201CWe still have a lot of work to do.\u201D", "The talks resume on Friday.");
        assertThat(Sentences.split("\"We will win!\" she said. The crowd cheered."))
                .containsExactly("\"We will win!\" she said.", "The crowd cheered.");
    }

    @Test
    void datelineStaysWithFirstSentence() {
        assertThat(Sentences.split("MARROWBY \u2014 Flood barriers failed overnight. Residents were moved to the school."))
                .containsExactly("MARROWBY \u2014 Flood barriers failed overnight.", "Residents were moved to the school.");
        assertThat(Sentences.split("PORT HALDEN (Wireline) - The mayor resigned. A vote follows."))
                .containsExactly("PORT HALDEN (Wireline) - The mayor resigned.", "A vote follows.");
    }

    @Test
    void blankParagraphHasNoSentences() {
        assertThat(Sentences.split("   ")).isEmpty();
    }

    /** Words, abbreviations, numbers, quotes and terminators in every combination the scan must judge. */
    private static final String[] PIECES = {"the", "harbour", "Marrowby", "Bay", "UN", "It", "He", "They", "said",
        "closed", "Mr.", "Dr.", "Gen.", "Approx.", "approx.", "etc.", "Inc.", "Jan.", "No.", "St.", "U.S.", "a.m.",
        "p.m.", "Ph.D.", "J.", "K.", "vs.", "exec.", "pp.", "3.5", "1,204", "10.", "2024.", "(Reuters)", "\u201CWe",
        "win!\u201D", "win.\u201D", "win?\"", "now.", "now!", "now?", "now...", "now?!", "(again).", "x.com",
        "e.g.", "i.e.", "Is.", "On.", "all.", "Act.", "\u2014", "-", "'quoted'.", "it's.", "workers'.", "Kestrel.",
        "LONDON", "\u00A0", "\u2026", "here.\u2019", "[sic].", ";", ":", ",", "5.", "A.", "b.", "Halden.The",
        "end.5", "end.,", "Caf\u00E9.", "\u00E9t\u00E9.", "ALL-CAPS."};

    @Test
    void cheapPassCutsWhereIcuCuts() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(15);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder paragraph = new StringBuilder();
            int words = 1 + random.nextInt(25);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    paragraph.append(random.nextInt(12) == 0 ? "  " : " ");
                }
                paragraph.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = paragraph.toString();
            assertThat(Sentences.split(text)).as(text).isEqualTo(Sentences.splitWithIcuOnly(text));
        }
    }

    @Test
    void cheapPassAgreesWithIcuOnTheLabelledStories() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(SentencesTest.class.getResource("/diff-labelled").toURI());
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                StringBuilder paragraph = new StringBuilder();
                for (String line : java.nio.file.Files.readAllLines(file)) {
                    int colon = line.indexOf(": ");
                    if (colon > 0 && !line.startsWith("T: ") && !line.startsWith("===")) {
                        paragraph.append(paragraph.isEmpty() ? "" : " ").append(line.substring(colon + 2));
                    } else if (!paragraph.isEmpty()) {
                        String text = paragraph.toString();
                        assertThat(Sentences.split(text)).as(text).isEqualTo(Sentences.splitWithIcuOnly(text));
                        paragraph.setLength(0);
                    }
                }
            }
        }
    }
}
