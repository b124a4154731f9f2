package dev.redline.sim;

import java.util.List;

/**
 * A simulated news site.
 *
 * @param name    short name (also a good {@code redline source add} name)
 * @param title   display name of the publication
 * @param stories its articles
 */
public record SimSource(String name, String title, List<Story> stories) {
    public SimSource {
        stories = List.copyOf(stories);
    }
}
