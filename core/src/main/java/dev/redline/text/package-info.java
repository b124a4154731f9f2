/**
 * Text primitives shared by diff, extract and fingerprint: normalisation (quotes, dashes, case,
 * Unicode), sentence splitting (ICU plus an abbreviation pass), word tokens, and human-readable time
 * gaps. Stateless and thread-safe.
 *
 * <p>Null contract: parameters and return values are non-null unless their Javadoc says "or null"
 * (Redline uses no {@code @Nullable} annotation; the Javadoc is the contract). Collections are never
 * null, empty when there is nothing.
 */
package dev.redline.text;
