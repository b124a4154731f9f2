/**
 * Everything that enters the record goes through here: {@link dev.redline.ingest.VersionRecorder}
 * (the one path that turns an observed or archived text into a stored version, then runs the
 * {@link dev.redline.ingest.VersionAnalyser}s on it) and {@link dev.redline.ingest.Discovery} (the
 * one path that turns entries of a source into articles to follow). The tracker, import and the
 * other inputs (WebSub push, batch to come) call these and nothing below them to write versions or articles.
 *
 * <p>Null contract: arguments are non-null unless documented (a source id may be null: an
 * article followed without a source); results are never null.
 */
package dev.redline.ingest;
