package dev.redline.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.redline.fetch.NetworkRanges;
import dev.redline.store.Watch;
import dev.redline.webhook.Webhooks;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watches page: nothing shown without the admin token, add and remove by form, every watched text escaped. */
class WatchPagesTest {
    @TempDir
    Path dir;

    private static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(b.isEmpty() ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    @Test
    void watchesAndTheirDeliveryLogAreShownToTheAdminOnlyEscapedAndCanBeAddedAndRemoved() {
        try (WebFixture web = WebFixture.seeded(dir, store -> WebServer.Options.defaults().withAdminToken("s3cret")
                .withWebhooks(new Webhooks(store, WebFixture.CLOCK, NetworkRanges.NONE)))) {
            Watch hostile = web.store.watches().addWatch(Watch.Kind.QUERY, "<script>alert(1)</script> bridge",
                    "https://hooks.example.org/<b>x</b>", "k");
            web.store.watches().enqueue(hostile.id(), web.bridge.id(), "{}", Instant.parse("2026-11-20T09:00:00Z"));
            web.store.watches().recordAttempt(web.store.watches().deliveries(hostile.id(), 1).getFirst().id(),
                    Instant.parse("2026-11-20T09:00:01Z"), 500, "receiver said <i>no</i>", false,
                    Instant.parse("2026-11-20T09:00:31Z"));

            HttpResponse<String> locked = web.get("/watches");
            assertThat(locked.statusCode()).isEqualTo(200);
            assertThat(locked.body()).contains("Show watches").doesNotContain("hooks.example.org");
            assertThat(web.postForm("/watches", form("token", "wrong")).statusCode()).isEqualTo(403);

            HttpResponse<String> list = web.postForm("/watches", form("token", "s3cret"));
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt; bridge").doesNotContain("<script>")
                    .contains("https://hooks.example.org/&lt;b&gt;x&lt;/b&gt;")
                    .contains("HTTP 500").contains("receiver said &lt;i&gt;no&lt;/i&gt;").contains("pending")
                    .doesNotContain(">k<");

            HttpResponse<String> added = web.postForm("/watches/add", form("token", "s3cret", "kind", "article",
                    "target", Long.toString(web.bridge.id()), "url", "https://hooks.example.org/bridge"));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
            Watch created = web.store.watches().watches().getLast();
            assertThat(created.kind()).isEqualTo(Watch.Kind.ARTICLE);
            assertThat(added.body()).contains("Watch " + created.id() + " was added").contains(created.secret())
                    .contains("href=\"" + Links.article(web.bridge.id()) + "\"");
            assertThat(web.postForm("/watches", form("token", "s3cret")).body()).doesNotContain(created.secret());

            HttpResponse<String> refused = web.postForm("/watches/add", form("token", "s3cret", "kind", "query",
                    "target", "bridge", "url", "http://127.0.0.1:9/hook"));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("refusing to deliver to");
            assertThat(web.postForm("/watches/add", form("token", "s3cret", "kind", "nonsense", "target", "x",
                    "url", "https://hooks.example.org/")).statusCode()).isEqualTo(400);

            HttpResponse<String> removed = web.postForm("/watches/" + hostile.id() + "/remove", form("token", "s3cret"));
            assertThat(removed.statusCode()).isEqualTo(200);
            assertThat(removed.body()).contains("Watch " + hostile.id() + " was removed").doesNotContain("alert(1)");
            assertThat(web.store.watches().watches()).extracting(Watch::id).containsExactly(created.id());
            assertThat(web.postForm("/watches/" + hostile.id() + "/remove", form("token", "s3cret")).statusCode()).isEqualTo(404);
        }
    }
}
