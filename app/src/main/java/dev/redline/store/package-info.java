/**
 * Redline's record on SQLite or PostgreSQL. {@link dev.redline.store.Store#open} is the entry: it
 * returns the {@link dev.redline.store.Store} composite, which extends one interface per job:
 * {@link dev.redline.store.SourceStore} (sources and their health),
 * {@link dev.redline.store.ArticleStore} (articles, versions, imports, events, the check log),
 * {@link dev.redline.store.WorkQueue} (due checks and feed polls under leases),
 * {@link dev.redline.store.TextSearch} (full-text search) and {@link dev.redline.fetch.HostSlots}
 * (per-host request slots shared by workers); the trace index's tables are reached through
 * {@link dev.redline.store.TracePostings}. Callers that need one job take that interface. The JDBC
 * pieces behind them are package-private; nothing outside this package sees a connection.
 *
 * <p>Null contract: parameters documented "or null" (a source id, a time bound) mean "no filter" or
 * "none"; every other parameter is non-null. Lookups return {@link java.util.Optional} or an empty
 * list, never null; record fields are null only where their Javadoc says so. Everything here is
 * thread-safe, or immutable (the records and enums).
 */
package dev.redline.store;
