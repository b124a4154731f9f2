package dev.redline.extract;

import dev.redline.extract.BlockWriter.Block;
import dev.redline.extract.TextBlock.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies a source's {@link LearnedLines} around the generic clean-up ({@link Boilerplate}), and
 * lists a page's candidate lines for learning. Dropping comes first, so the generic edge rules then
 * see the body without the learned furniture; keeping (rescue) comes after, and only at the edges of
 * what the generic rules kept: a run of short lines right before the first or after the last kept
 * line that the generic rules dropped for their shape alone (a dateline, a closing subheading, a
 * sign-off), never one a word pattern recognised (bylines, credits, calls to action, "more
 * stories"), a single word or an address, and never one seen on another article of the source.
 * A learned end marker is left to the generic rules, which cut the body there. Stateless and thread-safe.
 */
final class LearnedFilter {
    /** A rescued line is at most this long: longer lines are not dropped for their shape anyway. */
    private static final int RESCUE_MAX_WORDS = 12;
    /** One word alone at an edge is more often a control ("Close", "Caption") than the article's. */
    private static final int RESCUE_MIN_WORDS = 2;
    /** An e-mail address, handle or link: the author's contact line, unique to no article but its author. */
    private static final Pattern ADDRESS = Pattern.compile("(?i)\\S@\\S|\\S/\\S|\\bwww\\.");
    /** A dateline, a closing subheading and a sign-off; a longer run of dropped lines is something else. */
    private static final int RESCUE_MAX_PER_EDGE = 3;
    /** A full paragraph, marking the article's main span: a sentence of at least this many words. */
    private static final int SPAN_WORDS = 15;
    /** Inside the span only lines this short may be learned (inserted furniture is short). */
    private static final int SPAN_LEARNABLE_WORDS = 12;
    /** Outside the span longer lines may be learned too (a standard disclaimer), up to this. */
    private static final int EDGE_LEARNABLE_WORDS = 80;
    /** Lines reported per page: bounds what one page can write into a source's counts. */
    private static final int MAX_LEARNABLE = 200;
    /** Full paragraphs reported per page, enough to recognise a copy of an article seen before. */
    private static final int MAX_TEXT_LINES = 20;

    private LearnedFilter() {
    }

    /** The body of {@code raw} cleaned by the generic rules with {@code learned} applied. */
    static List<TextBlock> clean(List<Block> raw, LearnedLines learned) {
        if (learned.isEmpty()) {
            return Boilerplate.clean(raw);
        }
        List<Block> candidates = new ArrayList<>(raw.size());
        List<Long> fingerprints = new ArrayList<>(raw.size());
        for (Block b : raw) {
            long fp = LearnedLines.fingerprint(b.text());
            // a learned end marker ("More stories") stays for the generic rules, which cut the
            // teasers after it: removing it first would undo that cut
            if (!learned.boilerplate().contains(fp) || Boilerplate.isEndMarker(b)) {
                candidates.add(b);
                fingerprints.add(fp);
            }
        }
        List<TextBlock> generic = Boilerplate.clean(candidates);
        return learned.rescue() ? rescue(candidates, fingerprints, generic, learned.known()) : generic;
    }

    /** {@code generic} with the article's own short lines next to it put back, in page order. */
    private static List<TextBlock> rescue(List<Block> candidates, List<Long> fingerprints, List<TextBlock> generic,
                                          Set<Long> known) {
        boolean[] keep = new boolean[candidates.size()];
        int first = -1;
        int last = -1;
        // the generic result is a subsequence of the candidates (same text, same kind)
        for (int i = 0, j = 0; i < candidates.size() && j < generic.size(); i++) {
            Block b = candidates.get(i);
            if (b.text().equals(generic.get(j).text()) && b.kind() == generic.get(j).kind()) {
                keep[i] = true;
                first = first < 0 ? i : first;
                last = i;
                j++;
            }
        }
        if (first < 0) {
            return generic;
        }
        int rescued = 0;
        for (int i = first - 1, n = 0; i >= 0 && n < RESCUE_MAX_PER_EDGE
                && ownShortLine(candidates.get(i), fingerprints.get(i), known, false); i--, n++) {
            keep[i] = true;
            rescued++;
        }
        for (int i = last + 1, n = 0; i < candidates.size() && n < RESCUE_MAX_PER_EDGE
                && ownShortLine(candidates.get(i), fingerprints.get(i), known, true); i++, n++) {
            keep[i] = true;
            rescued++;
        }
        if (rescued == 0) {
            return generic;
        }
        List<TextBlock> out = new ArrayList<>(generic.size() + rescued);
        for (int i = 0; i < candidates.size(); i++) {
            if (keep[i]) {
                out.add(new TextBlock(candidates.get(i).kind(), candidates.get(i).text()));
            }
        }
        return out;
    }

    private static boolean ownShortLine(Block b, long fingerprint, Set<Long> known, boolean atEnd) {
        int words = b.words();
        return fingerprint != 0 && !known.contains(fingerprint) && words >= RESCUE_MIN_WORDS && words <= RESCUE_MAX_WORDS
                && !ADDRESS.matcher(b.text()).find() && !Boilerplate.matchesWordPattern(b, atEnd);
    }

    /** The distinct lines of {@code raw} for learning, in page order (see {@link PageLine#learnable()}). */
    static List<PageLine> lines(List<Block> raw) {
        int spanFirst = -1;
        int spanLast = -1;
        for (int i = 0; i < raw.size(); i++) {
            if (isFullParagraph(raw.get(i))) {
                spanFirst = spanFirst < 0 ? i : spanFirst;
                spanLast = i;
            }
        }
        List<PageLine> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        int learnable = 0;
        int text = 0;
        for (int i = 0; i < raw.size(); i++) {
            Block b = raw.get(i);
            int words = b.words();
            boolean inSpan = i >= spanFirst && i <= spanLast;
            boolean canLearn = inSpan ? b.kind() != Kind.HEADING && words <= SPAN_LEARNABLE_WORDS
                    : words <= EDGE_LEARNABLE_WORDS;
            if (canLearn ? learnable >= MAX_LEARNABLE : text >= MAX_TEXT_LINES || words < SPAN_WORDS) {
                continue;
            }
            long fp = LearnedLines.fingerprint(b.text());
            if (fp != 0 && seen.add(fp)) {
                out.add(new PageLine(fp, b.text(), canLearn));
                if (canLearn) {
                    learnable++;
                } else {
                    text++;
                }
            }
        }
        return out;
    }

    private static boolean isFullParagraph(Block b) {
        return (b.kind() == Kind.PARAGRAPH || b.kind() == Kind.QUOTE) && b.words() >= SPAN_WORDS
                && Boilerplate.endsSentence(b.text());
    }
}
