package dev.redline.diff;

/**
 * Counts of a diff, for summaries ("3 sentences edited, 1 added") and change sizes.
 *
 * @param same         sentences unchanged and in place
 * @param edited       sentences reworded in place
 * @param added        sentences only in the new version
 * @param deleted      sentences only in the old version
 * @param moved        sentences that changed place (edited or not)
 * @param wordsAdded   words added, counting added sentences and edits
 * @param wordsDeleted words deleted, counting deleted sentences and edits
 */
public record DiffStats(int same, int edited, int added, int deleted, int moved, int wordsAdded, int wordsDeleted) {

    /** True when nothing but possibly the title changed. */
    public boolean bodyUnchanged() {
        return edited == 0 && added == 0 && deleted == 0 && moved == 0;
    }
}
