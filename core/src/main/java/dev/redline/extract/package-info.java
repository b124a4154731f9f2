/**
 * Turning an HTML page into an article: decoding bytes, a DOM of bounded size
 * ({@link dev.redline.extract.PageParser}: a page over the limit is a result with the reason),
 * metadata (og:, JSON-LD, meta tags), finding the body and dropping boilerplate. Entry point:
 * {@link dev.redline.extract.Extractor}; it returns an {@link dev.redline.extract.Extracted} with the
 * body as {@link dev.redline.extract.TextBlock}s (paragraphs, subheadings, list items, quotes, table
 * rows, in reading order) and a {@link dev.redline.extract.PageVerdict} saying whether the page is
 * the article or what stands in its place (error, paywall, consent, login page). A tracker that
 * learns each source's boilerplate passes what it learned ({@link dev.redline.extract.LearnedLines})
 * to {@link dev.redline.extract.Extractor#extractForSource} and counts the
 * {@link dev.redline.extract.PageLine}s it gets back; the learning itself is the app's. Works on bytes it
 * is given; fetching is the app's job. A page without an article is a result with a reason, not an
 * exception.
 *
 * <p>Null contract: parameters and return values are non-null unless their Javadoc says "or null"
 * (Redline uses no {@code @Nullable} annotation; the Javadoc is the contract). Collections are never
 * null, empty when there is nothing.
 */
package dev.redline.extract;
