package dev.redline.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Rendered responses kept by their validator ({@link Conditional#tag}): a tag names everything a
 * response is worked out from (the store's mark for lists and feeds, an article's version count for
 * a diff, the minute for pages with relative times), so a kept body is served only while it is
 * still what rendering would give, and a new version, article or event moves the tag of every
 * response it touches. The first request for a tag renders; later ones, from any client, copy the
 * kept body, and a client that sends the tag back gets 304 without either. Bounded by the
 * characters kept (least recently used dropped first; {@link #MAX_CHARS} in {@code serve}), so {@code serve} stays
 * within its heap. Thread-safe.
 */
final class ResponseCache {
    /** Characters of bodies kept at most by {@code serve} (two bytes each on the heap at worst: 32 MiB). */
    static final long MAX_CHARS = 16L << 20;

    private final long maxChars;
    /** A body larger than this (a sixteenth of the bound) is sent but not kept, so one page cannot empty the cache. */
    private final long maxEntryChars;

    /**
     * A rendered response.
     *
     * @param link the {@code Link} header it carries (the API's next page), or null
     */
    record Response(String contentType, String body, String link) {
        static Response html(String body) {
            return new Response("text/html; charset=utf-8", body, null);
        }

        static Response json(String body, String link) {
            return new Response("application/json; charset=utf-8", body, link);
        }

        void send(Context ctx) {
            if (link != null) {
                ctx.header("Link", link);
            }
            ctx.contentType(contentType).result(body);
        }
    }

    // A small LRU over LinkedHashMap: no cache library is among the project's dependencies.
    private final Map<String, Response> kept = new LinkedHashMap<>(256, 0.75f, true);
    private long chars;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** @param maxChars characters of bodies kept at most */
    ResponseCache(long maxChars) {
        this.maxChars = maxChars;
        this.maxEntryChars = maxChars / 16;
    }

    /**
     * Answers the request: 304 when the client holds {@code tag}, else the kept body for it, else
     * what {@code render} gives (kept for the next request).
     *
     * @param modified when the response last changed (Last-Modified), or null when unknown
     */
    void serve(Context ctx, String tag, Instant modified, Supplier<Response> render) {
        if (Conditional.fresh(ctx, tag, modified)) {
            return;
        }
        get(tag, render).send(ctx);
    }

    /** The response for {@code tag}: the kept one, or {@code render}'s, kept. Two threads may both render a new tag; either answer is right. */
    Response get(String tag, Supplier<Response> render) {
        synchronized (kept) {
            Response hit = kept.get(tag);
            if (hit != null) {
                hits.increment();
                return hit;
            }
        }
        misses.increment();
        Response made = render.get();
        long size = made.body().length();
        if (size <= maxEntryChars) {
            synchronized (kept) {
                Response before = kept.put(tag, made);
                chars += size - (before == null ? 0 : before.body().length());
                var eldest = kept.entrySet().iterator();
                while (chars > maxChars && eldest.hasNext()) {
                    chars -= eldest.next().getValue().body().length();
                    eldest.remove();
                }
            }
        }
        return made;
    }

    /** Requests answered from the cache so far (a metric). */
    long hits() {
        return hits.sum();
    }

    /** Requests rendered so far (a metric). */
    long misses() {
        return misses.sum();
    }

    /** Characters of bodies kept now. */
    long chars() {
        synchronized (kept) {
            return chars;
        }
    }
}
