/**
 * Per-source learned boilerplate: what only a tracker knows. {@link dev.redline.learning.BoilerplateLearner}
 * (the entry) reads each page of a tracked article through the lens its source had taught when the
 * article was first read, and counts the lines of every article's first stored version towards its
 * source ({@link dev.redline.store.LearnedLineStore} keeps the counts; the tracker writes a page's
 * count and its article's lens pin with the check, in its slice's transaction); core's
 * {@link dev.redline.extract.Extractor#extractForSource} applies the lens. Stored versions are never
 * re-read: the record stays as it was extracted, and each article keeps its lens for all its
 * versions, so learning never shows up as an edit.
 *
 * <p>Null contract: arguments and results are non-null; an article without a source is read with
 * nothing learned and teaches nothing.
 */
package dev.redline.learning;
