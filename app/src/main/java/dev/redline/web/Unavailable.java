package dev.redline.web;

/**
 * A feature this server was started without (tracking by URL, tracing): answered 503 with a
 * message saying so. User errors are {@link dev.redline.error.UserError}s; this is the one refusal
 * that is about the server, not the request.
 */
final class Unavailable extends RuntimeException {
    Unavailable(String message) {
        super(message, null, false, false);
    }
}
