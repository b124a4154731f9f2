/**
 * Tracking: polling feeds and sitemaps for new articles, re-checking due articles on their
 * schedule, recording new versions. Entry point: {@link dev.redline.track.Tracker}; time comes from an
 * injected {@link java.time.Clock}, and an outage is a logged check, never the end of tracking.
 *
 * <p>Null contract: parameters and return values are non-null unless their Javadoc says "or null"
 * (Redline uses no {@code @Nullable} annotation; the Javadoc is the contract). Collections are never
 * null, empty when there is nothing.
 */
package dev.redline.track;
