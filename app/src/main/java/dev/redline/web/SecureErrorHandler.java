package dev.redline.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error pages (a malformed request line: 400, a URI too long: 414, headers too large:
 * 431), which never reach Javalin's routes, sent with the same security headers as every other
 * page and without stack traces or the request echoed back. Stateless and thread-safe.
 */
final class SecureErrorHandler extends ErrorHandler {
    SecureErrorHandler() {
        setShowStacks(false);
        setShowMessageInTitle(false);
        setShowOrigin(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        WebServer.SECURITY_HEADERS.forEach((name, value) -> response.getHeaders().put(name, value));
        return super.handle(request, response, callback);
    }

    /** Errors found while parsing, before any request exists. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        WebServer.SECURITY_HEADERS.forEach(fields::put);
        return super.badMessageError(status, reason, fields);
    }
}
