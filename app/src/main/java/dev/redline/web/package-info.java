/**
 * The web adapter (Javalin 7 + jte): HTML pages, Atom feeds, the JSON API of docs/openapi.yaml,
 * metrics and health. Entry point: {@link dev.redline.web.WebServer}. Every page is a precompiled,
 * auto-escaping jte template; admin routes carry {@code AdminAccess.Role.ADMIN};
 * refusals are {@code HttpError}s rendered as pages or JSON.
 *
 * <p>Null contract: parameters and return values are non-null unless their Javadoc says "or null"
 * (Redline uses no {@code @Nullable} annotation; the Javadoc is the contract). Collections are never
 * null, empty when there is nothing.
 */
package dev.redline.web;
