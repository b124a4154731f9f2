package dev.redline.provenance;

import dev.redline.article.ArticleText;
import dev.redline.diff.SplitText;
import java.util.List;

/**
 * An article's history prepared for attribution: each version as a {@link Passage} and the
 * distinguishing differences between consecutive versions ({@link Features}, read off their diffs).
 * Preparing is the costly part (a diff of every consecutive pair); reading a copy against a
 * prepared history is cheap, so a caller that traces many copies against one article keeps it.
 * Immutable and thread-safe.
 */
public final class History {
    private final List<Passage> passages;
    private final List<Features.Feature> features;

    private History(List<Passage> passages, List<Features.Feature> features) {
        this.passages = passages;
        this.features = features;
    }

    /**
     * Prepares a history.
     *
     * @param versions the article's versions in order (index = version number); not empty
     */
    public static History of(List<ArticleText> versions) {
        return of(versions, versions.stream().map(Passage::of).toList());
    }

    /**
     * Prepares a history whose versions the caller has already prepared as passages.
     *
     * @param passages {@code Passage.of} of each of {@code versions}, in the same order
     */
    public static History of(List<ArticleText> versions, List<Passage> passages) {
        return ofSplits(versions.stream().map(SplitText::of).toList(), passages);
    }

    /**
     * Prepares a history from versions already split into sentences (the splits a store keeps, so
     * the diffs of consecutive versions need no new split) and prepared as passages.
     *
     * @param splits   each version's sentence split, in order
     * @param passages {@code Passage.of} of each version's text, in the same order
     */
    public static History ofSplits(List<SplitText> splits, List<Passage> passages) {
        if (splits.isEmpty() || splits.size() != passages.size()) {
            throw new IllegalArgumentException("a history needs at least one version and one passage per version, got "
                    + splits.size() + " and " + passages.size());
        }
        return new History(List.copyOf(passages), List.copyOf(Features.between(splits, passages)));
    }

    /** Number of versions. */
    public int size() {
        return passages.size();
    }

    /** Version {@code number} prepared as a passage (for keyword matching). */
    public Passage passage(int number) {
        return passages.get(number);
    }

    /** Which version the copy carries, with the evidence ({@link Attribution}). */
    public Attribution attribute(Passage copy) {
        return Attribution.weigh(passages, features, copy);
    }
}
