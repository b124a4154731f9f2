/**
 * Reading feeds and canonicalising URLs: RSS, Atom, JSON Feed and sitemaps through Rome, Jackson and
 * crawler-commons ({@link dev.redline.feed.FeedReader}; charset and root sniffed from the bytes, DOCTYPEs
 * skipped unread, by {@link dev.redline.feed.FeedText}), and the one rule for an article's URL
 * ({@link dev.redline.feed.UrlCanonicalizer}). No storage.
 *
 * <p>Null contract: parameters and return values are non-null unless their Javadoc says "or null"
 * (Redline uses no {@code @Nullable} annotation; the Javadoc is the contract). Collections are never
 * null, empty when there is nothing.
 */
package dev.redline.feed;
