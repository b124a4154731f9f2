package dev.redline.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * Extracts the article from a news page with no per-site code: headline, byline, dates, canonical
 * URL, language and the body as ordered paragraphs.
 *
 * <p>Order of evidence: per-source {@link ExtractRules} first; then what the page declares
 * (JSON-LD, OpenGraph and meta tags); then content scoring of the DOM ({@link ContentFinder}),
 * block writing ({@link BlockWriter}) and line clean-up ({@link Boilerplate}); for a tracker that
 * learns its sources, the source's {@link LearnedLines} around that clean-up
 * ({@link #extractForSource}). Character sets are
 * settled by {@link PageDecoder}; the DOM's size is bounded by {@link PageParser} (a page over its
 * limits is "no article found" with the reason).
 *
 * <p>It never throws on page content: an empty, broken or non-article page gives an
 * {@link Extracted} with {@code found == false} and a reason. Thread-safe and reusable: one
 * instance may serve all threads.
 */
public final class Extractor {
    /** Below this many characters the strict pass probably cut the article; retry relaxed. */
    private static final int RETRY_BELOW_CHARS = 500;
    /** A relaxed pass that found other text than the strict one wins only with this many times its length. */
    private static final int RELAXED_ELSEWHERE_MIN_FACTOR = 3;
    /**
     * Below this many words a page of unknown origin is probably not an article (error pages, section
     * fronts after clean-up): {@code redline extract} says "no article" there. The tracker does not
     * use it; it goes by {@link Extracted#verdict()}.
     */
    public static final int MIN_ARTICLE_WORDS = 25;
    /** A declared articleBody shorter than this is a teaser, never preferred to the page. */
    private static final int DECLARED_BODY_MIN_WORDS = 50;
    /** The DOM result must reach this share of a declared articleBody's words, or the declared body is used. */
    private static final double DECLARED_BODY_WINS_BELOW = 0.6;
    /** Share of a declared articleBody's words that must be visible on the page for it to be trusted. */
    private static final double DECLARED_BODY_MIN_ON_PAGE = 0.9;
    private static final Pattern GLUED_PARAGRAPHS = Pattern.compile("(?<=\\p{Ll}[.!?][”\"]?)(?=[\\p{Lu}“])");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int BINARY_SAMPLE_CHARS = 65_536;
    private static final double BINARY_MAX_ODD_SHARE = 0.02;
    private static final Pattern INVISIBLE_STYLE = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");
    static final Set<String> NEVER_TEXT_TAGS = Set.of("script", "style", "noscript", "template", "svg", "canvas",
            "iframe", "object", "embed", "link", "input", "button", "select", "textarea", "option");
    /** What {@link #NEVER_TEXT} needs besides a tag: only elements with one of these attributes can match by attribute. */
    private static final List<String> NEVER_TEXT_ATTRIBUTES = List.of("hidden", "aria-hidden", "role");
    private static final Evaluator NEVER_TEXT = QueryParser.parse(String.join(", ", NEVER_TEXT_TAGS)
            + ", [hidden], [aria-hidden=true], [role=dialog]");

    /** Extracts with no per-source rules. */
    public Extracted extract(byte[] body, String contentTypeHeader, String url) {
        return extract(body, contentTypeHeader, url, ExtractRules.NONE);
    }

    /**
     * Extracts the article of one page.
     *
     * @param body              the raw response body (any charset)
     * @param contentTypeHeader the HTTP {@code Content-Type} header, or null
     * @param url               where the page came from, or null; resolves relative links
     * @param rules             per-source overrides ({@link ExtractRules#NONE} for none)
     */
    public Extracted extract(byte[] body, String contentTypeHeader, String url, ExtractRules rules) {
        return read(body, contentTypeHeader, url, rules, LearnedLines.NONE, false).extracted();
    }

    /**
     * Extracts a page of a source whose lines a tracker learns: as {@link #extract(byte[], String,
     * String, ExtractRules)} with the source's {@code learned} lines applied (see
     * {@link LearnedLines}), and the page's candidate lines to count towards the source.
     */
    public SourceReading extractForSource(byte[] body, String contentTypeHeader, String url, ExtractRules rules,
                                          LearnedLines learned) {
        return read(body, contentTypeHeader, url, rules, Objects.requireNonNull(learned, "learned"), true);
    }

    private SourceReading read(byte[] body, String contentTypeHeader, String url, ExtractRules rules,
                               LearnedLines learned, boolean withLines) {
        Objects.requireNonNull(rules, "rules");
        if (body == null || body.length == 0) {
            return notFound(url, "empty page");
        }
        try {
            String html = PageDecoder.decode(body, contentTypeHeader).text();
            if (looksBinary(html)) {
                return notFound(url, "the content is binary, not HTML text");
            }
            return extract(html, url, rules, learned, withLines);
        } catch (PageParser.OverLimit tooBig) {
            return notFound(url, tooBig.getMessage());
        } catch (RuntimeException | StackOverflowError broken) {
            // Last line of defence for the "never throws" promise: pages are hostile input, and a
            // parser or regex corner case must become a clear result, not a crashed batch.
            return notFound(url, "unreadable page (" + broken.getClass().getSimpleName() + ")");
        }
    }

    /** A cleaned body and the blocks it was cleaned from (what a learning tracker counts). */
    private record Body(List<TextBlock> blocks, List<BlockWriter.Block> raw) {
    }

    private static Body body(List<BlockWriter.Block> raw, LearnedLines learned) {
        return new Body(LearnedFilter.clean(raw, learned), raw);
    }

    private SourceReading extract(String html, String url, ExtractRules rules, LearnedLines learned, boolean withLines)
            throws PageParser.OverLimit {
        String base = url == null ? "" : url;
        Document doc = PageParser.parse(html, base);
        PageScan scan = PageScan.of(doc);
        PageMetadata meta = PageMetadata.read(doc, scan);
        String title = overrideTitle(doc, rules.titleSelector(), meta.title());
        String canonical = meta.canonicalUrl() != null ? meta.canonicalUrl() : url;

        // the whole page's text is only needed to check a declared body against it (before clean-up cuts the page)
        String pageText = meta.articleBody() == null || doc.body() == null ? "" : doc.body().text();
        boolean passwordField = scan.passwordField();
        prepare(doc, scan, rules);
        List<Element> configured = select(doc, rules.bodySelectors());
        Body body;
        List<TextBlock> blocks;
        if (!configured.isEmpty()) {
            // the operator's selectors are the answer for this source: no scoring, no retry
            body = body(BlockWriter.write(configured, false), learned);
            blocks = body.blocks();
        } else {
            ContentFinder.Unlikely unlikely = ContentFinder.removeUnlikely(doc);
            body = body(BlockWriter.write(ContentFinder.find(doc, true, unlikely.stats()), true), learned);
            if (length(body.blocks()) < RETRY_BELOW_CHARS) {
                body = relaxedBody(doc, unlikely.detached(), learned, body);
            }
            blocks = preferDeclaredBody(body.blocks(), meta.articleBody(), pageText);
        }
        // with no body, the page's remaining text only names what stands in the article's place
        String standIn = blocks.isEmpty() && pageText.isEmpty() && doc.body() != null ? doc.body().text() : pageText;
        PageVerdict verdict = PageVerdict.judge(meta, title, passwordField, blocks, standIn);
        return new SourceReading(new Extracted(canonical, title, meta.byline(), meta.published(), meta.modified(),
                meta.language(), blocks, verdict), withLines ? LearnedFilter.lines(body.raw()) : List.of());
    }

    /**
     * The relaxed retry, on the page with the strict pass's unlikely elements put back (and taken out
     * again after, as the strict pass left the page); it wins only as {@link #extends_} says.
     */
    private static Body relaxedBody(Document doc, Detached unlikely, LearnedLines learned, Body strict) {
        unlikely.restore();
        Body relaxed = body(BlockWriter.write(ContentFinder.find(doc, false), true), learned);
        unlikely.removeAgain();
        int relaxedLength = length(relaxed.blocks());
        int strictLength = length(strict.blocks());
        boolean wins = relaxedLength >= strictLength * RELAXED_ELSEWHERE_MIN_FACTOR
                || relaxedLength > strictLength && extends_(relaxed.blocks(), strict.blocks());
        return wins ? relaxed : strict;
    }

    /**
     * Whether the relaxed pass found more of the same text rather than another part of the page: it
     * holds most of what the strict pass found. A relaxed pass that lost the strict text instead found
     * what the strict pass removed as unlikely (a comment, a sidebar, a login form's messages), unless
     * it found {@link #RELAXED_ELSEWHERE_MIN_FACTOR} times as much: then the strict pass removed the article.
     */
    private static boolean extends_(List<TextBlock> relaxed, List<TextBlock> strict) {
        Set<String> texts = new HashSet<>();
        for (TextBlock b : relaxed) {
            texts.add(b.text());
        }
        int kept = 0;
        for (TextBlock b : strict) {
            if (texts.contains(b.text())) {
                kept += b.text().length();
            }
        }
        return kept * 2 >= length(strict);
    }

    /**
     * The page's JSON-LD {@code articleBody} replaces the DOM result when the DOM yielded much less
     * and the declared body is really on the page (its words are in the visible text), so a stale or
     * teaser {@code articleBody} never wins.
     */
    private static List<TextBlock> preferDeclaredBody(List<TextBlock> fromDom, String articleBody, String pageText) {
        if (articleBody == null) {
            return fromDom;
        }
        String declared = Parser.unescapeEntities(articleBody, false);
        if (declared.indexOf('<') >= 0 && declared.indexOf('>') > 0) {
            declared = Jsoup.parseBodyFragment(declared).body().wholeText();
        }
        int declaredWords = Boilerplate.words(declared);
        if (declaredWords < DECLARED_BODY_MIN_WORDS
                || words(fromDom) >= declaredWords * DECLARED_BODY_WINS_BELOW) {
            return fromDom;
        }
        Set<String> visible = new HashSet<>(words(pageText));
        List<String> declaredWordList = words(declared);
        long onPage = declaredWordList.stream().filter(visible::contains).count();
        if (onPage < declaredWordList.size() * DECLARED_BODY_MIN_ON_PAGE) {
            return fromDom;
        }
        List<TextBlock> paragraphs = new ArrayList<>();
        for (String line : declared.split("\\R+")) {
            // paragraphs glued without a separator ("...moons.The find...") are split back apart
            for (String part : GLUED_PARAGRAPHS.split(line)) {
                String clean = PageMetadata.clean(part);
                if (!clean.isEmpty()) {
                    paragraphs.add(new TextBlock(TextBlock.Kind.PARAGRAPH, clean));
                }
            }
        }
        return paragraphs;
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static void prepare(Document doc, PageScan scan, ExtractRules rules) {
        for (String selector : rules.removeSelectors()) {
            select(doc, List.of(selector)).forEach(Element::remove);
        }
        // the scan's elements are the page's until a per-source selector removes some; then one walk
        // over what is left, for both kinds of invisible element
        List<Element> maybeInvisible = rules.removeSelectors().isEmpty() ? scan.mayBeInvisible() : ElementWalk.all(doc);
        List<Element> invisible = new ArrayList<>();
        for (Element e : maybeInvisible) {
            if (e.attributesSize() == 0 && !NEVER_TEXT_TAGS.contains(e.normalName())) {
                continue;
            }
            if (mayBeNeverText(e) && NEVER_TEXT.matches(doc, e)
                    || e.hasAttr("style") && INVISIBLE_STYLE.matcher(e.attr("style")).find()) {
                invisible.add(e);
            }
        }
        invisible.forEach(Element::remove);
    }

    /**
     * A cheap necessary condition for {@link #NEVER_TEXT}: its tag, or one of the attributes it tests.
     * The combined evaluator tried its eighteen alternatives on every element, a tenth of extraction's time.
     */
    private static boolean mayBeNeverText(Element e) {
        if (NEVER_TEXT_TAGS.contains(e.normalName())) {
            return true;
        }
        for (String attribute : NEVER_TEXT_ATTRIBUTES) {
            if (e.hasAttr(attribute)) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> select(Document doc, List<String> selectors) {
        List<Element> out = new ArrayList<>();
        for (String selector : selectors) {
            try {
                Elements found = doc.select(selector);
                for (Element e : found) {
                    if (out.stream().noneMatch(kept -> kept == e || e.parents().contains(kept))) {
                        out.add(e);
                    }
                }
            } catch (Selector.SelectorParseException bad) {
                // a broken per-source selector must not stop extraction; the automatic path takes over
            }
        }
        return out;
    }

    private static String overrideTitle(Document doc, String titleSelector, String declared) {
        if (titleSelector != null && !titleSelector.isBlank()) {
            List<Element> found = select(doc, List.of(titleSelector));
            if (!found.isEmpty() && !found.getFirst().text().isBlank()) {
                return PageMetadata.clean(found.getFirst().text());
            }
        }
        return declared;
    }

    /** Control characters and decoding errors throughout the start of the text: an image, PDF or archive. */
    private static boolean looksBinary(String text) {
        int sample = Math.min(text.length(), BINARY_SAMPLE_CHARS);
        int odd = 0;
        for (int i = 0; i < sample; i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == '\uFFFD') {
                odd++;
            }
        }
        return sample > 0 && odd > sample * BINARY_MAX_ODD_SHARE;
    }

    private static int length(List<TextBlock> blocks) {
        int n = 0;
        for (TextBlock b : blocks) {
            n += b.text().length();
        }
        return n;
    }

    private static int words(List<TextBlock> blocks) {
        int n = 0;
        for (TextBlock b : blocks) {
            n += Boilerplate.words(b.text());
        }
        return n;
    }

    private static SourceReading notFound(String url, String reason) {
        return new SourceReading(new Extracted(url, null, null, null, null, null, List.of(),
                new PageVerdict(PageVerdict.Kind.UNREADABLE, reason)), List.of());
    }
}
