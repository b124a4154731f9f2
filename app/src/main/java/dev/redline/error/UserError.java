package dev.redline.error;

import java.util.Objects;

/**
 * Something the user asked that cannot be done as asked; the message says what was wrong in one
 * line, so adapters show it without a stack trace. The four kinds are the whole set: adapters
 * switch over them exhaustively. Immutable.
 */
public abstract sealed class UserError extends RuntimeException permits BadInput, NotFound, Refused, Conflict {

    UserError(String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
    }
}
