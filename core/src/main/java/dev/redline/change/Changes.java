package dev.redline.change;

import dev.redline.article.ArticleText;
import dev.redline.diff.Diff;
import dev.redline.diff.DiffResult;
import dev.redline.text.Normalize;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Says what kind of change a version made: which correction, update, clarification or editor's
 * notes it added, and whether it is a stealth edit, a change of facts (a number, a name, a
 * quotation, a deleted sentence, a reversed meaning) without a new note. A cosmetic change (the
 * diff's boring rules) is never stealth. Entry point of {@code dev.redline.change}. Stateless and
 * thread-safe.
 */
public final class Changes {

    private Changes() {
    }

    /** The notes in a version's body, in reading order. */
    public static List<Note> notes(ArticleText text) {
        return Notes.in(Objects.requireNonNull(text, "text"));
    }

    /** Version 0: every note it shows is new, and nothing came before to change. */
    public static VersionChange first(ArticleText text) {
        return new VersionChange(notes(text), false, List.of());
    }

    /**
     * The change each version of a history made, index for index: {@link #first} for version 0,
     * then {@link #between} each version and the one before.
     *
     * @param versions the texts, oldest first
     */
    public static List<VersionChange> of(List<ArticleText> versions) {
        List<VersionChange> changes = new ArrayList<>(versions.size());
        for (int k = 0; k < versions.size(); k++) {
            changes.add(k == 0 ? first(versions.get(0)) : between(versions.get(k - 1), versions.get(k)));
        }
        return changes;
    }

    /** The change from {@code old} to {@code neu}, comparing them with {@link Diff#compare}. */
    public static VersionChange between(ArticleText old, ArticleText neu) {
        return between(old, neu, Diff.compare(old, neu));
    }

    /**
     * The change from {@code old} to {@code neu}, given their diff (so a caller that has one does
     * not compute it twice).
     */
    public static VersionChange between(ArticleText old, ArticleText neu, DiffResult diff) {
        Set<String> before = new HashSet<>();
        for (Note note : notes(old)) {
            before.add(Normalize.looseKey(note.text()));
        }
        List<Note> added = notes(neu).stream().filter(n -> !before.contains(Normalize.looseKey(n.text()))).toList();
        if (diff.boring() || !added.isEmpty()) {
            return new VersionChange(added, false, List.of());
        }
        List<Fact> facts = Facts.changed(diff);
        return new VersionChange(added, !facts.isEmpty(), facts);
    }
}
