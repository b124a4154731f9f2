package dev.redline.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizeTest {

    @Test
    void quotesDashesWhitespaceAndCompositionDoNotMatter() {
        String curly = "The mayor\u2019s  \u201Cplan\u201D \u2014 a caf\u00E9 tax";
        String straight = "The mayor's \"plan\" - a cafe\u0301 tax ";
        assertThat(Normalize.key(curly)).isEqualTo(Normalize.key(straight)).isEqualTo("The mayor's \"plan\" - a caf\u00E9 tax");
    }

    @Test
    void caseAndWordsStillMatter() {
        assertThat(Normalize.key("The Mayor")).isNotEqualTo(Normalize.key("The mayor"));
        assertThat(Normalize.key("the mayor")).isNotEqualTo(Normalize.key("the mayors"));
    }

    @Test
    void looseKeyIgnoresPunctuationAndCase() {
        assertThat(Normalize.looseKey("Council, it said, will vote.")).isEqualTo(Normalize.looseKey("council it said will vote"));
        assertThat(Normalize.looseKey("1,204 readers")).isNotEqualTo(Normalize.looseKey("1,219 readers"));
    }

    @Test
    void wordsKeepPunctuationAttached() {
        assertThat(Words.tokens("  Harbour won 7-2, \u201Cat last.\u201D ")).containsExactly("Harbour", "won", "7-2,", "\u201Cat", "last.\u201D");
        assertThat(Words.tokens(" ")).isEmpty();
    }

    @Test
    void printableDropsControlCharactersAndKeepsEverythingElse() {
        assertThat(Normalize.printable("Pier\u001b]0;owned\u0007 reopens\u0000")).isEqualTo("Pier]0;owned reopens");
        assertThat(Normalize.printable("two\nlines\tand\u0085tab")).isEqualTo("two lines andtab");
        String clean = "Caf\u00e9 \u201cquoted\u201d \u2014 fine";
        assertThat(Normalize.printable(clean)).isSameAs(clean);
        assertThat(Normalize.printable(null)).isNull();
    }
}
