package dev.redline.web;

import dev.redline.diff.DiffResult;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A diff as one self-contained HTML page, for {@code redline diff --format html}: the same jte
 * templates, {@link DiffView} rows and move markers as the web's diff page, with the site's
 * stylesheet inline and no scripts or external resources, so the file opens anywhere. All text
 * from the versions is escaped by jte. Thread-safe.
 */
public final class DiffDocument {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final String CSS = stylesheet();

    private DiffDocument() {
    }

    /** The page, its two columns labelled {@code oldName} and {@code newName}. */
    public static String render(DiffResult diff, String oldName, String newName) {
        StringOutput out = new StringOutput();
        TEMPLATES.render("diffDocument.jte", new View.DiffDocument(diff, DiffView.of(diff), oldName, newName, CSS), out);
        return out.toString();
    }

    private static String stylesheet() {
        try (InputStream in = DiffDocument.class.getResourceAsStream("/static/redline.css")) {
            if (in == null) {
                throw new IllegalStateException("redline.css is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
