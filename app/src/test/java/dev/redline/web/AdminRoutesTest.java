package dev.redline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;
import io.javalin.security.Roles;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every state-changing route (POST, PUT, PATCH, DELETE), enumerated from Javalin itself, is declared
 * admin-only and refuses a request without the right token, so a route added without the role fails
 * here. The only exceptions are the trace queries, POSTed because their text is large, and the
 * WebSub callback, which a hub calls without a token and which believes only a body signed with the
 * subscription's secret (WebSubTest checks that an unsigned one changes nothing).
 */
class AdminRoutesTest {
    /** POST routes that change nothing: trace reads the index and answers. */
    private static final Set<String> READ_ONLY_POSTS = Set.of("POST /trace", "POST /api/trace");
    /** POST routes authenticated by a signature instead of the token. */
    private static final Set<String> SIGNED_POSTS = Set.of("POST /websub/{key}");
    private static final Set<HandlerType> WRITES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);

    @TempDir
    Path dir;

    @Test
    void everyWriteRouteIsAdminOnlyAndRefusesAMissingOrWrongToken() {
        try (WebFixture web = WebFixture.seeded(dir, WebServer.Options.defaults().withAdminToken("s3cret"))) {
            List<Endpoint> writes = web.server.endpoints().stream().filter(e -> WRITES.contains(e.method)).toList();
            assertThat(writes).extracting(AdminRoutesTest::name).contains("POST /sources", "DELETE /api/sources/{name}",
                    "POST /api/track").containsAll(READ_ONLY_POSTS).containsAll(SIGNED_POSTS);
            int sources = web.store.sources().size();
            for (Endpoint route : writes) {
                if (READ_ONLY_POSTS.contains(name(route)) || SIGNED_POSTS.contains(name(route))) {
                    assertThat(roles(route)).as(name(route)).isEmpty();
                    continue;
                }
                assertThat(roles(route)).as(name(route)).contains(AdminAccess.Role.ADMIN);
                String path = route.path.replace("{name}", "harbour-gazette").replace("{id}", Long.toString(web.bridge.id()));
                for (String token : new String[] {null, "wrong"}) {
                    HttpResponse<String> r = web.send(request(web, route.method, path, token));
                    assertThat(r.statusCode()).as(name(route) + " with token " + token).isEqualTo(403);
                    assertThat(r.body()).as(name(route)).contains("admin token is missing or wrong");
                }
            }
            assertThat(web.store.sources()).hasSize(sources);
        }
    }

    private static HttpRequest request(WebFixture web, HandlerType method, String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(web.base() + path));
        if (path.startsWith("/api/")) {
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return b.method(method.name(), HttpRequest.BodyPublishers.ofString(
                    "{\"name\":\"tide\",\"feeds\":[\"https://tide.example/rss\"],\"url\":\"https://tide.example/a\"}")).build();
        }
        String form = "name=tide&feeds=https%3A%2F%2Ftide.example%2Frss&url=https%3A%2F%2Ftide.example%2Fa"
                + (token == null ? "" : "&token=" + token);
        return b.header("Content-Type", "application/x-www-form-urlencoded")
                .method(method.name(), HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String name(Endpoint e) {
        return e.method.name() + " " + e.path;
    }

    private static Set<RouteRole> roles(Endpoint e) {
        Roles roles = e.metadata(Roles.class);
        return roles == null ? Set.of() : roles.getRoles();
    }
}
