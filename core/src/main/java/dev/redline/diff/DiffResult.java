package dev.redline.diff;

import java.util.List;

/**
 * What changed between two versions of an article. Immutable; the JSON form of this record is
 * Redline's public diff format (CLI, API and trace all emit it).
 *
 * @param title        the headline comparison
 * @param byline       the byline comparison (old/new may be null)
 * @param ops          every sentence of both versions exactly once, in reading order of the new
 *                     version, deleted sentences placed where they stood
 * @param boring       true when the change is only cosmetic (see {@code boringReason})
 * @param boringReason which rule judged the change boring, or null
 * @param stats        counts of the ops
 * @param gap          the time between the versions in words ("about 6 hours later"), or null
 *                     when the times are unknown
 * @param oldParagraphStarts the old sentence indexes that begin a paragraph, ascending, so a
 *                     reader can be shown the paragraphs and not one sentence after another
 * @param newParagraphStarts the same for the new version
 */
public record DiffResult(TitleChange title, TitleChange byline, List<SentenceOp> ops, boolean boring,
                         String boringReason, DiffStats stats, String gap, List<Integer> oldParagraphStarts,
                         List<Integer> newParagraphStarts) {
    public DiffResult {
        ops = List.copyOf(ops);
        oldParagraphStarts = List.copyOf(oldParagraphStarts);
        newParagraphStarts = List.copyOf(newParagraphStarts);
    }
}
