package dev.redline.change;

import java.util.Locale;

/** What an editor's note in an article says it is. {@link #toString()} is the JSON name. */
public enum NoteKind {
    /** An error was put right ("Correction:", "An earlier version of this article …"). */
    CORRECTION,
    /** The story was brought up to date ("Update:", "This article has been updated …"). */
    UPDATE,
    /** Something was made clearer without saying it was wrong ("Clarification:"). */
    CLARIFICATION,
    /** Any other note from the newsroom ("Editor's note:", "Anmerkung der Redaktion"). */
    EDITOR;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
