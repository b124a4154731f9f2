/**
 * Fingerprints of article text for provenance tracing: normalised word shingles, winnowed anchors,
 * MinHash band keys and containment scores. Entry point: {@link dev.redline.fingerprint.Fingerprinter}.
 * Pure computation; the index that stores fingerprints lives in the app's {@code trace} package.
 *
 * <p>Null contract: parameters and return values are non-null unless their Javadoc says "or null"
 * (Redline uses no {@code @Nullable} annotation; the Javadoc is the contract). Collections are never
 * null, empty when there is nothing.
 */
package dev.redline.fingerprint;
