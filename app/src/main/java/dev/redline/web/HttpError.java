package dev.redline.web;

/**
 * A request the server refuses, with the status to answer and a message for the reader. Thrown by
 * handlers; {@link WebServer} turns it into an HTML page (or JSON under {@code /api/}), never a
 * stack trace.
 */
final class HttpError extends RuntimeException {
    private final int status;

    HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    static HttpError notFound(String message) {
        return new HttpError(404, message);
    }
}
