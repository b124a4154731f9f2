package dev.redline.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Conditional GET (RFC 9110) for responses whose validator is known before they are worked out: a
 * diff of two committed versions, a version page, lists and feeds validated by the store's
 * {@link dev.redline.store.StoreMark}. The handler asks {@link #fresh} first; when the client's copy
 * is current it has answered 304 and does nothing else. Responses without such a validator get
 * Javalin's body checksum ETag ({@code generateEtags}), which saves the transfer but not the work.
 * Stateless apart from the instance token; thread-safe.
 */
final class Conditional {
    /**
     * Part of every tag: a new server process may render the same record differently (a new
     * template, a new detector), so tags from another process never match.
     */
    private static final String INSTANCE = UUID.randomUUID().toString().substring(0, 8);

    private Conditional() {
    }

    /**
     * Sets the ETag {@code tag} (and Last-Modified when {@code modified} is given) and answers 304
     * when the request's If-None-Match holds it, or, without If-None-Match, when If-Modified-Since
     * is not before {@code modified}.
     *
     * @param modified when the response last changed, or null when unknown
     * @return true when 304 was answered and the handler must stop
     */
    static boolean fresh(Context ctx, String tag, Instant modified) {
        String etag = "\"" + tag + "-" + INSTANCE + "\"";
        ctx.header("ETag", etag);
        if (modified != null) {
            ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atZone(ZoneOffset.UTC)));
        }
        String match = ctx.header("If-None-Match");
        boolean fresh = match != null ? matches(match, etag) : modified != null && notModifiedSince(ctx.header("If-Modified-Since"), modified);
        if (fresh) {
            ctx.status(304);
        }
        return fresh;
    }

    /** Whether an If-None-Match list names {@code etag} (weak comparison, as GET allows) or is {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || (c.startsWith("W/") ? c.substring(2) : c).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean notModifiedSince(String header, Instant modified) {
        if (header == null) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !modified.minusMillis(modified.toEpochMilli() % 1000).isAfter(since); // HTTP dates have whole seconds
        } catch (DateTimeParseException e) {
            return false; // an unreadable date is ignored, as RFC 9110 says
        }
    }

    /**
     * A tag for this request's response: {@code kind}, what the response is worked out from
     * ({@code parts}: records print all their fields), and the path and query, hashed so that no
     * quote or odd byte of a URL reaches the header.
     */
    static String tag(Context ctx, String kind, Object... parts) {
        StringBuilder what = new StringBuilder(ctx.path()).append('?').append(ctx.queryString() == null ? "" : ctx.queryString());
        for (Object part : parts) {
            what.append('|').append(part);
        }
        return kind + "-" + HexFormat.of().formatHex(SHA256.get().digest(what.toString().getBytes(StandardCharsets.UTF_8)), 0, 12);
    }

    /** MessageDigest is not thread-safe; one per thread. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });
}
