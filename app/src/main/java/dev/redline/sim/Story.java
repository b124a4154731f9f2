package dev.redline.sim;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * A simulated article: its versions in time order and, optionally, when it is taken down (410).
 *
 * @param slug        URL path segment, unique within its source
 * @param versions    versions, ordered by {@link StoryVersion#at()}
 * @param unpublishAt offset after which the page answers 410 Gone, or null
 */
public record Story(String slug, List<StoryVersion> versions, Duration unpublishAt) {
    public Story {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("story " + slug + " has no versions");
        }
        versions = versions.stream().sorted(Comparator.comparing(StoryVersion::at)).toList();
    }

    /** Index of the version live at {@code offset}, -1 before the first, -2 after unpublishing. */
    public int versionAt(Duration offset) {
        if (unpublishAt != null && offset.compareTo(unpublishAt) >= 0) {
            return -2;
        }
        int live = -1;
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).at().compareTo(offset) <= 0) {
                live = i;
            }
        }
        return live;
    }
}
