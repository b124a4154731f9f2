package dev.redline.error;

/**
 * Input that cannot be used: a malformed URL or option value, an unreadable or empty file, a page
 * without an article. CLI exit code 2, HTTP 400. Not final: the CLI's {@code BadInput} is
 * its name for the same error.
 */
public non-sealed class BadInput extends UserError {
    public BadInput(String message) {
        super(message, null);
    }

    public BadInput(String message, Throwable cause) {
        super(message, cause);
    }
}
