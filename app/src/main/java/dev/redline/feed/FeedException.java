package dev.redline.feed;

/** A feed document that cannot be read; the message names the feed and what was wrong. */
public final class FeedException extends Exception {
    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }

    public FeedException(String message) {
        super(message);
    }
}
