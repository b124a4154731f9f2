/**
 * The user errors every adapter understands: {@link dev.redline.error.BadInput},
 * {@link dev.redline.error.NotFound}, {@link dev.redline.error.Refused} and
 * {@link dev.redline.error.Conflict}, all {@link dev.redline.error.UserError}s. Domain and service
 * code throws them for what the user asked wrongly; the CLI maps them once to an exit code and the
 * web server once to an HTTP status. Anything else (an {@link IllegalArgumentException} included)
 * is a bug: exit 1 or HTTP 500, logged.
 *
 * <p>Messages are one line, written for the person who made the request, and never null.
 */
package dev.redline.error;
