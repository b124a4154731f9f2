package dev.redline.extract;

import dev.redline.extract.TextBlock.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * Turns article containers into text blocks: one block per block-level element (paragraph,
 * subheading, list item, quote) or data-table row, {@code <br>} breaking a block into lines; each
 * block is marked with the innermost structure it sits in (a paragraph inside a list item is a list
 * item). Inside the container it
 * skips what is not article text: figures and captions, media, forms, headline, and sub-trees
 * whose class/id or link density mark them as share bars, promos, related links or credits. Used by
 * one thread at a time; a new instance per extraction.
 */
final class BlockWriter {
    /**
     * One paragraph of output before clean-up, with the share of its characters inside links and its
     * {@link Boilerplate#words} (counted once here: every clean-up rule asks for it).
     */
    record Block(String text, Kind kind, int chars, int linkChars, int words) {
        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }
    }

    private static final Set<String> SKIPPED_TAGS = Set.of("figure", "figcaption", "picture", "img", "video", "audio",
            "h1", "button", "nav", "aside", "footer", "form", "select", "textarea", "input", "label", "noscript",
            "script", "style", "template", "svg", "canvas", "iframe", "object", "embed", "map", "dialog", "menu",
            "fieldset", "caption");
    private static final Set<String> LINK_HEAVY_CONTAINERS = Set.of("div", "section", "ul", "ol", "table", "dl",
            "header", "span", "p");
    private static final Pattern NOT_TEXT_HINT = Pattern.compile(
            "(^|[-_ ])(caption|captions|credit|credits|share|sharing|shares|social|related|newsletter|subscribe"
                    + "|subscription|promo|promotion|advert|advertisement|ad|ads|adsense|sponsor|sponsored|byline"
                    + "|author|authors|dateline|timestamp|date|breadcrumb|breadcrumbs|tags|tag|toolbar|comments?"
                    + "|signup|recommended|recommendations|readmore|read-more|more|outbrain|taboola|popup|modal"
                    + "|cookie|cookies|consent|print|hidden|pullquote|pull-quote|meta|widget|rating|disclaimer|embed"
                    + "|video|photo|gallery|slideshow|figure|image|img|inline-image|thumbnail|icon|label|kicker"
                    + "|bio|about-author|app|download|follow|cta|teaser|overlay|tooltip|sidebar|rail|toc|next|prev|previous|pagination"
                    + "|pager|nav|navigation)([-_ ]|$)");
    /**
     * Class names that say where an element's label goes or where it shows, not what it is: where a CMS
     * puts a field's label ("field-label-hidden", "field--label-above"), a block hidden on small
     * screens only ("hidden-xs", "l-hidden-s": shown on every other screen).
     */
    private static final Pattern STATE_CLASS = Pattern.compile("label-(hidden|above|inline)|hidden-(xs|sm|md|s|m)(?![\\w-])");
    /** Three or more link cards (a link plus a picture or heading, little text) in a row are a teaser list. */
    private static final int MIN_CARDS = 3;
    private static final int MAX_CARD_CHARS = 400;
    private static final Evaluator EMBEDDED_POST = QueryParser.parse(
            "blockquote[class~=(?i)(tweet|instagram|tiktok|bluesky|mastodon|threads|fb-xfbml|embed)]");
    private static final Evaluator LINK = QueryParser.parse("a[href]");
    private static final Evaluator PICTURE_OR_HEADING = QueryParser.parse("img, picture, h2, h3, h4, h5, h6");
    private static final Pattern EMBED_CLASS = Pattern.compile("tweet|instagram|tiktok|bluesky|mastodon|threads|fb-xfbml|embed");
    private static final double LINK_HEAVY = 0.5;
    private static final double SMALL_SHARE_OF_CONTAINER = 0.4;
    private static final int BOLD_HEADING_MAX_CHARS = 100;

    private final Map<Element, ContentFinder.Stats> stats = new IdentityHashMap<>();
    private final List<Block> blocks = new ArrayList<>();
    /** Verdicts of {@link #NOT_TEXT_HINT} by class/id string: pages repeat a few class names many times. */
    private final Map<String, Boolean> notTextHints = new HashMap<>();
    private final StringBuilder current = new StringBuilder();
    /** The kinds of the block elements the traversal is inside, innermost first. */
    private final Deque<Kind> open = new ArrayDeque<>();
    /** Cells already written into the current table row, so the next one gets a separator. */
    private int rowCells;
    private int currentLinkChars;
    private int linkDepth;

    private BlockWriter() {
    }

    /** The blocks of {@code containers} in order; {@code applyHints} enables the class/id skipping. */
    static List<Block> write(List<Element> containers, boolean applyHints) {
        BlockWriter writer = new BlockWriter();
        int total = 0;
        Element largest = null;
        for (Element container : containers) {
            ContentFinder.measure(container, writer.stats);
            int chars = writer.stats.get(container).chars;
            total += chars;
            if (largest == null || chars > writer.stats.get(largest).chars) {
                largest = container;
            }
        }
        for (Element container : containers) {
            // a sibling merged into the article is judged like anything inside it, except by class
            // names: merged siblings are often the article's own parts, named by the CMS
            if (container != largest && writer.skip(container, Math.max(1, total), false)) {
                continue;
            }
            writer.writeContainer(container, applyHints);
        }
        return writer.blocks;
    }

    private void writeContainer(Element container, boolean applyHints) {
        int containerChars = Math.max(1, stats.get(container).chars);
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    append(t.getWholeText());
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element e)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (e != container && skip(e, containerChars, applyHints)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                String tag = e.normalName();
                if (tag.equals("br")) {
                    flush();
                } else if (isCellOfDataRow(e)) {
                    // the cells of a data table's row are one block, in order
                    if (rowCells++ > 0 && !current.isEmpty()) {
                        current.append(TextBlock.CELL_SEPARATOR);
                    }
                } else if (ContentFinder.BLOCK_TAGS.contains(tag)) {
                    flush();
                    open.push(kindOf(e));
                    rowCells = 0;
                }
                if (tag.equals("a")) {
                    linkDepth++;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("a")) {
                        linkDepth--;
                    } else if (ContentFinder.BLOCK_TAGS.contains(tag) && !isCellOfDataRow(e)) {
                        flush();
                        open.poll();
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, container);
        flush();
    }

    private boolean skip(Element e, int containerChars, boolean applyHints) {
        String tag = e.normalName();
        if (SKIPPED_TAGS.contains(tag) || e.hasAttr("hidden")) {
            return true;
        }
        ContentFinder.Stats s = stats.get(e);
        if (s == null) {
            return false;
        }
        // a wrapper holding most of the article is never boilerplate, whatever its class says
        boolean small = s.chars < containerChars * SMALL_SHARE_OF_CONTAINER;
        if (!small) {
            return false;
        }
        if (LINK_HEAVY_CONTAINERS.contains(tag) && s.chars > 0 && s.linkDensity() > LINK_HEAVY) {
            return true;
        }
        if (isCardList(e)) {
            return true;
        }
        // furniture is short: a sub-tree with several real paragraphs is text whatever its class says
        // embedded posts (the platforms' standard embed code) are quoted in the story, even inside a widget
        if (applyHints) {
            // a subheading's id is its anchor, made from its words ("what-comes-next"), not a role
            String hints = isSubheading(e) ? e.className().toLowerCase(Locale.ROOT) : ContentFinder.hints(e);
            return !hints.isEmpty() && notTextHints.computeIfAbsent(hints, h -> NOT_TEXT_HINT.matcher(STATE_CLASS.matcher(h).replaceAll("")).find())
                    && !isEmbeddedPost(e) && !ElementWalk.any(e, EMBEDDED_POST);
        }
        return false;
    }

    /**
     * Never part of an article's lead: what {@link #skip} drops by tag or class, except that a
     * "teaser" between the headline and the body is the lead itself (the one place where the word
     * names the story's own summary, not a link to another).
     */
    static boolean isNeverLead(Element e) {
        if (SKIPPED_TAGS.contains(e.normalName()) || e.hasAttr("hidden")) {
            return true;
        }
        String hints = ContentFinder.hints(e);
        return !hints.isEmpty() && NOT_TEXT_HINT.matcher(hints.replace("teaser", "")).find();
    }

    private static boolean isSubheading(Element e) {
        return switch (e.normalName()) {
            case "h2", "h3", "h4", "h5", "h6" -> true;
            default -> false;
        };
    }

    private static boolean isEmbeddedPost(Element e) {
        return e.normalName().equals("blockquote") && EMBED_CLASS.matcher(e.className().toLowerCase(Locale.ROOT)).find();
    }

    private boolean isCardList(Element e) {
        if (e.childrenSize() < MIN_CARDS) {
            return false;
        }
        int cards = 0;
        for (Element child : e.children()) {
            ContentFinder.Stats cs = stats.get(child);
            if (cs != null && cs.chars > 0 && cs.chars <= MAX_CARD_CHARS && ElementWalk.any(child, LINK)
                    && ElementWalk.any(child, PICTURE_OR_HEADING)) {
                cards++;
            }
        }
        return cards >= MIN_CARDS && cards * 2 >= e.childrenSize();
    }

    private Kind kindOf(Element e) {
        Kind own = switch (e.normalName()) {
            case "h2", "h3", "h4", "h5", "h6" -> Kind.HEADING;
            case "li", "dt", "dd" -> Kind.LIST_ITEM;
            case "blockquote" -> Kind.QUOTE;
            case "tr" -> isDataRow(e) ? Kind.TABLE_ROW : Kind.PARAGRAPH;
            case "p" -> isBoldLine(e) ? Kind.HEADING : Kind.PARAGRAPH;
            default -> Kind.PARAGRAPH;
        };
        if (own != Kind.PARAGRAPH) {
            return own;
        }
        // a paragraph inside a list item, quote or heading is part of that structure
        for (Kind outer : open) {
            if (outer != Kind.PARAGRAPH && outer != Kind.TABLE_ROW) {
                return outer;
            }
        }
        return Kind.PARAGRAPH;
    }

    /** A row of a data table: every cell holds only inline content (layout tables nest blocks in cells). */
    private boolean isDataRow(Element tr) {
        if (tr.childrenSize() == 0) {
            return false;
        }
        for (Element cell : tr.children()) {
            String tag = cell.normalName();
            ContentFinder.Stats cs = stats.get(cell);
            if (!(tag.equals("td") || tag.equals("th")) || cs == null || cs.containsBlock) {
                return false;
            }
        }
        return true;
    }

    private boolean isCellOfDataRow(Element e) {
        String tag = e.normalName();
        return (tag.equals("td") || tag.equals("th")) && e.parent() != null && e.parent().normalName().equals("tr")
                && isDataRow(e.parent());
    }

    /** A subheading written as a paragraph: short, all of its text bold, no sentence end. */
    private boolean isBoldLine(Element p) {
        ContentFinder.Stats ps = stats.get(p);
        if (ps == null || ps.chars == 0 || ps.chars > BOLD_HEADING_MAX_CHARS || p.childrenSize() != 1) {
            return false;
        }
        Element only = p.child(0);
        String tag = only.normalName();
        ContentFinder.Stats os = stats.get(only);
        return (tag.equals("strong") || tag.equals("b")) && os != null && os.chars == ps.chars
                && !Boilerplate.endsSentence(only.text());
    }

    private void append(String text) {
        current.append(text);
        if (linkDepth > 0) {
            for (int i = 0; i < text.length(); i++) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    currentLinkChars++;
                }
            }
        }
    }

    private void flush() {
        String text = PageMetadata.clean(current.toString());
        if (!text.isEmpty()) {
            int chars = 0;
            for (int i = 0; i < text.length(); i++) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    chars++;
                }
            }
            Kind kind = open.isEmpty() ? Kind.PARAGRAPH : open.peek();
            blocks.add(new Block(text, kind == Kind.TABLE_ROW && rowCells == 0 ? Kind.PARAGRAPH : kind, chars,
                    Math.min(chars, currentLinkChars), Boilerplate.words(text)));
        }
        current.setLength(0);
        currentLinkChars = 0;
    }
}
