package dev.redline.feed;

import dev.redline.error.BadInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

    @Test
    void dropsTrackingParametersFragmentsAndDefaultPorts() {
        assertThat(UrlCanonicalizer.canonicalize(
                "HTTPS://Gazette.Example:443/news/ferry-strike?utm_source=rss&id=7&utm_medium=feed&fbclid=x#top"))
                .isEqualTo("https://gazette.example/news/ferry-strike?id=7");
        assertThat(UrlCanonicalizer.canonicalize("http://mill.example:80")).isEqualTo("http://mill.example/");
        assertThat(UrlCanonicalizer.canonicalize("http://mill.example:8080/a?utm_campaign=z"))
                .isEqualTo("http://mill.example:8080/a");
        assertThat(UrlCanonicalizer.canonicalize("https://a.example/p?q=1&Q=2")).isEqualTo("https://a.example/p?q=1&Q=2");
    }

    @Test
    void rejectsWhatIsNoWebUrl() {
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize("ftp://x.example/file"))
                .isInstanceOf(BadInput.class).hasMessageContaining("ftp://x.example/file");
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize("/relative/path"))
                .isInstanceOf(BadInput.class);
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize("http://bad host/<>"))
                .isInstanceOf(BadInput.class);
    }

    @Test
    void honoursRelCanonicalOnTheSameSiteOnly() {
        byte[] same = "<html><head><link rel=canonical href='/news/story-1?utm_source=x'></head></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(UrlCanonicalizer.ofPage("https://www.gazette.example/amp/story-1", same, "text/html"))
                .isEqualTo("https://www.gazette.example/news/story-1");
        byte[] foreign = "<html><head><link rel=canonical href='https://evil.example/x'></head></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(UrlCanonicalizer.ofPage("https://gazette.example/news/story-2#c", foreign, "text/html"))
                .isEqualTo("https://gazette.example/news/story-2");
        byte[] none = "<html><head><title>t</title></head></html>".getBytes(StandardCharsets.UTF_8);
        assertThat(UrlCanonicalizer.ofPage("https://gazette.example/n/3?utm_term=a", none, "text/html"))
                .isEqualTo("https://gazette.example/n/3");
    }
}
