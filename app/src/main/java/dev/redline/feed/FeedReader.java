package dev.redline.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.ParsingFeedException;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import dev.redline.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * Reads the documents through which news sources announce articles: RSS 0.9x/1.0/2.0 and Atom
 * (Rome), JSON Feed (Jackson), and sitemaps, Google News sitemaps and sitemap indexes
 * (crawler-commons). The format is sniffed from the content, not trusted from the Content-Type: the
 * charset from the bytes, the kind from the root element past any comments (see {@link FeedText}).
 * DOCTYPEs are skipped without being fetched or expanded. Every rejection names the feed and what
 * was wrong and where: line and column, or the first bytes.
 * Entry URLs come back absolute (resolved against the document's URL), and so do the WebSub hub and
 * self links a feed names ({@link HubLinks}). Stateless and thread-safe.
 */
public final class FeedReader {
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    /**
     * Parses one document.
     *
     * @param body        raw bytes as fetched
     * @param contentType Content-Type header, or null
     * @param url         where the document came from (base for relative links, named in errors)
     * @throws FeedException when the document is no feed or sitemap Redline can read
     */
    public Feed read(byte[] body, String contentType, String url) throws FeedException {
        if (body == null || body.length == 0) {
            throw new FeedException("feed " + url + " is empty");
        }
        try {
            if (body.length > 1 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
                // a .xml.gz sitemap served as a file, not as Content-Encoding; crawler-commons unpacks it
                return readSitemap(body, "application/gzip", url);
            }
            FeedText doc = FeedText.decode(body, contentType, url);
            if (doc.kind() == FeedText.Kind.JSON) {
                return readJsonFeed(doc.text(), url);
            }
            return switch (doc.root()) {
                case "urlset", "sitemapindex" -> readSitemap(doc.text().strip().getBytes(StandardCharsets.UTF_8),
                        "text/xml", url);
                case "channel" -> throw new FeedException("cannot read feed " + url
                        + ": a CDF (Channel Definition Format) document; Redline reads RSS, Atom, JSON Feed and sitemaps");
                case "html" -> throw new FeedException("cannot read feed " + url + ": an HTML page, not a feed");
                default -> readRomeFeed(doc, url);
            };
        } catch (FeedException e) {
            throw e;
        } catch (RuntimeException | IOException | UnknownFormatException e) {
            throw new FeedException("cannot read feed " + url + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    private Feed readRomeFeed(FeedText doc, String url) throws FeedException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false); // FeedText has already blanked the DOCTYPE out, unread
        SyndFeed feed;
        try {
            feed = input.build(new StringReader(doc.text()));
        } catch (ParsingFeedException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new FeedException("cannot read feed " + url + ": not well-formed XML at line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ": " + cause.getMessage(), e);
        } catch (IllegalArgumentException | com.rometools.rome.io.FeedException e) {
            throw new FeedException("cannot read feed " + url + ": root element <" + doc.root() + ">"
                    + (doc.rootNs().isEmpty() ? "" : " in namespace " + doc.rootNs())
                    + " is no RSS, Atom or sitemap (" + e.getMessage() + ")", e);
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = entry.getLink();
            if ((link == null || link.isBlank()) && !entry.getLinks().isEmpty()) {
                link = entry.getLinks().getFirst().getHref();
            }
            if ((link == null || link.isBlank()) && entry.getUri() != null && entry.getUri().startsWith("http")) {
                link = entry.getUri();
            }
            String absolute = absolute(url, link);
            if (absolute == null) {
                continue;
            }
            Date when = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            entries.add(new FeedEntry(absolute, blankToNull(entry.getUri()), clean(entry.getTitle()),
                    when == null ? null : when.toInstant()));
        }
        return new Feed(feed.getFeedType(), entries, List.of(), hubLinks(feed, url));
    }

    /** An Atom feed's {@code <link rel=hub|self>}, or an RSS channel's {@code <atom:link>} (foreign markup to Rome). */
    private static HubLinks hubLinks(SyndFeed feed, String url) {
        List<String> hubs = new ArrayList<>();
        String self = null;
        List<String[]> links = new ArrayList<>();
        feed.getLinks().forEach(l -> links.add(new String[] {l.getRel(), l.getHref()}));
        for (Element e : feed.getForeignMarkup()) {
            if (e.getName().equals("link") && ATOM_NS.equals(e.getNamespaceURI())) {
                links.add(new String[] {e.getAttributeValue("rel"), e.getAttributeValue("href")});
            }
        }
        for (String[] link : links) {
            String href = absolute(url, link[1]);
            if (href == null || link[0] == null) {
                continue;
            }
            if (link[0].equalsIgnoreCase("hub") && !hubs.contains(href)) {
                hubs.add(href);
            } else if (link[0].equalsIgnoreCase("self") && self == null) {
                self = href;
            }
        }
        return new HubLinks(hubs, self);
    }

    private Feed readJsonFeed(String text, String url) throws FeedException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new FeedException("cannot read feed " + url + ": not valid JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": " + e.getOriginalMessage(), e);
        }
        String version = root.path("version").asString("");
        if (!version.startsWith("https://jsonfeed.org/version/")) {
            throw new FeedException("feed " + url + " is JSON but not a JSON Feed (no jsonfeed.org version)");
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            String link = item.path("url").asString(null);
            if (link == null) {
                link = item.path("external_url").asString(null);
            }
            String absolute = absolute(url, link);
            if (absolute == null) {
                continue;
            }
            String date = item.path("date_published").asString(null);
            if (date == null) {
                date = item.path("date_modified").asString(null);
            }
            entries.add(new FeedEntry(absolute, item.path("id").asString(null),
                    clean(item.path("title").asString(null)), parseIso(date)));
        }
        List<String> hubs = new ArrayList<>();
        for (JsonNode hub : root.path("hubs")) {
            String href = absolute(url, hub.path("url").asString(null));
            if (href != null && hub.path("type").asString("").equalsIgnoreCase("WebSub")) {
                hubs.add(href);
            }
        }
        return new Feed("json-feed", entries, List.of(), new HubLinks(hubs, absolute(url, root.path("feed_url").asString(null))));
    }

    private Feed readSitemap(byte[] body, String contentType, String url) throws IOException, UnknownFormatException {
        // lenient: news sites often list article URLs outside the sitemap's own folder
        SiteMapParser parser = new SiteMapParser(false);
        parser.enableExtension(Extension.NEWS);
        AbstractSiteMap map = parser.parseSiteMap(contentType, body, URI.create(url).toURL());
        if (map instanceof SiteMapIndex index) {
            List<String> children = new ArrayList<>();
            for (AbstractSiteMap child : index.getSitemaps()) {
                children.add(child.getUrl().toString());
            }
            return new Feed("sitemap-index", List.of(), children, HubLinks.NONE);
        }
        List<FeedEntry> entries = new ArrayList<>();
        boolean news = false;
        for (SiteMapURL entry : ((SiteMap) map).getSiteMapUrls()) {
            URL loc = entry.getUrl();
            String title = null;
            Instant published = entry.getLastModified() == null ? null : entry.getLastModified().toInstant();
            ExtensionMetadata[] meta = entry.getAttributesForExtension(Extension.NEWS);
            if (meta != null) {
                for (ExtensionMetadata m : meta) {
                    if (m instanceof NewsAttributes newsAttributes) {
                        news = true;
                        title = clean(newsAttributes.getTitle());
                        if (newsAttributes.getPublicationDateTime() != null) {
                            published = newsAttributes.getPublicationDateTime().toInstant();
                        }
                    }
                }
            }
            entries.add(new FeedEntry(loc.toString(), null, title, published));
        }
        return new Feed(news ? "news-sitemap" : "sitemap", entries, List.of(), HubLinks.NONE);
    }

    private static String absolute(String base, String link) {
        return HubLinks.absolute(base, link);
    }

    private static Instant parseIso(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip().replaceAll("[\\s\u00a0]+", " ");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
