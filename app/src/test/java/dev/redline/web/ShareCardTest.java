package dev.redline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The share card of a diff: a real PNG from the running server, its pixels, and the diff page's og/twitter tags. */
class ShareCardTest {
    @TempDir
    Path dir;

    @Test
    void aCardIsA1200By630PngWithInkInAndOutAndItsAltTextSaysBeforeAndAfter() throws Exception {
        try (WebFixture web = WebFixture.seeded(dir, WebServer.Options.defaults())) {
            String path = "/articles/" + web.bridge.id() + "/diff/0/1/card.png";
            HttpResponse<byte[]> r = web.http.send(HttpRequest.newBuilder(URI.create(web.base() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
            BufferedImage card = ImageIO.read(new ByteArrayInputStream(r.body()));
            assertThat(card.getWidth()).isEqualTo(ShareCard.WIDTH);
            assertThat(card.getHeight()).isEqualTo(ShareCard.HEIGHT);
            int white = 0xffffff;
            int ink = 0;
            int red = 0;
            int green = 0;
            for (int y = 0; y < card.getHeight(); y += 2) {
                for (int x = 0; x < card.getWidth(); x += 2) {
                    int rgb = card.getRGB(x, y) & 0xffffff;
                    if (rgb != white) {
                        ink++;
                    }
                    if (rgb == 0xfbe9e9) {
                        red++;
                    }
                    if (rgb == 0xe6f4ea) {
                        green++;
                    }
                }
            }
            assertThat(ink).as("non-blank pixels").isGreaterThan(2_000);
            assertThat(red).as("deletion background").isPositive();
            assertThat(green).as("insertion background").isPositive();
            Files.write(Path.of("target", "share-card.png"), r.body());

            String page = web.get("/articles/" + web.bridge.id() + "/diff/0/1").body();
            assertThat(page).contains("<meta property=\"og:image\" content=\"" + web.base() + path + "\">")
                    .contains("<meta name=\"twitter:card\" content=\"summary_large_image\">")
                    .contains("<meta property=\"og:image:alt\" content=\"Before: Council to vote on harbour bridge After: Council approves harbour bridge\">");
            assertThat(web.get("/articles/" + web.bridge.id() + "/diff/2/1/card.png").statusCode()).isEqualTo(400);
            // a change without a headline change is described by its first changed sentence
            assertThat(web.get("/articles/" + web.bridge.id() + "/diff/1/2").body()).contains("content=\"Before: ");
        }
    }

    @Test
    void hostileTextInTheAltTextIsEscaped() {
        try (WebFixture web = WebFixture.seeded(dir, WebServer.Options.defaults())) {
            String page = web.get("/articles/" + web.hostile.id() + "/diff/0/1").body();
            assertThat(page).contains("og:image:alt\" content=\"Before: Mayor under pressure After: Mayor &lt;script")
                    .doesNotContain("After: Mayor <script>");
        }
    }
}
