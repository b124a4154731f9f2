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
}
