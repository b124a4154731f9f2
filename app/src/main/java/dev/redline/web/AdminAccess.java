package dev.redline.web;

import dev.redline.error.Refused;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The one access rule of the server: a route declared with {@link Role#ADMIN} runs only for a
 * request that carries the admin token (a {@code Bearer} header, or a {@code token} form field from
 * the HTML forms). Routes declare the role; {@link #check} runs before every matched route, so no
 * handler checks the token by hand. Immutable and thread-safe.
 */
final class AdminAccess {
    /** Route roles; a route with none is open to everyone. */
    enum Role implements RouteRole {
        /** Write actions: add or remove sources, track URLs. */
        ADMIN
    }

    private final String adminToken;

    /** @param adminToken the token, or null when write actions are switched off */
    AdminAccess(String adminToken) {
        this.adminToken = adminToken;
    }

    /** Javalin's before-matched hook: refuses an admin route unless the request carries the token. */
    void check(Context ctx) {
        if (!ctx.routeRoles().contains(Role.ADMIN)) {
            return;
        }
        if (adminToken == null) {
            throw new Refused("Write actions are switched off. Start the server with --admin-token "
                    + "(or set REDLINE_ADMIN_TOKEN) to add or remove sources and track URLs.");
        }
        String given = ctx.header("Authorization");
        if (given != null && given.startsWith("Bearer ")) {
            given = given.substring("Bearer ".length());
        } else if (ctx.isFormUrlencoded() || ctx.isMultipartFormData()) {
            given = ctx.formParam("token");
        } else {
            given = null;
        }
        if (given == null || !MessageDigest.isEqual(given.strip().getBytes(StandardCharsets.UTF_8),
                adminToken.getBytes(StandardCharsets.UTF_8))) {
            throw new Refused("The admin token is missing or wrong.");
        }
    }
}
