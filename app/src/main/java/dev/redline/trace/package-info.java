/**
 * Provenance tracing: which tracked article, and which version of it, a text copies. The
 * fingerprint index over stored versions ({@link dev.redline.trace.TraceIndex}) and the query side
 * ({@link dev.redline.trace.Tracer}), with verdicts and reuse relations. As the recorder's analyser
 * the tracer indexes each slice's versions in one transaction and checks each for reuse between
 * sources ({@code ReuseSearch}).
 *
 * <p>Null contract: parameters and return values are non-null unless their Javadoc says "or null"
 * (Redline uses no {@code @Nullable} annotation; the Javadoc is the contract). Collections are never
 * null, empty when there is nothing.
 */
package dev.redline.trace;
