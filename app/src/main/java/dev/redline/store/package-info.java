/**
 * Storage of sources, articles, versions, checks, the work queue and search, on SQLite or
 * PostgreSQL (Jdbi, Flyway). Callers use the {@link dev.redline.store.Store} interface; versions are
 * append-only and a failed write leaves stored data unchanged.
 *
 * <p>Null contract: parameters and return values are non-null unless their Javadoc says "or null"
 * (Redline uses no {@code @Nullable} annotation; the Javadoc is the contract). Collections are never
 * null, empty when there is nothing.
 */
package dev.redline.store;
