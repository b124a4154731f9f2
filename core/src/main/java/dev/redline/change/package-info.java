/**
 * What kind of change a version made: correction, update, clarification and editor's notes
 * ({@link dev.redline.change.Note}), stealth edits and the facts they changed
 * ({@link dev.redline.change.VersionChange}), headline tests over a history
 * ({@link dev.redline.change.HeadlineTests}), and each source's editing record per week
 * ({@link dev.redline.change.EditingRecord}). Entry point: {@link dev.redline.change.Changes}. Built on
 * {@code dev.redline.diff}'s results and boring rules. Pure computation, no I/O and no clock (the
 * times are parameters); stateless and thread-safe.
 *
 * <p>Null contract: parameters and return values are non-null unless their Javadoc says "or null".
 * Collections are never null, empty when there is nothing.
 */
package dev.redline.change;
