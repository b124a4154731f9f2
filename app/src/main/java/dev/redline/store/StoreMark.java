package dev.redline.store;

/**
 * How far the store's record has got: the newest article, version, event and source ids and the
 * number of sources. Every append, event, new article and source change moves it, and reading it
 * costs four index lookups, so it validates what is worked out from the record (HTTP ETags, a cached
 * source record). Check log rows and fetch schedules do not move it. Immutable.
 */
public record StoreMark(long article, long version, long event, long source, long sources) {

    /** A compact token of the mark, for ETags. */
    public String token() {
        return article + "." + version + "." + event + "." + source + "." + sources;
    }
}
