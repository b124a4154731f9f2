package dev.redline.sim;

import java.util.List;

/**
 * The lines a simulated site's template puts inside every article's body, as real templates do
 * (a newsletter prompt between paragraphs, a series note or a tips address closing the story): the
 * source-specific furniture only repetition across pages gives away. Immutable.
 *
 * @param inline lines served after the article's second paragraph
 * @param tail   lines served after its last one
 */
public record SiteChrome(List<String> inline, List<String> tail) {
    /** A template that adds nothing to the body. */
    public static final SiteChrome NONE = new SiteChrome(List.of(), List.of());
    /**
     * A local paper's template: a newsletter prompt and a tips address, short lines no generic rule
     * knows as furniture (the address in angle brackets, so pages must escape it).
     */
    public static final SiteChrome LOCAL_PAPER = new SiteChrome(
            List.of("Get the Courier's morning briefing in your inbox before seven"),
            List.of("Got a story? Write to <tips@courier.example> & we will look"));

    public SiteChrome {
        inline = List.copyOf(inline);
        tail = List.copyOf(tail);
    }
}
