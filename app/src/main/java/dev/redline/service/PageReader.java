package dev.redline.service;

import dev.redline.article.ArticleText;
import dev.redline.error.BadInput;
import dev.redline.extract.ExtractRules;
import dev.redline.extract.Extracted;
import dev.redline.extract.Extractor;
import dev.redline.fetch.FetchException;
import dev.redline.fetch.FetchResult;
import dev.redline.fetch.Fetcher;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * The one path from a URL the user gives to its article: fetch (through the {@link Fetcher}, so its
 * private-address guard, robots.txt rules and size cap apply), check the status, extract. Every
 * way this can fail is a {@link BadInput} whose message names the URL and what went wrong, the
 * same from {@code redline trace}, {@code redline extract} and the web's trace form. The tracker
 * does not come here: it reads statuses (304, 404, 410) as facts about an article, not as errors.
 * Thread-safe when the fetcher is (it is).
 */
public final class PageReader {
    /** URLs in messages are cut to this many characters: a message is one readable line. */
    private static final int URL_IN_MESSAGE = 120;

    /** Thread-safe and stateless: one for all pages. */
    private static final Extractor EXTRACTOR = new Extractor();

    private final Fetcher fetcher;

    public PageReader(Fetcher fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    /** A page as received: raw bytes, the Content-Type header (or null: sniffed) and its address (or null). */
    public record Page(byte[] body, String contentType, String url) {
        public Page {
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * Fetches the page at an http(s) URL, after redirects.
     *
     * @throws BadInput when the URL is not an http(s) URL, cannot be fetched, or answers an error status
     */
    public Page fetch(String url) {
        URI uri = httpUri(url);
        FetchResult result;
        try {
            result = fetcher.fetch(uri);
        } catch (FetchException e) {
            throw new BadInput("cannot fetch " + shown(url) + ": " + e.getMessage(), e);
        }
        if (!result.ok()) {
            throw new BadInput(shown(url) + " answered HTTP " + result.status());
        }
        return new Page(result.body(), result.contentType(), result.finalUri().toString());
    }

    /**
     * Fetches and extracts the article at a URL.
     *
     * @throws BadInput as {@link #fetch}, or when the page holds no article
     */
    public ArticleText read(String url) {
        return article(fetch(url), shown(url));
    }

    /** Extracts a page with a source's rules (or {@link ExtractRules#NONE}); the result may hold no article. */
    public static Extracted extract(Page page, ExtractRules rules) {
        return EXTRACTOR.extract(page.body(), page.contentType(), page.url(), rules);
    }

    /**
     * The article of a page (fetched, or read from a file), or a {@link BadInput} naming {@code where}
     * (a URL or file name) when it holds none.
     */
    public static ArticleText article(Page page, String where) {
        Extracted x = extract(page, ExtractRules.NONE);
        if (!x.found()) {
            throw new BadInput(where + ": " + x.reason());
        }
        return x.toArticleText();
    }

    /** True for text that starts like an http(s) URL (case-insensitive), so callers can tell URLs from files. */
    public static boolean looksLikeUrl(String input) {
        String lower = input.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static URI httpUri(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new BadInput("not a valid URL: " + shown(url) + " (" + e.getReason() + ")");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw new BadInput("not an http(s) URL: " + shown(url));
        }
        return uri;
    }

    private static String shown(String url) {
        return url.length() <= URL_IN_MESSAGE ? url : url.substring(0, URL_IN_MESSAGE) + "…";
    }
}
