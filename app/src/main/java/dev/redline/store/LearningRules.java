package dev.redline.store;

/**
 * When a line becomes a source's boilerplate, and how much of a source is kept. Immutable.
 *
 * @param minArticles      a line is boilerplate once this many distinct articles showed it
 * @param minSharePercent  ... and at least this share of the articles counted since it first
 *                         appeared (a template line is on most pages of its template; a
 *                         paragraph that a run of follow-up stories repeats is not)
 * @param staleAfter       a boilerplate line no article showed in this many articles is retired
 *                         (the template changed)
 * @param rescueAfter      from this many articles counted, a short line absent from every other
 *                         article counts as the article's own
 * @param maxLines         lines kept per source; above it the rarest, oldest go first
 * @param copySharePercent an article whose full paragraphs are at least this share already seen
 *                         on the source is a copy and teaches nothing
 */
public record LearningRules(int minArticles, int minSharePercent, int staleAfter, int rescueAfter, int maxLines,
                            int copySharePercent) {
    /**
     * Three articles: two could be a story and its follow-up quoting it; three unrelated ones
     * sharing a line exactly are a template. A quarter: sections with their own template still
     * qualify. Two hundred articles without a sighting: a retired template. Five articles before
     * absence means anything. Five thousand lines: the template lines of a source and the recent
     * articles' paragraphs for the copy check, in a few hundred kilobytes. Half the paragraphs: a
     * rewrite of a wire story shares some; a copy shares most.
     */
    public static final LearningRules DEFAULT = new LearningRules(3, 25, 200, 5, 5000, 50);

    public LearningRules {
        if (minArticles < 1 || minSharePercent < 0 || minSharePercent > 100 || staleAfter < 1 || rescueAfter < 1
                || maxLines < 1 || copySharePercent < 1 || copySharePercent > 100) {
            throw new IllegalArgumentException("learning rules out of range: " + this);
        }
    }
}
