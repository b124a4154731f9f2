package dev.redline.cli;

import dev.redline.error.BadInput;

/**
 * A {@link BadInput} found by a command itself (a missing file, a malformed URL, a bad option
 * value): exit code {@link Redline#EXIT_BAD_INPUT}, its message one line on stderr, no stack trace.
 */
public class UserException extends BadInput {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
