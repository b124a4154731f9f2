package dev.redline.fetch;

import java.io.IOException;
import java.net.URI;

/** A fetch that produced no usable response; {@link #reason()} says why, the message says it for people. */
public final class FetchException extends IOException {

    /** Why a fetch failed. */
    public enum Reason {
        /** The host resolves to a private, loopback, link-local or other non-public address. */
        BLOCKED_ADDRESS,
        /** robots.txt disallows the URL for our agent. */
        ROBOTS_DISALLOWED,
        /** robots.txt could not be read (5xx, no answer): everything is disallowed for now, retry later. */
        ROBOTS_UNREACHABLE,
        /** The body exceeded the size cap. */
        TOO_LARGE,
        /** The exchange took longer than the timeout. */
        TIMEOUT,
        /** More redirects than the cap, or a redirect without a usable Location. */
        BAD_REDIRECT,
        /** Not an http(s) URL. */
        UNSUPPORTED_URL,
        /** Connection refused, reset, DNS failure, malformed response. */
        NETWORK
    }

    private final Reason reason;
    private final URI uri;

    public FetchException(Reason reason, URI uri, String message) {
        super(message);
        this.reason = reason;
        this.uri = uri;
    }

    public FetchException(Reason reason, URI uri, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.uri = uri;
    }

    public Reason reason() {
        return reason;
    }

    /** The URL whose fetch failed (after redirects, the hop that failed). */
    public URI uri() {
        return uri;
    }
}
