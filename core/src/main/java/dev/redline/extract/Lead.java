package dev.redline.extract;

import dev.redline.extract.ContentFinder.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The article's lead, found for {@link ContentFinder} once it has picked the body: a short run of
 * text blocks between the headline and the body that belongs in front of it. Stateless.
 */
final class Lead {
    private static final int MAX_LEAD_BLOCKS = 4;
    private static final int MAX_LEAD_CHARS = 1200;
    private static final int LEAD_MIN_CHARS = 160;
    private static final double LEAD_MAX_LINK_DENSITY = 0.2;

    private Lead() {
    }

    /**
     * The article's lead (standfirst, teaser, intro), set between the headline and the body in a
     * container of its own: the text blocks after the last {@code h1} before the body, when headline and
     * body share a container below {@code body} and the blocks read as text (long enough or ending
     * like a sentence, few links). More text than a lead holds there is some other layout: nothing is taken.
     */
    static List<Element> prepend(Element body, List<Element> picked, Map<Element, Stats> stats) {
        Element first = picked.getFirst();
        List<Element> lead = new ArrayList<>();
        Element[] headline = new Element[1];
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == first) {
                    return FilterResult.STOP;
                }
                if (!(node instanceof Element e) || ContentFinder.isAncestor(e, first)) {
                    return FilterResult.CONTINUE;
                }
                if (e.normalName().equals("h1")) {
                    headline[0] = e;
                    lead.clear();
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (headline[0] == null) {
                    return FilterResult.CONTINUE;
                }
                if (BlockWriter.isNeverLead(e)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                Stats s = stats.get(e);
                if (s != null && !s.containsBlock && ContentFinder.BLOCK_TAGS.contains(e.normalName()) && s.chars > 0) {
                    if (isLeadText(e, s)) {
                        lead.add(e);
                    }
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, body);
        if (lead.isEmpty() || commonAncestor(headline[0], first) == body || lead.size() > MAX_LEAD_BLOCKS) {
            return picked;
        }
        int chars = 0;
        for (Element e : lead) {
            chars += stats.get(e).chars;
        }
        if (chars > MAX_LEAD_CHARS) {
            return picked;
        }
        List<Element> out = new ArrayList<>(lead);
        out.addAll(picked);
        return out;
    }

    private static boolean isLeadText(Element e, Stats s) {
        return s.linkDensity() <= LEAD_MAX_LINK_DENSITY && s.chars >= LEAD_MIN_CHARS;
    }

    private static Element commonAncestor(Element a, Element b) {
        for (Element p = a.parent(); p != null; p = p.parent()) {
            if (ContentFinder.isAncestor(p, b)) {
                return p;
            }
        }
        return null;
    }
}
