/**
 * The pure half of tracing, shared by the app's {@code Tracer} (store-backed index, in the app
 * module under the same package name) and the Spark {@code reuse} job: which version of an
 * article a copy carries ({@link dev.redline.trace.Verdict}), the floor below which nothing is
 * reported ({@link dev.redline.trace.Floor}) and when a match counts as reuse
 * ({@link dev.redline.trace.ReuseRule}, the entry class here). No I/O; arguments are non-null;
 * {@code Verdict.of} returns null when nothing is shared.
 */
package dev.redline.trace;
