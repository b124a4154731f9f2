/**
 * Article extraction from any news page with no per-site code: {@link dev.redline.extract.Extractor}
 * is the entry point; it returns an {@link dev.redline.extract.Extracted} with the metadata, the
 * body as {@link dev.redline.extract.TextBlock}s (paragraphs, subheadings, list items, quotes, table
 * rows, in reading order) and a {@link dev.redline.extract.PageVerdict} saying whether the page is
 * the article or what stands in its place. Character sets are settled by {@code PageDecoder}; the
 * body container is found by {@code ContentFinder}, written into blocks by {@code BlockWriter} and
 * cleaned of site furniture by {@code Boilerplate}.
 *
 * <p>Null contract: arguments are non-null unless documented; results never hold null lists, and
 * metadata fields are null when the page does not declare them. Everything here is pure (no I/O)
 * and thread-safe.
 */
package dev.redline.extract;
