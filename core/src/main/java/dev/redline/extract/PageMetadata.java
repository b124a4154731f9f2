package dev.redline.extract;

import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The facts a page declares about its article: JSON-LD ({@code NewsArticle} and kin, also inside
 * {@code @graph} and arrays) first, then OpenGraph and other meta tags, {@code <time datetime>},
 * {@code rel=canonical} and {@code <html lang>}. Stateless and thread-safe.
 *
 * @param canonicalUrl the page's declared canonical URL, or null
 * @param title        the headline, or null
 * @param byline       author names joined into one line, or null
 * @param published    first publication time, or null
 * @param modified     last modification time, or null
 * @param language     language tag, or null
 * @param articleBody  JSON-LD {@code articleBody}, or null
 * @param accessibleForFree JSON-LD {@code isAccessibleForFree}, or null when the page does not say
 */
record PageMetadata(String canonicalUrl, String title, String byline, Instant published, Instant modified,
                    String language, String articleBody, Boolean accessibleForFree) {

    // Pages' JSON-LD is hand-written by CMS templates: raw newlines in strings, trailing commas, comments.
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();
    private static final Pattern ARTICLE_TYPE = Pattern.compile("(?i).*(Article|BlogPosting|Report)$");
    private static final Pattern BY_PREFIX = Pattern.compile("(?i)^\\s*(by|von|par|por|di|door)\\s+");
    private static final Pattern URLISH = Pattern.compile("(?i)^(https?:)?//.*|.*\\.(com|org|net)(/.*)?$");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:·»]\\s+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int MAX_BYLINE_CHARS = 200;
    // selectors parsed once: parsing them on every page was a twentieth of extraction's time
    private static final Evaluator HTML = QueryParser.parse("html");
    private static final List<Evaluator> AUTHOR_MARKUP = List.of(QueryParser.parse("[itemprop=author] [itemprop=name]"),
            QueryParser.parse("[itemprop=author]"), QueryParser.parse("[rel=author]"), QueryParser.parse("[class*=byline]"),
            QueryParser.parse("[class*=author-name]"));
    private static final List<Evaluator> PUBLISHED_MARKUP = List.of(QueryParser.parse("[itemprop=datePublished]"),
            QueryParser.parse("time[pubdate]"), QueryParser.parse("article time[datetime]"), QueryParser.parse("time[datetime]"));
    private static final Evaluator MODIFIED_MARKUP = QueryParser.parse("[itemprop=dateModified]");
    private static final int MAX_JSON_LD_DEPTH = 12;
    /** The comment and CDATA wrappers around a JSON-LD block (compiled once: String.replaceFirst compiles per call). */
    private static final Pattern JSON_LD_OPEN = Pattern.compile("^(<!--|//\\s*<!\\[CDATA\\[)");
    private static final Pattern JSON_LD_CLOSE = Pattern.compile("(-->|//\\s*]]>)$");

    /** The facts {@code doc} declares, read from its {@link PageScan}. */
    static PageMetadata read(Document doc, PageScan scan) {
        Map<String, String> meta = metaTags(scan);
        JsonLdArticle ld = JsonLdArticle.find(scan);
        String title = title(doc, scan, ld, meta);
        String byline = ld.byline() != null && !ld.byline().isBlank() ? ld.byline().trim()
                : firstNonBlank(bylineFromMarkup(scan, meta));
        Instant published = firstInstant(ld.published(),
                meta.get("article:published_time"), meta.get("og:published_time"),
                meta.get("datepublished"), meta.get("publish-date"), meta.get("pubdate"),
                meta.get("publishdate"), meta.get("parsely-pub-date"), meta.get("sailthru.date"),
                meta.get("dc.date.issued"), meta.get("dc.date"), meta.get("date"));
        // each selector tried only when the ones before it gave no date
        for (int i = 0; published == null && i < PUBLISHED_MARKUP.size(); i++) {
            published = parseInstant(timeOf(scan.first(PUBLISHED_MARKUP.get(i))));
        }
        Instant modified = firstInstant(ld.modified(),
                meta.get("article:modified_time"), meta.get("og:updated_time"),
                meta.get("datemodified"), meta.get("last-modified"), meta.get("dc.date.modified"));
        if (modified == null) {
            modified = parseInstant(timeOf(scan.first(MODIFIED_MARKUP)));
        }
        Element html = doc.selectFirst(HTML);
        String language = firstNonBlank(html == null ? null : html.attr("lang"),
                httpEquiv(scan, "content-language"), ld.language(), meta.get("og:locale"), meta.get("language"));
        if (language != null) {
            language = language.replace('_', '-').trim();
        }
        String canonical = firstNonBlank(absoluteHttp(scan.canonical()),
                absoluteHttp(meta.get("og:url")));
        return new PageMetadata(canonical, title, byline, published, modified, language, ld.articleBody(),
                ld.accessibleForFree());
    }

    // ---- title ----

    private static String title(Document doc, PageScan scan, JsonLdArticle ld, Map<String, String> meta) {
        List<String> declared = new ArrayList<>();
        List<String> declaredKeys = new ArrayList<>();
        for (String t : new String[] {ld.headline(), meta.get("og:title"), meta.get("twitter:title"), doc.title()}) {
            if (t != null && !t.isBlank()) {
                declared.add(clean(t));
                declaredKeys.add(key(declared.getLast()));
            }
        }
        String siteName = meta.get("og:site_name");
        // The visible headline wins when the declared titles agree with it (they often carry a site suffix).
        List<Element> headlines = scan.headlines();
        for (Element h1 : headlines) {
            String text = clean(h1.text());
            if (text.length() < 4) {
                continue;
            }
            String key = key(text);
            for (String declaredKey : declaredKeys) {
                if (declaredKey.startsWith(key) || key.startsWith(declaredKey)) {
                    return text;
                }
            }
        }
        if (declared.isEmpty()) {
            Element h1 = headlines.isEmpty() ? null : headlines.getFirst();
            return h1 == null || h1.text().isBlank() ? null : clean(h1.text());
        }
        return stripSiteName(declared.getFirst(), siteName);
    }

    private static String stripSiteName(String title, String siteName) {
        var m = TITLE_SEPARATOR.matcher(title);
        int lastStart = -1;
        int lastEnd = -1;
        while (m.find()) {
            lastStart = m.start();
            lastEnd = m.end();
        }
        if (lastStart <= 0) {
            return title;
        }
        String tail = title.substring(lastEnd);
        boolean isSiteName = siteName != null && key(tail).equals(key(siteName));
        boolean shortTail = WHITESPACE.split(tail).length <= 3 && WHITESPACE.split(title.substring(0, lastStart)).length >= 4;
        return isSiteName || shortTail ? title.substring(0, lastStart).trim() : title;
    }

    private static String key(String s) {
        return NOT_LETTERS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    // ---- byline ----

    private static String bylineFromMarkup(PageScan scan, Map<String, String> meta) {
        String metaAuthor = firstNonBlank(meta.get("author"), meta.get("article:author"), meta.get("byl"),
                meta.get("sailthru.author"), meta.get("parsely-author"), meta.get("dc.creator"));
        if (metaAuthor != null && !URLISH.matcher(metaAuthor).matches()) {
            return cleanByline(metaAuthor);
        }
        // each selector tried only when the ones before it gave no byline
        for (Evaluator selector : AUTHOR_MARKUP) {
            for (Element e : scan.matching(selector)) {
                String text = e.tagName().equals("meta") ? e.attr("content") : e.text();
                String byline = cleanByline(text);
                if (byline != null && byline.length() <= MAX_BYLINE_CHARS && !URLISH.matcher(byline).matches()) {
                    return byline;
                }
            }
        }
        return null;
    }

    static String cleanByline(String raw) {
        if (raw == null) {
            return null;
        }
        String s = BY_PREFIX.matcher(clean(raw)).replaceFirst("").trim();
        return s.isEmpty() || s.length() > MAX_BYLINE_CHARS ? null : s;
    }

    static String joinNames(List<String> names) {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(names));
        if (unique.size() <= 1) {
            return unique.isEmpty() ? null : unique.getFirst();
        }
        return String.join(", ", unique.subList(0, unique.size() - 1)) + " and " + unique.getLast();
    }

    // ---- dates ----

    private static final DateTimeFormatter OFFSET_NO_COLON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss][.SSS][.SSSSSS]xx");

    /** Parses the date forms pages use (ISO 8601 variants, RFC 1123); null when unreadable. */
    static Instant parseInstant(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.trim();
        if (s.length() > 10 && s.charAt(10) == ' ' && Character.isDigit(s.charAt(11))) {
            s = s.substring(0, 10) + 'T' + s.substring(11).replace(" ", "");
        }
        OffsetDateTime offset = parsed(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME, OffsetDateTime::from);
        if (offset != null) {
            return offset.toInstant();
        }
        ZonedDateTime zoned = parsed(s, DateTimeFormatter.ISO_ZONED_DATE_TIME, ZonedDateTime::from);
        if (zoned != null) {
            return zoned.toInstant();
        }
        offset = parsed(s, OFFSET_NO_COLON, OffsetDateTime::from);
        if (offset != null) {
            return offset.toInstant();
        }
        LocalDateTime local = parsed(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME, LocalDateTime::from);
        if (local != null) {
            return local.toInstant(ZoneOffset.UTC);
        }
        LocalDate day = parsed(s.length() >= 10 ? s.substring(0, 10) : s, DateTimeFormatter.ISO_LOCAL_DATE, LocalDate::from);
        if (day != null) {
            return day.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        zoned = parsed(s, DateTimeFormatter.RFC_1123_DATE_TIME, ZonedDateTime::from);
        return zoned == null ? null : zoned.toInstant();
    }

    /**
     * {@code format.parse(text, query)}, or null where that throws. Text that does not even parse
     * unresolved is refused without the exception, whose stack trace cost more than the parse (pages
     * try several forms): {@code parse} throws on exactly that text, and on values that do not resolve.
     */
    private static <T> T parsed(String text, DateTimeFormatter format, TemporalQuery<T> query) {
        ParsePosition position = new ParsePosition(0);
        if (format.parseUnresolved(text, position) == null || position.getErrorIndex() >= 0
                || position.getIndex() < text.length()) {
            return null;
        }
        try {
            return format.parse(text, query);
        } catch (DateTimeParseException unresolvable) {
            return null;
        }
    }

    private static Instant firstInstant(String... raws) {
        for (String raw : raws) {
            Instant t = parseInstant(raw);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static String timeOf(Element e) {
        if (e == null) {
            return null;
        }
        return firstNonBlank(e.attr("datetime"), e.attr("content"));
    }

    // ---- meta helpers ----

    /**
     * The page's meta tags by lower-cased {@code property}, {@code name} and {@code itemprop} (first
     * non-empty content wins), gathered in one pass because pages carry hundreds of elements.
     */
    private static Map<String, String> metaTags(PageScan scan) {
        Map<String, String> tags = new HashMap<>();
        for (Element e : scan.metas()) {
            String content = e.attr("content").trim();
            if (content.isEmpty()) {
                continue;
            }
            for (String key : new String[] {"property", "name", "itemprop"}) {
                String name = e.attr(key);
                if (!name.isEmpty()) {
                    tags.putIfAbsent(name.toLowerCase(Locale.ROOT), content);
                }
            }
        }
        return tags;
    }

    private static String httpEquiv(PageScan scan, String name) {
        for (Element e : scan.metas()) {
            if (name.equalsIgnoreCase(e.attr("http-equiv")) && !e.attr("content").isBlank()) {
                return e.attr("content").split(",")[0].trim();
            }
        }
        return null;
    }

    private static String absoluteHttp(Element link) {
        if (link == null) {
            return null;
        }
        String abs = link.absUrl("href");
        return abs.startsWith("http://") || abs.startsWith("https://") ? abs : null;
    }

    private static String absoluteHttp(String url) {
        return url != null && (url.startsWith("http://") || url.startsWith("https://")) ? url : null;
    }

    /**
     * Text as shown: no-break spaces as spaces, zero-width characters and other control characters
     * dropped, whitespace runs as one space, trimmed. One pass by hand: it runs on every block of every
     * page, where three regex replacements were a tenth of extraction's time.
     */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\u00a0' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b') {
                space = true;
            } else if (c != '\u200b' && c != '\u200c' && c != '\u200d' && c != '\ufeff' && !Character.isISOControl(c)) {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    /** The article object of a page's JSON-LD, flattened to the fields extraction uses. */
    record JsonLdArticle(String headline, String byline, String published, String modified, String language,
                         String articleBody, Boolean accessibleForFree) {
        static final JsonLdArticle NONE = new JsonLdArticle(null, null, null, null, null, null, null);

        /** JSON-LD booleans come as true/false or as the strings "True"/"False". */
        private static Boolean booleanOf(JsonNode node) {
            String v = str(node).trim();
            return v.equalsIgnoreCase("true") ? Boolean.TRUE : v.equalsIgnoreCase("false") ? Boolean.FALSE : null;
        }

        static JsonLdArticle find(PageScan scan) {
            List<JsonNode> articles = new ArrayList<>();
            for (Element script : scan.jsonLd()) {
                String data = script.data();
                if (!mayNameAnArticle(data)) {
                    // no type can end in Article, BlogPosting or Report: not worth parsing (some blocks are the whole page's data)
                    continue;
                }
                String json = JSON_LD_CLOSE.matcher(JSON_LD_OPEN.matcher(data.trim()).replaceFirst("")).replaceFirst("");
                try {
                    collect(LENIENT.readTree(json), articles, 0);
                } catch (RuntimeException malformed) {
                    // a broken JSON-LD block is common; the meta tags and the DOM still work
                }
            }
            if (articles.isEmpty()) {
                return NONE;
            }
            JsonNode best = articles.getFirst();
            for (JsonNode a : articles) {
                if (str(a.get("articleBody")).length() > str(best.get("articleBody")).length()) {
                    best = a;
                }
            }
            String body = str(best.get("articleBody"));
            return new JsonLdArticle(blankToNull(clean(firstNonBlank(str(best.get("headline")), str(best.get("name")), ""))),
                    authors(best.get("author")),
                    blankToNull(str(best.get("datePublished"))),
                    blankToNull(str(best.get("dateModified"))),
                    blankToNull(languageOf(best.get("inLanguage"))),
                    blankToNull(body),
                    booleanOf(best.get("isAccessibleForFree")));
        }

        private static boolean mayNameAnArticle(String json) {
            String lower = json.toLowerCase(Locale.ROOT);
            return lower.contains("article") || lower.contains("blogposting") || lower.contains("report");
        }

        private static void collect(JsonNode node, List<JsonNode> out, int depth) {
            if (node == null || depth > MAX_JSON_LD_DEPTH) {
                return;
            }
            if (node.isArray()) {
                for (JsonNode item : node.values()) {
                    collect(item, out, depth + 1);
                }
            } else if (node.isObject()) {
                if (isArticle(node.get("@type"))) {
                    out.add(node);
                }
                collect(node.get("@graph"), out, depth + 1);
                collect(node.get("mainEntity"), out, depth + 1);
            }
        }

        private static boolean isArticle(JsonNode type) {
            if (type == null) {
                return false;
            }
            if (type.isArray()) {
                for (JsonNode t : type.values()) {
                    if (isArticle(t)) {
                        return true;
                    }
                }
                return false;
            }
            return ARTICLE_TYPE.matcher(str(type)).matches();
        }

        private static String authors(JsonNode author) {
            List<String> names = new ArrayList<>();
            collectNames(author, names, 0);
            return joinNames(names);
        }

        private static void collectNames(JsonNode node, List<String> names, int depth) {
            if (node == null || depth > 3) {
                return;
            }
            if (node.isArray()) {
                for (JsonNode item : node.values()) {
                    collectNames(item, names, depth + 1);
                }
                return;
            }
            String name = node.isObject() ? str(node.get("name")) : str(node);
            if (name.isBlank() && node.isObject()) {
                name = (str(node.get("givenName")) + " " + str(node.get("familyName"))).trim();
            }
            String cleaned = cleanByline(name);
            if (cleaned != null && !URLISH.matcher(cleaned).matches()) {
                names.add(cleaned);
            }
        }

        private static String languageOf(JsonNode node) {
            if (node == null) {
                return null;
            }
            return node.isObject() ? str(node.get("alternateName")) : str(node);
        }

        private static String str(JsonNode node) {
            if (node == null) {
                return "";
            }
            if (node.isArray()) {
                return node.isEmpty() ? "" : str(node.get(0));
            }
            return node.isValueNode() ? node.asString("") : "";
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
