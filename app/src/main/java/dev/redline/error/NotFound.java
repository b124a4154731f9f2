package dev.redline.error;

/** What the request names does not exist: no such source, article or version. CLI exit code 2, HTTP 404. */
public final class NotFound extends UserError {
    public NotFound(String message) {
        super(message, null);
    }
}
