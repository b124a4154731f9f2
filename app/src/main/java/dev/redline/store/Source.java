package dev.redline.store;

import dev.redline.extract.ExtractRules;
import java.time.Instant;
import java.util.List;

/**
 * A news source Redline follows: its feeds and sitemaps, and optional extraction overrides.
 *
 * @param id        store id
 * @param name      unique short name chosen by the operator ("bbc", "daily-planet")
 * @param feeds     RSS / Atom / JSON Feed URLs
 * @param sitemaps  news sitemap or sitemap-index URLs
 * @param rules     CSS overrides for extraction on this source's pages
 * @param createdAt when it was added
 */
public record Source(long id, String name, List<String> feeds, List<String> sitemaps, ExtractRules rules,
                     Instant createdAt) {
    /** What a source name may be (it appears in URLs, feeds and file names); every way in checks it. */
    public static final String NAME_RULE = "1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    public Source {
        feeds = List.copyOf(feeds);
        sitemaps = List.copyOf(sitemaps);
    }

    /** Whether {@code name} follows {@link #NAME_RULE}. */
    public static boolean validName(String name) {
        return name != null && name.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}");
    }
}
