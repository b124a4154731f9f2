package dev.redline.change;

import java.util.List;

/**
 * What kind of change one version made: the notes it added and whether it changed facts without
 * one. Immutable; part of Redline's public JSON ({@code notes}, {@code stealth}, {@code facts} of a
 * version).
 *
 * @param notes   the notes this version shows that the one before did not (all of version 0's)
 * @param stealth whether it changed facts without adding a note (never for a cosmetic change)
 * @param facts   the facts changed, when stealth; empty otherwise
 */
public record VersionChange(List<Note> notes, boolean stealth, List<Fact> facts) {
    /** A version that added no note and changed no fact. */
    public static final VersionChange NONE = new VersionChange(List.of(), false, List.of());

    public VersionChange {
        notes = List.copyOf(notes);
        facts = List.copyOf(facts);
    }
}
