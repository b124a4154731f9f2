package dev.redline.sim;

import java.util.List;
import java.util.Objects;

/**
 * A simulated news site.
 *
 * @param name    short name (also a good {@code redline source add} name)
 * @param title   display name of the publication
 * @param stories its articles
 * @param chrome  what its template adds inside every article's body
 */
public record SimSource(String name, String title, List<Story> stories, SiteChrome chrome) {
    public SimSource {
        stories = List.copyOf(stories);
        Objects.requireNonNull(chrome, "chrome");
    }

    /** A site whose template adds nothing inside the article's body. */
    public SimSource(String name, String title, List<Story> stories) {
        this(name, title, stories, SiteChrome.NONE);
    }
}
