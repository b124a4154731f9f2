package dev.redline.change;

import dev.redline.text.Words;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells an article taken down from one that merely changed, besides a 404 or 410: a redirect to a
 * section front or the home page, or a page that now says the article was removed (in the five
 * languages notes are read in), including a "page not found" served with status 200. Stateless
 * and thread-safe.
 */
public final class Unpublishing {
    /**
     * A removal page is short, menus and footer included: an article that reports on a removal is
     * longer than this.
     */
    private static final int NOTICE_MAX_WORDS = 300;
    /** A notice line longer than this is cut to the matched words. */
    private static final int NOTICE_MAX_CHARS = 200;
    private static final Pattern NOTICE = Pattern.compile(String.join("|",
            "this (?:article|story|page|content|report|post) (?:has been|was|is) (?:removed|taken down|withdrawn|deleted|unpublished)",
            "(?:article|story|page|content) (?:is )?no longer available", "we have (?:removed|withdrawn) this (?:article|story)",
            "page not found", "^404\\b",
            "(?:artikel|beitrag|seite) (?:ist )?nicht mehr verfügbar", "(?:artikel|beitrag) wurde (?:entfernt|gelöscht|depubliziert|zurückgezogen)",
            "seite nicht gefunden",
            "cet article (?:a été (?:retiré|supprimé|dépublié)|n'est plus disponible)", "page introuvable",
            "(?:este|esta) (?:artículo|noticia|página) (?:ha sido (?:retirad|eliminad)[oa]|ya no está disponible)", "página no encontrada",
            "questo articolo (?:è stato (?:rimosso|ritirato|eliminato)|non è più disponibile)", "pagina non trovata"),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Unpublishing() {
    }

    /**
     * Whether a request for {@code articleUrl} that ended at {@code landedUrl} was sent to a
     * section front or the home page: same site, and the landing path is the root or a shorter
     * prefix of the article's path ({@code /news/politics/story} → {@code /news/politics/} or {@code /}).
     */
    public static boolean redirectedToFront(String articleUrl, String landedUrl) {
        URI article = uri(articleUrl);
        URI landed = uri(landedUrl);
        if (article == null || landed == null || article.getHost() == null || landed.getHost() == null
                || !site(article.getHost()).equals(site(landed.getHost()))) {
            return false;
        }
        List<String> from = segments(article.getPath());
        List<String> to = segments(landed.getPath());
        if (to.equals(from) || to.size() >= from.size()) {
            return false;
        }
        return to.isEmpty() || from.subList(0, to.size()).equals(to);
    }

    /**
     * The words of a short page that say its article was removed, or null: {@code title} and
     * {@code body} are what the page shows (either may be empty; lines are looked at one by one).
     */
    public static String removalNotice(String title, String body) {
        String text = (title == null ? "" : title) + "\n" + (body == null ? "" : body);
        if (Words.tokens(text).size() > NOTICE_MAX_WORDS) {
            return null;
        }
        for (String line : text.split("\n")) {
            Matcher m = NOTICE.matcher(line.strip());
            if (m.find()) {
                return line.strip().length() <= NOTICE_MAX_CHARS ? line.strip() : m.group();
            }
        }
        return null;
    }

    private static URI uri(String url) {
        try {
            return url == null ? null : new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String site(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    /** Path segments without empty ones and without a trailing index page. */
    private static List<String> segments(String path) {
        List<String> parts = Arrays.stream((path == null ? "" : path).split("/")).filter(s -> !s.isEmpty()).toList();
        if (!parts.isEmpty() && parts.getLast().matches("(?i)index\\.(?:html?|php)")) {
            return parts.subList(0, parts.size() - 1);
        }
        return parts;
    }
}
