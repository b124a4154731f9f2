/**
 * Benchmarks: JMH kernels (diff, trace index, store), the extraction peers run (ExtractionPeers:
 * Redline beside readability4j and boilerpipe in one JVM) and the corpora and CPU-time runners behind
 * the figures in BENCHMARKS.md. Not shipped; fixed seeds so runs are comparable.
 *
 * <p>Null contract: parameters and return values are non-null unless their Javadoc says "or null"
 * (Redline uses no {@code @Nullable} annotation; the Javadoc is the contract). Collections are never
 * null, empty when there is nothing.
 */
package dev.redline.bench;
