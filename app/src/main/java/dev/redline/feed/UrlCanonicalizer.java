package dev.redline.feed;

import dev.redline.error.BadInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One URL per article: lower-case scheme and host, no default port, no fragment, no tracking
 * parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, …), and after a fetch the final
 * redirect target or the page's {@code rel=canonical}. Stateless and thread-safe.
 */
public final class UrlCanonicalizer {
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid",
            "mc_cid", "mc_eid", "igshid", "_ga", "_gl", "ocid", "cmpid", "ncid", "smid", "at_medium", "at_campaign");

    private UrlCanonicalizer() {
    }

    /**
     * The canonical form of an absolute http(s) URL.
     *
     * @throws BadInput when it is not an absolute http(s) URL
     */
    public static String canonicalize(String url) {
        URI uri;
        try {
            uri = new URI(url.trim().replace(" ", "%20"));
        } catch (URISyntaxException e) {
            throw new BadInput("not a valid URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
            throw new BadInput("not an absolute http(s) URL: " + url);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder out = new StringBuilder(scheme).append("://").append(host);
        if (port != -1) {
            out.append(':').append(port);
        }
        out.append(path);
        String query = filterQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    /**
     * The canonical URL of a fetched page: its {@code <link rel=canonical>} when that points to the
     * same site (a page may not claim another site's URL), else the URL it was finally served from.
     */
    public static String ofPage(String finalUrl, byte[] html, String contentType) {
        String canonical = canonicalize(finalUrl);
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("html")) {
            return canonical;
        }
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(html), null, finalUrl);
        } catch (IOException e) {
            return canonical;
        }
        Element link = doc.head().selectFirst("link[rel=canonical][href]");
        return preferDeclared(finalUrl, link == null ? null : link.absUrl("href"));
    }

    /**
     * The canonical URL of a page served from {@code finalUrl} that declares {@code declared} (its
     * rel=canonical, possibly null): the declared one when it is on the same site, else the final URL.
     */
    public static String preferDeclared(String finalUrl, String declared) {
        String canonical = canonicalize(finalUrl);
        if (declared == null || declared.isBlank()) {
            return canonical;
        }
        try {
            String candidate = canonicalize(declared);
            return sameSite(candidate, canonical) ? candidate : canonical;
        } catch (BadInput malformed) {
            return canonical;
        }
    }

    private static boolean sameSite(String a, String b) {
        return bareHost(a).equals(bareHost(b));
    }

    private static String bareHost(String url) {
        String host = URI.create(url).getHost();
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String filterQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(pair);
            }
        }
        return String.join("&", kept);
    }
}
