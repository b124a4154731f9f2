package dev.redline.cli;

/**
 * A problem with what the user gave us (a missing file, a malformed URL, a bad option value).
 * The CLI prints its message as one line on stderr and exits with {@link Redline#EXIT_BAD_INPUT};
 * no stack trace, since the message alone must say what was wrong.
 */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
