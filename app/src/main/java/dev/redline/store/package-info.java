/**
 * Storage of sources, articles, versions, checks, the work queue and search, on SQLite or
 * PostgreSQL (Jdbi, Flyway). {@link dev.redline.store.Store#open} is the entry: it returns the
 * {@link dev.redline.store.Store} composite, which extends one interface per job:
 * {@link dev.redline.store.SourceStore} (sources and their health),
 * {@link dev.redline.store.ArticleStore} (articles, versions, imports, events, the check log),
 * {@link dev.redline.store.WorkQueue} (due checks and feed polls under leases),
 * {@link dev.redline.store.TextSearch} (full-text search), {@link dev.redline.store.HostSlotStore}
 * (per-host request slots shared by workers) and {@link dev.redline.store.ChangeStore} (each
 * version's stored change facets, derived data); the trace index's tables are reached through
 * {@link dev.redline.store.TracePostings}, each version's sentence split (kept once, read by
 * every comparison) through {@link dev.redline.store.SplitStore}, and per-source learned
 * boilerplate through {@link dev.redline.store.LearnedLineStore}. Callers that need one job take that interface. The JDBC
 * pieces behind them are package-private; nothing outside this package sees a connection.
 * Versions are append-only, and a failed write leaves stored data unchanged.
 *
 * <p>Null contract: parameters and return values are non-null unless their Javadoc says "or null"
 * (Redline uses no {@code @Nullable} annotation; the Javadoc is the contract). Lookups return
 * {@link java.util.Optional}; collections are never null, empty when there is nothing. Everything
 * here is thread-safe, or immutable (the records and enums).
 */
package dev.redline.store;
