/**
 * Comparing two versions of an article: sentence alignment (same, edit, add, delete, move, split and
 * merge), word-level diffs, headline changes, statistics and the "boring" (cosmetic-only) verdict.
 * Entry point: {@link dev.redline.diff.Diff#compare}, on texts or on versions split into sentences
 * once ({@link dev.redline.diff.SplitText}, what a store can keep per version). The result types are Redline's public diff JSON
 * (docs/openapi.yaml, schema {@code Diff}). Pure computation, no I/O; stateless and thread-safe.
 *
 * <p>Null contract: parameters and return values are non-null unless their Javadoc says "or null"
 * (Redline uses no {@code @Nullable} annotation; the Javadoc is the contract). Collections are never
 * null, empty when there is nothing.
 */
package dev.redline.diff;
