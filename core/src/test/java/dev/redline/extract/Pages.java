package dev.redline.extract;

import java.nio.charset.StandardCharsets;

/** Fictional news pages for the extraction tests, written for them (no real site's text). */
final class Pages {
    private Pages() {
    }

    static final String STORY_PARAGRAPHS = """
            <p>The harbour board of Port Wendle voted on Tuesday to close the old ferry pier, ending a service that has carried islanders across the sound since 1931, after engineers found the pilings rotten.</p>
            <p>“We had no choice,” said board chair Mira Okonkwo, who added that a temporary landing would open at the fish market within six weeks, and that fares would not change while it is built.</p>
            <h2>What happens to the ferry</h2>
            <p>The ferry Saltbird will dock overnight at the container quay, a walk of twenty minutes from the town centre, until the new landing is ready. Commuters told the meeting that the walk would add an hour to their day.</p>
            <ul>
              <li>Morning sailings move to the container quay from Monday</li>
              <li>Evening sailings keep their times but leave from berth four</li>
            </ul>
            <p>Repairs to the pier would have cost more than a new landing, according to the engineers' report, which the board published in full on its website last night.</p>
            """;

    /** A full article page around {@code body}, with the usual furniture outside the article. */
    static String page(String head, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en-GB">
                <head><meta charset="utf-8">%s</head>
                <body>
                <header class="site-header"><a href="/">The Wendle Courier</a>
                  <nav><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
                <main>
                  <article class="story">
                    <h1>Old ferry pier to close after 90 years</h1>
                    <div class="story-body">%s</div>
                  </article>
                  <aside class="sidebar"><h3>Most read</h3><ul>
                    <li><a href="/a">Council delays bin collections over the holidays, again</a></li>
                    <li><a href="/b">Lighthouse keeper retires after four decades at Gull Point</a></li>
                  </ul></aside>
                </main>
                <footer><p>© 2026 The Wendle Courier. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
                </body></html>
                """.formatted(head, body);
    }

    static String article(String body) {
        return page("<title>Old ferry pier to close after 90 years | The Wendle Courier</title>", body);
    }

    /** {@link #article} around {@code body}, extracted with the default rules. */
    static Extracted extract(String body) {
        return new Extractor().extract(article(body).getBytes(StandardCharsets.UTF_8), null, null);
    }
}
