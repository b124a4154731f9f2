package dev.redline.change;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Where a note may open: the markers are tried at the start of a paragraph and after a sentence end
 * and a whitespace only, and the first opening that holds a marker wins.
 */
class NotesTest {

    @Test
    void aMarkerOpeningTheParagraphAfterBracketsIsANote() {
        assertThat(Notes.in("[Correction: the vote was on Monday.]")).satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NoteKind.CORRECTION);
            assertThat(n.text()).isEqualTo("Correction: the vote was on Monday.]");
        });
    }

    @Test
    void aMarkerAfterEachSentenceEndIsFound() {
        for (String end : new String[] {".", "!", "?", "…", "»", "\"", "”", ")"}) {
            for (String space : new String[] {" ", "\t", "\n"}) {
                String paragraph = "The council met" + end + space + "Update: the meeting was moved.";
                assertThat(Notes.in(paragraph)).as("after %s%s", end, space.replace("\t", "\\t").replace("\n", "\\n"))
                        .extracting(Note::text).isEqualTo("Update: the meeting was moved.");
            }
        }
    }

    @Test
    void aMarkerInsideASentenceIsNone() {
        assertThat(Notes.in("The council said the correction: was not needed.")).isNull();
        assertThat(Notes.in("The council met,  Update: nothing new.")).isNull();
        // a non-breaking space is not a regex \s: no opening
        assertThat(Notes.in("The council met.\u00a0Update: nothing new.")).isNull();
    }

    @Test
    void theFirstOpeningWinsAndAtOneOpeningTheTableOrder() {
        assertThat(Notes.in("Fine. Editor's note: late. Correction: early."))
                .extracting(Note::kind, Note::text).containsExactly(NoteKind.EDITOR, "Editor's note: late. Correction: early.");
        assertThat(Notes.in("Correction: this article was updated on 3 May 2026."))
                .extracting(Note::kind, Note::date).containsExactly(NoteKind.CORRECTION, "3 May 2026");
    }

    @Test
    void openingsAreListedInOrder() {
        String p = "A. B! C";
        assertThat(Notes.nextOpening(p, 0)).isEqualTo(3);
        assertThat(Notes.nextOpening(p, 3)).isEqualTo(6);
        assertThat(Notes.nextOpening(p, 6)).isEqualTo(-1);
        assertThat(Notes.nextOpening("x", 0)).isEqualTo(-1);
    }
}
