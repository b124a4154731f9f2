package dev.redline.extract;

import dev.redline.extract.ContentFinder.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * The article continued in blocks of the same kind as the one that holds it, found for
 * {@link ContentFinder} once it has picked the body: CMSs write an article as a run of like content
 * elements (the same tag and class: a text element, a paragraph field, an annex section), and the
 * finder's scoring picks the best one. Structure only, no words of any language; only the picked
 * block's neighbours are looked at, never the whole page again. Stateless.
 */
final class LikeBlocks {
    /** Levels, from the chosen block up, at which a run of like siblings is looked for. */
    private static final int LEVELS = 6;
    private static final int MIN_CHARS = 100;
    private static final double MAX_LINK_DENSITY = 0.25;
    /**
     * Below this many characters outside links the chosen block is probably not the article (the
     * extractor retries relaxed below about as much): its like siblings are a slideshow's slides or a grid's cards.
     */
    private static final int MIN_PICKED_CHARS = 500;

    private LikeBlocks() {
    }

    /**
     * {@code picked} with the like siblings of the first level, from {@code top} up, that has any
     * next to it (only empty elements between), in document order. A like sibling must read as text:
     * enough characters outside links, few links, and no linked heading (a teaser card is a linked
     * heading over a summary).
     */
    static List<Element> join(Element top, List<Element> picked, Element body, Map<Element, Stats> stats) {
        int pickedChars = 0;
        for (Element e : picked) {
            pickedChars += ContentFinder.plainChars(stats.get(e));
        }
        if (pickedChars < MIN_PICKED_CHARS) {
            return picked;
        }
        Element level = top;
        for (int i = 0; i < LEVELS && level != null && level != body; i++, level = level.parent()) {
            if (level.className().isEmpty()) {
                continue;
            }
            List<Element> before = run(level, picked, false, stats);
            List<Element> after = run(level, picked, true, stats);
            if (before.isEmpty() && after.isEmpty()) {
                continue;
            }
            List<Element> out = new ArrayList<>(before.reversed());
            out.addAll(picked);
            out.addAll(after);
            return out;
        }
        return picked;
    }

    private static List<Element> run(Element level, List<Element> picked, boolean forward, Map<Element, Stats> stats) {
        List<Element> run = new ArrayList<>();
        for (Element e = next(level, forward); e != null; e = next(e, forward)) {
            Stats s = stats.get(e);
            if (s == null || s.chars == 0 || picked.contains(e)) {
                continue;
            }
            if (!e.normalName().equals(level.normalName()) || !e.className().equals(level.className())
                    || ContentFinder.plainChars(s) < MIN_CHARS || s.linkDensity() > MAX_LINK_DENSITY
                    || hasLinkedHeading(e, stats)) {
                break;
            }
            run.add(e);
        }
        return run;
    }

    private static Element next(Element e, boolean forward) {
        return forward ? e.nextElementSibling() : e.previousElementSibling();
    }

    private static boolean hasLinkedHeading(Element root, Map<Element, Stats> stats) {
        for (Element e : ElementWalk.all(root)) {
            Stats s = switch (e.normalName()) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> stats.get(e);
                default -> null;
            };
            if (s != null && s.linkChars * 2 > s.chars) {
                return true;
            }
        }
        return false;
    }
}
