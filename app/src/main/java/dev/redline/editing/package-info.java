/**
 * What kind of changes stored articles had, read from their history for the CLI, the web and the
 * API: each version's correction/update/clarification/editor's notes and stealth verdict, headline
 * tests, unpublishing, and each source's editing record. The detectors are core's
 * {@code dev.redline.change}; this package fetches their inputs from the {@link dev.redline.store.Store},
 * and {@link dev.redline.editing.ChangeFacets} (a recording analyser, and the backfill of older
 * stores) stores each version's notes and stealth verdict when it is recorded, so reading a history
 * needs no diff. Entry point: {@link dev.redline.editing.EditingHistory}.
 *
 * <p>Null contract: parameters and return values are non-null unless their Javadoc says "or null".
 */
package dev.redline.editing;
