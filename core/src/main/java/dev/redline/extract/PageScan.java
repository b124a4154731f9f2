package dev.redline.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The elements of a parsed page that extraction reads before it changes the page (meta tags,
 * JSON-LD blocks, headlines, the canonical link, a password field, the markup bylines and dates
 * are looked for in), gathered in one walk: a select per kind walked the whole page once each,
 * about a tenth of extraction's time. Each list is in document order, as a select gives it. Used by
 * one thread on one document, before the document changes.
 */
final class PageScan {
    private static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical][href]");
    private static final Evaluator JSON_LD = QueryParser.parse("script[type~=(?i)application/ld\\+json]");
    private static final Evaluator PASSWORD_FIELD = QueryParser.parse("input[type=password]");

    private final Document doc;
    private final List<Element> metas = new ArrayList<>();
    private final List<Element> jsonLd = new ArrayList<>();
    private final List<Element> headlines = new ArrayList<>();
    /** Every element with an attribute: all that an attribute selector can match. */
    private final List<Element> attributed = new ArrayList<>();
    /** The elements with an attribute or a tag that is never text: all that can be invisible. */
    private final List<Element> mayBeInvisible = new ArrayList<>();
    private Element canonical;
    private boolean passwordField;

    private PageScan(Document doc) {
        this.doc = doc;
    }

    /** Walks {@code doc} once. Tags are compared by {@link Element#normalName()}, as jsoup's tag selectors do. */
    static PageScan of(Document doc) {
        PageScan scan = new PageScan(doc);
        for (Element e : ElementWalk.all(doc)) {
            switch (e.normalName()) {
                case "meta" -> scan.metas.add(e);
                case "h1" -> scan.headlines.add(e);
                case "script" -> {
                    if (JSON_LD.matches(doc, e)) {
                        scan.jsonLd.add(e);
                    }
                }
                case "link" -> {
                    if (scan.canonical == null && CANONICAL.matches(doc, e)) {
                        scan.canonical = e;
                    }
                }
                case "input" -> scan.passwordField |= PASSWORD_FIELD.matches(doc, e);
                default -> {
                    // nothing of its own kind
                }
            }
            if (e.attributesSize() > 0) {
                scan.attributed.add(e);
                scan.mayBeInvisible.add(e);
            } else if (Extractor.NEVER_TEXT_TAGS.contains(e.normalName())) {
                scan.mayBeInvisible.add(e);
            }
        }
        return scan;
    }

    /** The {@code meta} elements, as {@code getElementsByTag("meta")}. */
    List<Element> metas() {
        return metas;
    }

    /** The JSON-LD {@code script} blocks. */
    List<Element> jsonLd() {
        return jsonLd;
    }

    /** The {@code h1} elements. */
    List<Element> headlines() {
        return headlines;
    }

    /** The first {@code link rel=canonical} with an {@code href}, or null. */
    Element canonical() {
        return canonical;
    }

    /**
     * The elements that can be invisible (they have an attribute, or a tag that is never text), in
     * document order: the invisible-element pass tries only these instead of walking the page again.
     */
    List<Element> mayBeInvisible() {
        return mayBeInvisible;
    }

    /** Whether the page as served asks for a password. */
    boolean passwordField() {
        return passwordField;
    }

    /**
     * The elements matching {@code selector}, in document order. Only for selectors that test an
     * attribute of the element itself ({@code [itemprop=author]}, {@code time[datetime]},
     * {@code [itemprop=author] [itemprop=name]}), so the elements without attributes are never tried.
     */
    List<Element> matching(Evaluator selector) {
        List<Element> out = new ArrayList<>();
        for (Element e : attributed) {
            if (selector.matches(doc, e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first element matching {@code selector}, which tests an attribute as for {@link #matching}; or null. */
    Element first(Evaluator selector) {
        for (Element e : attributed) {
            if (selector.matches(doc, e)) {
                return e;
            }
        }
        return null;
    }
}
