/**
 * Provenance: which version of an article a copy carries, decided from the article's own history
 * (the differences between its consecutive versions), with the evidence that decided. Entry point
 * {@link dev.redline.provenance.Attribution}; {@link dev.redline.provenance.Passage} is a text
 * prepared for the comparison (also used to match copies whose words were spun, by the figures and
 * names they share in order). Pure text work, no I/O; every type is immutable and thread-safe.
 * Null contract: no parameter or result is null except {@link dev.redline.provenance.Evidence#instead()}.
 */
package dev.redline.provenance;
