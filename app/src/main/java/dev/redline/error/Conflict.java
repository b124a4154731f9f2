package dev.redline.error;

/**
 * A request that contradicts what is stored: a source name already taken, an imported version
 * older than the stored history. Nothing was written. CLI exit code 2, HTTP 409.
 */
public final class Conflict extends UserError {
    public Conflict(String message) {
        super(message, null);
    }

    public Conflict(String message, Throwable cause) {
        super(message, cause);
    }
}
