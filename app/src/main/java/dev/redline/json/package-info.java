/**
 * The one JSON mapper ({@link dev.redline.json.Json}) shared by the CLI and the web API, so both
 * write the same shapes.
 *
 * <p>Null contract: parameters and return values are non-null unless their Javadoc says "or null"
 * (Redline uses no {@code @Nullable} annotation; the Javadoc is the contract). Collections are never
 * null, empty when there is nothing.
 */
package dev.redline.json;
