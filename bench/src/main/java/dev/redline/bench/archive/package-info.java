/**
 * The archive generator behind the scale figures (issue 17): {@link dev.redline.bench.archive.ArchiveGenerator}
 * writes N generated articles of about ten versions each (several sources, news-like text, the edits
 * newsrooms make: typo fixes, rewritten headlines and headline tests, changed figures and names,
 * correction and update notes, added and deleted sentences) into a SQLite file or a PostgreSQL
 * database through the recording path ({@code VersionRecorder}, batched), with progress.
 * {@link dev.redline.bench.archive.ArchivePostgres} starts an embedded PostgreSQL on a kept data folder
 * for the scripts. {@link dev.redline.bench.archive.TraceArchiveBench} builds the trace index of a copied
 * archive through the tracer's repair path and times trace queries over it. Fixed seeds: the same arguments give the same texts.
 *
 * <p>Null contract: parameters and return values are non-null unless their Javadoc says "or null".
 */
package dev.redline.bench.archive;
