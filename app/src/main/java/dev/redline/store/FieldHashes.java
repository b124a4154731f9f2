package dev.redline.store;

import dev.redline.article.ArticleText;
import dev.redline.text.Normalize;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Hashes of a version's fields under Redline's comparison key ({@link Normalize#key}: Unicode NFC,
 * whitespace, curly vs straight quotes, dashes; blank paragraphs ignored), so that two texts a
 * reader would call the same hash the same. Stored with each version; {@link #changedFields} is the
 * one rule, for the tracker and for import alike, of which fields changed. Stateless and thread-safe.
 *
 * @param title  hash of the headline
 * @param byline hash of the byline ("" when absent)
 * @param body   hash of the paragraphs, one per line
 */
public record FieldHashes(String title, String byline, String body) {

    public static FieldHashes of(ArticleText text) {
        return new FieldHashes(hash(Normalize.key(text.title())),
                hash(text.byline() == null ? "" : Normalize.key(text.byline())),
                hash(String.join("\n", text.paragraphs().stream().map(Normalize::key).filter(p -> !p.isEmpty()).toList())));
    }

    /** Fields whose normalised text differs between two versions. */
    public static Set<VersionField> changedFields(ArticleText previous, ArticleText next) {
        FieldHashes a = of(previous);
        FieldHashes b = of(next);
        Set<VersionField> changed = EnumSet.noneOf(VersionField.class);
        if (!a.title.equals(b.title)) {
            changed.add(VersionField.TITLE);
        }
        if (!a.byline.equals(b.byline)) {
            changed.add(VersionField.BYLINE);
        }
        if (!a.body.equals(b.body)) {
            changed.add(VersionField.BODY);
        }
        return changed;
    }

    private static String hash(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
