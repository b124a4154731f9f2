/**
 * Polite HTTP fetching: robots.txt, per-host delays, conditional GET, size and time caps, the
 * private-address guard and the ranges an operator opened ({@link dev.redline.fetch.NetworkRanges}), and the WARC archive of raw captures. Entry point:
 * {@link dev.redline.fetch.Fetcher}; failures are {@link dev.redline.fetch.FetchException}s with a
 * reason.
 *
 * <p>Null contract: parameters and return values are non-null unless their Javadoc says "or null"
 * (Redline uses no {@code @Nullable} annotation; the Javadoc is the contract). Collections are never
 * null, empty when there is nothing.
 */
package dev.redline.fetch;
