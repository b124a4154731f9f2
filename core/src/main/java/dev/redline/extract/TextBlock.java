package dev.redline.extract;

import java.util.Locale;
import java.util.Objects;

/**
 * One block of an article's body in reading order, marked as what it is on the page, so that views
 * and diffs can show subheadings, lists, quotes and tables as such. Its text is exactly the
 * paragraph at the same position in {@link Extracted#paragraphs()}. Immutable and thread-safe.
 *
 * @param kind what the block is on the page
 * @param text the block's text, cleaned (never blank)
 */
public record TextBlock(Kind kind, String text) {
    /** What a block is on the page. */
    public enum Kind {
        PARAGRAPH, HEADING, LIST_ITEM, QUOTE,
        /** A row of a data table: its cells in order, separated by {@value TextBlock#CELL_SEPARATOR}. */
        TABLE_ROW;

        /** The name in JSON: "paragraph", "heading", "list-item", "quote", "table-row". */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Between the cells of a {@link Kind#TABLE_ROW}. */
    public static final String CELL_SEPARATOR = " | ";

    public TextBlock {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}
