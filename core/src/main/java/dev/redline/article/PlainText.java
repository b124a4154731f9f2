package dev.redline.article;

import java.util.ArrayList;
import java.util.List;

/**
 * The plain-text version format that {@code redline diff} and {@code redline trace} read (README,
 * "diff"): the first non-empty line is the headline, every other non-empty line a paragraph, lines
 * stripped. A one-line text is a headline without a body. Thread-safe (stateless).
 */
public final class PlainText {
    private PlainText() {
    }

    /** The article a plain text holds; an empty or blank text gives an empty headline and no paragraphs. */
    public static ArticleText parse(String text) {
        String title = null;
        List<String> paragraphs = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String s = line.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (title == null) {
                title = s;
            } else {
                paragraphs.add(s);
            }
        }
        return new ArticleText(title, null, paragraphs);
    }
}
