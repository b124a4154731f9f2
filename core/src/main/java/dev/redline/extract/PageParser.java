package dev.redline.extract;

import java.util.Iterator;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;

/**
 * Parses decoded HTML into a DOM of bounded size. A page under the byte cap can still be a DOM no
 * article needs (600,000 tiny paragraphs in 4.8 MB, or tags never closed, nested to the parser's
 * limit), which costs gigabytes and minutes in the steps after parsing. jsoup's {@link StreamParser}
 * hands over each element as it is completed, so the count is checked while parsing and the parse
 * stops at the limit, before the rest of the page is built. Stateless and thread-safe.
 */
final class PageParser {
    /** Far above any real article page (a long one has 3,000 to 20,000 elements). */
    static final int MAX_ELEMENTS = 50_000;
    /** Far above real pages (rarely past 60 levels); jsoup itself stops nesting one level deeper. */
    static final int MAX_DEPTH = 256;

    private PageParser() {
    }

    /** A page whose DOM is over one of the limits; the message says which. */
    static final class OverLimit extends Exception {
        OverLimit(String message) {
            super(message);
        }
    }

    /**
     * Parses {@code html} with relative links resolved against {@code base}.
     *
     * @throws OverLimit when the page has more than {@link #MAX_ELEMENTS} elements or nests deeper
     *                   than {@link #MAX_DEPTH}
     */
    static Document parse(String html, String base) throws OverLimit {
        Parser parser = Parser.htmlParser().setMaxDepth(MAX_DEPTH + 1);
        try (StreamParser stream = new StreamParser(parser).parse(html, base)) {
            int elements = 0;
            // the iterator itself: selectNext builds a stream, a spliterator and a predicate per element
            for (Iterator<Element> it = stream.iterator(); it.hasNext(); ) {
                Element element = it.next();
                if (++elements > MAX_ELEMENTS) {
                    throw new OverLimit(String.format(Locale.ROOT, "page over the limit: more than %,d elements",
                            MAX_ELEMENTS));
                }
                if (deeperThanLimit(element)) {
                    throw new OverLimit("page over the limit: elements nested more than " + MAX_DEPTH + " deep");
                }
            }
            return stream.document();
        }
    }

    private static boolean deeperThanLimit(Element element) {
        int depth = 0;
        for (Element e = element.parent(); e != null; e = e.parent()) {
            if (++depth > MAX_DEPTH) {
                return true;
            }
        }
        return false;
    }
}
