package dev.redline.store;

import dev.redline.json.Json;
import java.util.stream.Collectors;

/**
 * The column values of a version row worked out once from a {@link NewVersion}: its hashes, its
 * paragraphs as JSON, the changed fields as text and the words the full-text index gets. Shared by
 * the one-row append ({@link VersionWriter}) and PostgreSQL's array import ({@link PostgresImport}),
 * so both store the same row. Immutable.
 */
record VersionRow(long fetchedAt, String title, String byline, String paragraphs, FieldHashes hashes, String changed,
                  int boring, String boringReason, String captureRef, String titleWords, String bylineWords,
                  String bodyWords) {

    static VersionRow of(NewVersion nv) {
        var text = nv.text();
        return new VersionRow(nv.fetchedAt().toEpochMilli(), text.title(), text.byline(), Json.write(text.paragraphs()),
                FieldHashes.of(text), nv.changed().stream().sorted().map(VersionField::toString).collect(Collectors.joining(",")),
                nv.boring() ? 1 : 0, nv.boringReason(), nv.captureRef(), SearchText.indexText(text.title()),
                SearchText.indexText(text.byline()), SearchText.indexBody(text));
    }

    /** PostgreSQL's weight-B text: byline and body words (the title's go in with weight A). */
    String otherWords() {
        return (bylineWords + " " + bodyWords).strip();
    }
}
