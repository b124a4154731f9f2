package dev.redline.extract;

import dev.redline.text.Normalize;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
    private static final int MAX_BYLINE_CHARS = 200;
    private static final int MAX_JSON_LD_DEPTH = 12;

    static PageMetadata read(Document doc) {
        Map<String, String> meta = metaTags(doc);
        JsonLdArticle ld = JsonLdArticle.find(doc);
        String title = title(doc, ld, meta);
        String byline = firstNonBlank(ld.byline(), bylineFromMarkup(doc, meta));
        Instant published = firstInstant(ld.published(),
                meta.get("article:published_time"), meta.get("og:published_time"),
                meta.get("datepublished"), meta.get("publish-date"), meta.get("pubdate"),
                meta.get("publishdate"), meta.get("parsely-pub-date"), meta.get("sailthru.date"),
                meta.get("dc.date.issued"), meta.get("dc.date"), meta.get("date"));
        if (published == null) {
            published = firstInstant(timeElement(doc, "[itemprop=datePublished]"), timeElement(doc, "time[pubdate]"),
                    timeElement(doc, "article time[datetime]"), timeElement(doc, "time[datetime]"));
        }
        Instant modified = firstInstant(ld.modified(),
                meta.get("article:modified_time"), meta.get("og:updated_time"),
                meta.get("datemodified"), meta.get("last-modified"), meta.get("dc.date.modified"));
        if (modified == null) {
            modified = firstInstant(timeElement(doc, "[itemprop=dateModified]"));
        }
        String language = firstNonBlank(doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang"),
                httpEquiv(doc, "content-language"), ld.language(), meta.get("og:locale"), meta.get("language"));
        if (language != null) {
            language = language.replace('_', '-').trim();
        }
        String canonical = firstNonBlank(absoluteHttp(doc.selectFirst("link[rel=canonical][href]")),
                absoluteHttp(meta.get("og:url")));
        return new PageMetadata(canonical, title, byline, published, modified, language, ld.articleBody(),
                ld.accessibleForFree());
    }

    // ---- title ----

    private static String title(Document doc, JsonLdArticle ld, Map<String, String> meta) {
        List<String> declared = new ArrayList<>();
        for (String t : new String[] {ld.headline(), meta.get("og:title"), meta.get("twitter:title"), doc.title()}) {
            if (t != null && !t.isBlank()) {
                declared.add(clean(t));
            }
        }
        String siteName = meta.get("og:site_name");
        // The visible headline wins when the declared titles agree with it (they often carry a site suffix).
        for (Element h1 : doc.select("h1")) {
            String text = clean(h1.text());
            if (text.length() < 4) {
                continue;
            }
            String key = key(text);
            for (String t : declared) {
                if (key(t).startsWith(key) || key.startsWith(key(t))) {
                    return text;
                }
            }
        }
        if (declared.isEmpty()) {
            Element h1 = doc.selectFirst("h1");
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
        boolean shortTail = tail.split("\\s+").length <= 3 && title.substring(0, lastStart).split("\\s+").length >= 4;
        return isSiteName || shortTail ? title.substring(0, lastStart).trim() : title;
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    // ---- byline ----

    private static String bylineFromMarkup(Document doc, Map<String, String> meta) {
        String metaAuthor = firstNonBlank(meta.get("author"), meta.get("article:author"), meta.get("byl"),
                meta.get("sailthru.author"), meta.get("parsely-author"), meta.get("dc.creator"));
        if (metaAuthor != null && !URLISH.matcher(metaAuthor).matches()) {
            return cleanByline(metaAuthor);
        }
        for (String selector : new String[] {"[itemprop=author] [itemprop=name]", "[itemprop=author]",
                "[rel=author]", "[class*=byline]", "[class*=author-name]"}) {
            for (Element e : doc.select(selector)) {
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
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(s, OFFSET_NO_COLON).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
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

    private static String timeElement(Document doc, String selector) {
        Element e = doc.selectFirst(selector);
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
    private static Map<String, String> metaTags(Document doc) {
        Map<String, String> tags = new HashMap<>();
        for (Element e : doc.getElementsByTag("meta")) {
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

    private static String httpEquiv(Document doc, String name) {
        for (Element e : doc.getElementsByTag("meta")) {
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

    static String clean(String s) {
        if (s == null) {
            return null;
        }
        return Normalize.printable(s.replace('\u00a0', ' ').replaceAll("[\\u200b\\u200c\\u200d\\ufeff]", ""))
                .replaceAll("\\s+", " ").trim();
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

        static JsonLdArticle find(Document doc) {
            List<JsonNode> articles = new ArrayList<>();
            for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
                String json = script.data().trim()
                        .replaceFirst("^(<!--|//\\s*<!\\[CDATA\\[)", "")
                        .replaceFirst("(-->|//\\s*]]>)$", "");
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
