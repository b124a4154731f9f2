package dev.redline.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import dev.redline.testing.Seeded;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Hostile input: random mutations of a realistic article page (truncation, deleted and duplicated
 * ranges, random bytes, unclosed and stray tags, deep nesting) must never throw and never hang.
 * The timeout is a generous hang guard, not a performance claim.
 */
class ExtractorFuzzTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    private static final byte[] PAGE = Pages.page("""
            <title>Old ferry pier to close | Courier</title>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Old ferry pier","author":{"name":"Ada Brennan"},"datePublished":"2026-03-04"}</script>
            <meta property="og:title" content="Old ferry pier to close">
            """, Pages.STORY_PARAGRAPHS + "<table><tr><td>Fares<td>£2.50</table><blockquote>Quote <b><i>nested</b></i></blockquote>")
            .getBytes(StandardCharsets.UTF_8);
    private static final String[] FRAGMENTS = {"<div>", "</div>", "<p>", "</p>", "<b>", "<i>", "<table>", "<td>",
            "<script>", "</script>", "<!--", "-->", "<br>", "<a href=\"", "\"", ">", "<", "&amp", "&#x", "<![CDATA[",
            "<svg><foreignObject>", "<li>", "<h2>", "<template>", "\u0000", "\uFFFD", "<style>", "{\"@type\":"};

    private final Extractor extractor = new Extractor();

    @Seeded(tries = 150)
    void mutatedPagesNeverThrowOrHang(long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        byte[] page = mutate(random, random.nextInt(1, 13));
        Extracted x = assertTimeoutPreemptively(HANG_GUARD, () -> extractor.extract(page, "text/html", "https://courier.example/a"));
        assertThat(x.found() ? !x.paragraphs().isEmpty() : x.reason() != null).isTrue();
    }

    @Test
    void deepNestingAndFormattingAvalanchesStayBounded() {
        String body = "<div>".repeat(20_000) + Pages.STORY_PARAGRAPHS + "</div>".repeat(3)
                + "<b><i><u><s>".repeat(2_000) + "tail text";
        Extracted x = assertTimeoutPreemptively(HANG_GUARD,
                () -> extractor.extract(Pages.article(body).getBytes(StandardCharsets.UTF_8), null, null));
        // bounded: over the parser's depth limit, a clear verdict instead of an exhausted stack
        assertThat(x.found() ? !x.paragraphs().isEmpty() : x.reason() != null).isTrue();
    }

    @Test
    void randomBytesAreNotAnArticle() {
        byte[] noise = new byte[200_000];
        new Random(42).nextBytes(noise);
        Extracted x = assertTimeoutPreemptively(HANG_GUARD, () -> extractor.extract(noise, null, null));
        assertThat(x.found()).isFalse();
        assertThat(x.verdict().kind()).isEqualTo(PageVerdict.Kind.UNREADABLE);
        assertThat(x.reason()).contains("binary");
    }

    private static byte[] mutate(RandomGenerator random, int mutations) {
        byte[] page = PAGE.clone();
        for (int i = 0; i < mutations; i++) {
            int at = random.nextInt(page.length + 1);
            page = switch (random.nextInt(6)) {
                case 0 -> java.util.Arrays.copyOf(page, at);
                case 1 -> splice(page, at, Math.min(page.length, at + random.nextInt(400)), new byte[0]);
                case 2 -> {
                    byte[] noise = new byte[1 + random.nextInt(64)];
                    random.nextBytes(noise);
                    yield splice(page, at, at, noise);
                }
                case 3 -> splice(page, at, at, FRAGMENTS[random.nextInt(FRAGMENTS.length)].getBytes(StandardCharsets.UTF_8));
                case 4 -> splice(page, at, at, ("<div><section><span>".repeat(1 + random.nextInt(500))).getBytes(StandardCharsets.UTF_8));
                default -> {
                    int end = Math.min(page.length, at + random.nextInt(2_000));
                    byte[] copy = java.util.Arrays.copyOfRange(page, at, end);
                    yield splice(page, end, end, copy);
                }
            };
        }
        return page;
    }

    private static byte[] splice(byte[] page, int from, int to, byte[] insert) {
        byte[] out = new byte[page.length - (to - from) + insert.length];
        System.arraycopy(page, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(page, to, out, from + insert.length, page.length - to);
        return out;
    }
}
