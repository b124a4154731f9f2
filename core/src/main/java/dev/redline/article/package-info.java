/**
 * The article text every part of Redline passes around: {@link dev.redline.article.ArticleText}
 * (headline, byline, paragraphs). Pure data, no I/O.
 *
 * <p>Null contract: parameters and return values are non-null unless their Javadoc says "or null"
 * (Redline uses no {@code @Nullable} annotation; the Javadoc is the contract). Collections are never
 * null, empty when there is nothing.
 */
package dev.redline.article;
