package dev.redline.change;

import java.util.Objects;

/**
 * One correction, update, clarification or editor's note found in a version's text.
 *
 * @param kind what the note says it is
 * @param text the note as printed, from its marker ("Correction:") to the end of its paragraph
 * @param date the date the note gives, as written ("5 March 2026", "5. März 2026"), or null
 */
public record Note(NoteKind kind, String text, String date) {
    public Note {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}
