package dev.redline.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WordsTest {

    private static List<String> pieces(String text) {
        return Words.pieces(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void punctuationMarksArePiecesNumbersAndContractionsStayWhole() {
        assertThat(pieces("The strike: 1,204 workers (3.5%) don't agree, U.S. officials said.")).containsExactly(
                "The", "strike", ":", "1,204", "workers", "(", "3.5", "%", ")", "don't", "agree", ",", "U.S", ".",
                "officials", "said", ".");
        assertThat(pieces("  \u201CWe won 7-2!\u201D  ")).containsExactly("\u201C", "We", "won", "7", "-", "2", "!", "\u201D");
        assertThat(pieces("Caf\u0065\u0301 \uD83D\uDE00")).containsExactly("Caf\u0065\u0301", "\uD83D\uDE00");
        assertThat(pieces("")).isEmpty();
    }

    @Test
    void cutsWhereIcuWordBoundariesCutOnTheLabelledSentences() throws Exception {
        BreakIterator icu = BreakIterator.getWordInstance(ULocale.ENGLISH);
        for (String sentence : labelledSentences()) {
            icu.setText(sentence);
            List<String> expected = new ArrayList<>();
            for (int start = icu.first(), end = icu.next(); end != BreakIterator.DONE; start = end, end = icu.next()) {
                if (!sentence.substring(start, end).isBlank()) {
                    expected.add(sentence.substring(start, end));
                }
            }
            assertThat(pieces(sentence)).as(sentence).isEqualTo(expected);
        }
    }

    private static List<String> labelledSentences() throws IOException, java.net.URISyntaxException {
        Path dir = Path.of(WordsTest.class.getResource("/diff-labelled").toURI());
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int colon = line.indexOf(": ");
                    if (colon > 0 && !line.startsWith("===")) {
                        out.add(line.substring(colon + 2));
                    }
                }
            }
        }
        return out;
    }
}
