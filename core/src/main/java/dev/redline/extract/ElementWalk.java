package dev.redline.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The two walks over a jsoup sub-tree that extraction repeats on every page, done with jsoup's
 * {@link NodeTraversor}: {@link Element#getAllElements()} and {@link Element#selectFirst(Evaluator)}
 * give the same elements in the same order, but build a stream, an iterator and a predicate around
 * each node, which made the walks themselves about a tenth of extraction's time. Stateless.
 */
final class ElementWalk {
    private ElementWalk() {
    }

    /** {@code root} and every element under it, in document order, as {@code root.getAllElements()}. */
    static List<Element> all(Element root) {
        List<Element> out = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Element e) {
                out.add(e);
            }
        }, root);
        return out;
    }

    /**
     * Whether {@code root} or an element under it matches {@code evaluator}, as
     * {@code root.selectFirst(evaluator) != null}, for evaluators that keep no state between calls
     * (tags, attributes and their combinations, not {@code :has} or ancestor combinators).
     */
    static boolean any(Element root, Evaluator evaluator) {
        boolean[] found = new boolean[1];
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e && evaluator.matches(root, e)) {
                    found[0] = true;
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return found[0];
    }
}
