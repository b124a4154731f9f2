/**
 * Corpus jobs on Apache Spark over a whole Redline archive: {@code edits} (the NewsEdits rows of
 * every consecutive pair of versions), {@code reuse} (copies between sources, by a MinHash LSH
 * join on the trace fingerprints and the trace attribution rule) and {@code stats} (each source's
 * editing record, core's {@code EditingRecord} as its source page shows it). Entry class {@link dev.redline.spark.RedlineSpark}; the jobs call
 * {@code core} for diffs, sentences and fingerprints, so they answer as the single-machine commands
 * do. Archives come from {@link dev.redline.spark.Archive} (export JSON Lines or the store over
 * JDBC). Null contract: arguments are non-null; nullable columns are named in each job's schema.
 */
package dev.redline.spark;
