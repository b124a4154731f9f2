package dev.redline.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the element(s) holding a page's article body by content scoring, in the manner of
 * Readability: every paragraph-like block scores by its length and commas, the score flows to its
 * ancestors, ancestors are weighted by link density and class/id hints, the best one wins, and
 * siblings that look like part of the same article are merged in, with the article's lead when it
 * stands between the headline and the body ({@link Lead}) and the like content elements that continue
 * it ({@link LikeBlocks}). Used on one document by one thread; a new instance per
 * document.
 */
final class ContentFinder {
    static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "center", "dd",
            "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
            "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
            "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "body", "html");
    private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "td", "blockquote");
    private static final Set<String> PARAGRAPH_LIKE_CONTAINERS = Set.of("div", "section", "article", "span", "font", "center");
    private static final HintWords POSITIVE = HintWords.of("article", "body", "content", "entry", "hentry", "h-entry",
            "main", "page", "post", "text", "blog", "story");
    private static final HintWords NEGATIVE = HintWords.of("-ad-", "hidden", "banner", "combx", "comment", "com-",
            "contact", "footer", "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share",
            "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget", "taboola", "recommend",
            "newsletter", "subscri");
    static final HintWords UNLIKELY = HintWords.of("-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment",
            "community", "cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related",
            "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
            "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote", "newsletter", "outbrain", "taboola",
            "cookie", "modal", "dialog");
    private static final HintWords MAYBE = HintWords.of("and", "article", "body", "column", "content", "main", "mathjax",
            "shadow");
    private static final Set<String> UNLIKELY_ROLES = Set.of("menu", "menubar", "complementary", "navigation",
            "alert", "alertdialog", "dialog", "banner", "contentinfo");
    private static final Evaluator TABLE = QueryParser.parse("table");
    private static final Evaluator CODE = QueryParser.parse("code");
    private static final Evaluator ARTICLE_OR_MAIN = QueryParser.parse("article, main");
    private static final int MIN_PARAGRAPH_CHARS = 25;
    private static final int ANCESTOR_LEVELS = 5;
    private static final double GAP_MAX_LINK_DENSITY = 0.3;
    /** A full stop ending a sentence somewhere in the text (compiled once: String.matches compiles on every call). */
    private static final Pattern HAS_FULL_STOP = Pattern.compile(".*\\.( |$).*");

    /** Per-element text statistics, computed once bottom-up so scoring stays linear in page size. */
    static final class Stats {
        int chars;
        int linkChars;
        int commas;
        /** Text outside any block-level child: loose text runs in a container that also has blocks. */
        int ownChars;
        int ownCommas;
        boolean containsBlock;
        double score;
        boolean candidate;

        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }
    }

    private final Map<Element, Stats> stats;
    private final boolean useClassHints;

    private ContentFinder(boolean useClassHints, Map<Element, Stats> stats) {
        this.useClassHints = useClassHints;
        this.stats = stats;
    }

    /**
     * The unlikely elements taken out of a page ({@link #removeUnlikely}), and the stats of the page
     * without them when the removal measured the page anyway (else null).
     */
    record Unlikely(Detached detached, Map<Element, Stats> stats) {
    }

    /**
     * The article containers of {@code doc} in document order (never empty: falls back to body).
     * With {@code strict}, class/id hints weigh in, and the caller has first removed the elements
     * whose class, id or role say "not content" ({@link #removeUnlikely}); the relaxed pass, with
     * them put back, is the retry when strict finds too little.
     */
    static List<Element> find(Document doc, boolean strict) {
        return find(doc, strict, null);
    }

    /**
     * As {@link #find(Document, boolean)}, with the page's stats already measured ({@link Unlikely#stats()})
     * or null to measure them here. The map is the finder's own from then on (it scores in it).
     */
    static List<Element> find(Document doc, boolean strict, Map<Element, Stats> measured) {
        ContentFinder finder = new ContentFinder(strict, measured == null ? new IdentityHashMap<>() : measured);
        if (measured == null) {
            finder.measure(doc.body());
        }
        return finder.best(doc);
    }

    static Map<Element, Stats> measure(Element root, Map<Element, Stats> into) {
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    into.put(e, statsOf(e, into));
                }
            }
        }, root);
        return into;
    }

    /** The stats of {@code e} from its text and the stats of its element children in {@code measured}. */
    private static Stats statsOf(Element e, Map<Element, Stats> measured) {
        Stats s = new Stats();
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                String text = t.getWholeText();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (!Character.isWhitespace(c) && c != '\u00a0') {
                        s.chars++;
                        s.ownChars++;
                    }
                    if (c == ',' || c == '，' || c == '、') {
                        s.commas++;
                        s.ownCommas++;
                    }
                }
            } else if (child instanceof Element ce) {
                Stats cs = measured.get(ce);
                if (cs != null) {
                    s.chars += cs.chars;
                    s.linkChars += cs.linkChars;
                    s.commas += cs.commas;
                    boolean block = BLOCK_TAGS.contains(ce.normalName());
                    s.containsBlock |= cs.containsBlock || block;
                    if (!block && !cs.containsBlock) {
                        s.ownChars += cs.chars - cs.linkChars;
                        s.ownCommas += cs.commas;
                    }
                }
            }
        }
        if (e.normalName().equals("a")) {
            s.linkChars = s.chars;
        }
        return s;
    }

    /**
     * Brings {@code stats}, measured on {@code body} before elements were taken out of it, up to date:
     * only the ancestors of what was taken out change, and they are worked out again from their
     * children, deepest first, instead of measuring the whole page a second time.
     */
    private static void remeasureAncestors(Element body, List<Element> parents, Map<Element, Stats> stats) {
        Map<Element, Integer> depths = new IdentityHashMap<>();
        for (Element parent : parents) {
            List<Element> chain = new ArrayList<>();
            Element e = parent;
            while (e != null && e != body) {
                chain.add(e);
                e = e.parent();
            }
            if (e == null) {
                // taken out of an element taken out before it: no longer on the page
                continue;
            }
            chain.add(body);
            for (int i = 0; i < chain.size(); i++) {
                depths.putIfAbsent(chain.get(i), chain.size() - 1 - i);
            }
        }
        List<Element> deepestFirst = new ArrayList<>(depths.keySet());
        deepestFirst.sort(Comparator.comparingInt((Element e) -> depths.get(e)).reversed());
        for (Element e : deepestFirst) {
            stats.put(e, statsOf(e, stats));
        }
    }

    private void measure(Element root) {
        if (root != null) {
            measure(root, stats);
        }
    }

    /** Removes the elements whose class, id or role say "not content", before the strict pass. */
    static Unlikely removeUnlikely(Document doc) {
        Element body = doc.body();
        if (body == null) {
            return new Unlikely(Detached.remove(List.of()), null);
        }
        List<Element> doomed = new ArrayList<>();
        // pages repeat a few class names thousands of times: match each distinct one once
        Map<String, Boolean> unlikelyHints = new HashMap<>();
        for (Element e : ElementWalk.all(body)) {
            if (e == body) {
                continue;
            }
            String tag = e.normalName();
            if (tag.equals("nav") || tag.equals("aside") || tag.equals("footer")) {
                doomed.add(e);
                continue;
            }
            if (tag.equals("a") || tag.equals("article") || tag.equals("main") || tag.equals("body")) {
                continue;
            }
            String hints = hints(e);
            if (hints.isEmpty() && !e.hasAttr("role")) {
                continue;
            }
            if (UNLIKELY_ROLES.contains(e.attr("role").toLowerCase(Locale.ROOT))
                    || (unlikelyHints.computeIfAbsent(hints, h -> UNLIKELY.in(h) && !MAYBE.in(h))
                    && e.closest(TABLE) == null && e.closest(CODE) == null && !isArticleHeader(e, hints))) {
                doomed.add(e);
            }
        }
        if (doomed.isEmpty()) {
            return new Unlikely(Detached.remove(doomed), null);
        }
        // a wrapper holding most of the page's text is the page's layout (a post "with a sidebar on the
        // right", a region named for where it sits), never furniture, whatever its tag or class says
        Map<Element, Stats> text = measure(body, new IdentityHashMap<>());
        int pageText = plainChars(text.get(body));
        List<Element> furniture = new ArrayList<>(doomed.size());
        for (Element e : doomed) {
            Stats s = text.get(e);
            if (s == null || plainChars(s) * 2 < pageText) {
                furniture.add(e);
            }
        }
        Detached detached = Detached.remove(furniture);
        remeasureAncestors(body, detached.parents(), text);
        return new Unlikely(detached, text);
    }

    static int plainChars(Stats s) {
        return s.chars - s.linkChars;
    }

    /**
     * A header inside the article or the main part of the page is the article's own header (headline,
     * lead), not the site's: of the unlikely hints it has only "header", and it sits in article or main.
     */
    private static boolean isArticleHeader(Element e, String hints) {
        return hints.contains("header") && !UNLIKELY.in(hints.replace("header", ""))
                && e.closest(ARTICLE_OR_MAIN) != null;
    }

    /** Class and id, lower-cased, for the hint patterns (which are lower-case, since case-folding regexes are slow). */
    static String hints(Element e) {
        String className = e.className();
        String id = e.id();
        if (className.isEmpty() && id.isEmpty()) {
            return "";
        }
        return (className + " " + id).toLowerCase(Locale.ROOT);
    }

    private double classWeight(Element e) {
        if (!useClassHints) {
            return 0;
        }
        double weight = 0;
        for (String hint : new String[] {e.className().toLowerCase(Locale.ROOT), e.id().toLowerCase(Locale.ROOT)}) {
            if (hint.isEmpty()) {
                continue;
            }
            if (NEGATIVE.in(hint) || isToken(hint, "hid")) {
                weight -= 25;
            }
            if (POSITIVE.in(hint)) {
                weight += 25;
            }
        }
        if (e.attr("itemprop").equalsIgnoreCase("articleBody")) {
            weight += 25;
        }
        return weight;
    }

    private static boolean isToken(String hint, String token) {
        for (String t : hint.split(" ")) {
            if (t.equals(token)) {
                return true;
            }
        }
        return false;
    }

    private Stats initCandidate(Element e) {
        Stats s = stats.get(e);
        if (s == null) {
            return null;
        }
        if (!s.candidate) {
            s.candidate = true;
            s.score = switch (e.normalName()) {
                case "div", "article", "main", "section" -> 5;
                case "pre", "td", "blockquote" -> 3;
                case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
                case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
                default -> 0;
            } + classWeight(e);
        }
        return s;
    }

    private boolean isParagraph(Element e, Stats s) {
        String tag = e.normalName();
        return PARAGRAPH_TAGS.contains(tag) || (PARAGRAPH_LIKE_CONTAINERS.contains(tag) && !s.containsBlock);
    }

    private List<Element> score(Document doc, Element body) {
        List<Element> candidates = new ArrayList<>();
        for (Element e : ElementWalk.all(body)) {
            Stats s = stats.get(e);
            if (s == null || s.chars < MIN_PARAGRAPH_CHARS) {
                continue;
            }
            if (isParagraph(e, s)) {
                credit(e.parent(), 1 + s.commas + Math.min(3, s.chars / 100.0), doc, candidates);
            } else if (s.containsBlock && s.ownChars >= MIN_PARAGRAPH_CHARS && !e.normalName().equals("body")) {
                // loose text beside block children (text separated by <br> or empty divs) is a paragraph of e itself
                credit(e, 1 + s.ownCommas + Math.min(3, s.ownChars / 100.0), doc, candidates);
            }
        }
        return candidates;
    }

    /** Adds a paragraph's score to its container and, diminishing, to the container's ancestors. */
    private void credit(Element container, double score, Document doc, List<Element> candidates) {
        Element ancestor = container;
        for (int level = 0; level < ANCESTOR_LEVELS && ancestor != null && ancestor != doc; level++) {
            Stats existing = stats.get(ancestor);
            if (existing == null) {
                break;
            }
            if (!existing.candidate) {
                candidates.add(ancestor);
            }
            Stats as = initCandidate(ancestor);
            double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            as.score += score / divider;
            ancestor = ancestor.parent();
        }
    }

    private List<Element> best(Document doc) {
        Element body = doc.body();
        if (body == null) {
            return List.of();
        }
        List<Element> candidates = score(doc, body);
        if (candidates.isEmpty()) {
            return List.of(body);
        }
        for (Element c : candidates) {
            Stats s = stats.get(c);
            s.score *= 1 - s.linkDensity();
        }
        candidates.sort(Comparator.comparingDouble((Element c) -> stats.get(c).score).reversed());
        Element top = candidates.getFirst();
        double topScore = stats.get(top).score;
        top = preferCommonAncestor(top, candidates.subList(0, Math.min(5, candidates.size())), topScore, body);
        top = climbWhileParentScoresHigher(top, body);
        return Lead.prepend(body, LikeBlocks.join(top, withSiblings(top), body, stats), stats);
    }

    /** When several near-best candidates share an ancestor, the article is that ancestor, split into parts. */
    private Element preferCommonAncestor(Element top, List<Element> topFive, double topScore, Element body) {
        List<Element> alternatives = new ArrayList<>();
        for (Element c : topFive) {
            if (c != top && stats.get(c).score / topScore >= 0.75) {
                alternatives.add(c);
            }
        }
        if (alternatives.size() < 3) {
            return top;
        }
        for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
            int contained = 0;
            for (Element alt : alternatives) {
                if (isAncestor(parent, alt)) {
                    contained++;
                }
            }
            if (contained >= 3) {
                return parent;
            }
        }
        return top;
    }

    static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private Element climbWhileParentScoresHigher(Element top, Element body) {
        Element candidate = top;
        double lastScore = stats.get(top).score;
        double threshold = lastScore / 3;
        Element parent = top.parent();
        while (parent != null && parent != body) {
            Stats ps = stats.get(parent);
            if (ps == null || !ps.candidate) {
                parent = parent.parent();
                continue;
            }
            if (ps.score < threshold) {
                break;
            }
            if (ps.score > lastScore) {
                candidate = parent;
                break;
            }
            lastScore = ps.score;
            parent = parent.parent();
        }
        // an only child says nothing the parent does not: widen so that siblings can be judged
        while (candidate.parent() != null && candidate.parent() != body && candidate.parent().childrenSize() == 1) {
            candidate = candidate.parent();
        }
        return candidate;
    }

    private List<Element> withSiblings(Element top) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        Stats topStats = stats.get(top);
        double topScore = topStats == null ? 0 : topStats.score;
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> picked = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                picked.add(sibling);
                continue;
            }
            Stats s = stats.get(sibling);
            if (s == null) {
                continue;
            }
            double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
            if (s.candidate && s.score + bonus >= threshold) {
                picked.add(sibling);
            } else if (sibling.normalName().equals("p")) {
                double ld = s.linkDensity();
                if (s.chars > 80 && ld < 0.25) {
                    picked.add(sibling);
                } else if (s.chars > 0 && s.chars <= 80 && ld == 0 && HAS_FULL_STOP.matcher(sibling.text()).matches()) {
                    picked.add(sibling);
                }
            }
        }
        return withGaps(parent, picked);
    }

    /**
     * Siblings lying between two picked parts of the article, with text that is not mostly links,
     * are the article's too (subheadings, short lines, lists and tables between its paragraphs):
     * position decides, not their length.
     */
    private List<Element> withGaps(Element parent, List<Element> picked) {
        if (picked.size() < 2) {
            return picked;
        }
        int first = picked.getFirst().elementSiblingIndex();
        int last = picked.getLast().elementSiblingIndex();
        List<Element> out = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            Element sibling = parent.child(i);
            Stats s = stats.get(sibling);
            if (picked.contains(sibling)
                    || (s != null && s.chars > 0 && s.linkDensity() < GAP_MAX_LINK_DENSITY)) {
                out.add(sibling);
            }
        }
        return out;
    }
}
