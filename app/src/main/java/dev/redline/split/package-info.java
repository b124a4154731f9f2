/**
 * Each version's sentences, split once: {@link dev.redline.split.VersionSplits} keeps the split of
 * every version as it is recorded (a {@link dev.redline.ingest.VersionAnalyser}) and fills in the
 * splits an older store lacks. The splits live in the store ({@link dev.redline.store.SplitStore}),
 * which every comparison of stored versions reads (the recorder's boring verdict, the pages, feeds
 * and API, webhooks, change kinds) through {@link dev.redline.diff.Diff#compare(dev.redline.diff.SplitText,
 * dev.redline.diff.SplitText, java.time.Instant, java.time.Instant)}.
 *
 * <p>Null contract: parameters and return values are non-null unless their Javadoc says "or null".
 */
package dev.redline.split;
