package dev.redline.error;

/**
 * A request the caller is not allowed to make: a write action without the admin token, or with
 * write actions switched off. CLI exit code 2, HTTP 403. (A page Redline will not fetch is a
 * {@link BadInput}: the URL given cannot be used.)
 */
public final class Refused extends UserError {
    public Refused(String message) {
        super(message, null);
    }

    public Refused(String message, Throwable cause) {
        super(message, cause);
    }
}
