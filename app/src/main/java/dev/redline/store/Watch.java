package dev.redline.store;

import java.time.Instant;
import java.util.Locale;

/**
 * A webhook: new versions matching {@code kind}/{@code target} are POSTed to {@code url}, signed
 * with {@code secret}.
 *
 * @param id        store id
 * @param kind      what is watched
 * @param target    the article id, the source name or the search words (as {@code kind} says)
 * @param url       the receiver
 * @param secret    the HMAC-SHA256 key (hex); shown to the user once, when the watch is added
 * @param createdAt when it was added
 */
public record Watch(long id, Kind kind, String target, String url, String secret, Instant createdAt) {

    /** What a watch follows. {@link #toString()} is the stored and JSON name. */
    public enum Kind {
        /** One article (target: its id). */
        ARTICLE,
        /** Every article of a source (target: its name). */
        SOURCE,
        /** Every version whose headline or text holds all the words of a query (target: the words). */
        QUERY;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromWire(String wireName) {
            return WireNames.parse(Kind.class, wireName, "watch kind");
        }
    }
}
