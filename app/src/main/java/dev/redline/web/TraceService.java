package dev.redline.web;

import dev.redline.article.ArticleText;
import dev.redline.extract.Extracted;
import dev.redline.extract.Extractor;
import dev.redline.fetch.FetchException;
import dev.redline.fetch.FetchResult;
import dev.redline.fetch.Fetcher;
import dev.redline.trace.TraceResult;
import dev.redline.trace.Tracer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Trace queries for the web: pasted text goes straight to the {@link Tracer}; a URL is fetched
 * through the {@link Fetcher} (so its private-address guard and robots rules apply) and extracted
 * first, dropping the copier's page furniture. Thread-safe when its parts are.
 */
public final class TraceService {
    private final Tracer tracer;
    private final Fetcher fetcher;
    private final Extractor extractor = new Extractor();

    public TraceService(Tracer tracer, Fetcher fetcher) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    /** Stored versions not in the trace index yet (their text cannot be found until reindexed). */
    long unindexed() {
        return tracer.unindexedVersions();
    }

    TraceResult traceText(String text, int limit) {
        return tracer.trace(text, limit);
    }

    /** Traces the article at a URL; throws IllegalArgumentException saying why the page is unusable. */
    TraceResult traceUrl(String url, int limit) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + Params.abbreviate(url));
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("only http and https URLs can be traced");
        }
        FetchResult page;
        try {
            page = fetcher.fetch(uri);
        } catch (FetchException e) {
            throw new IllegalArgumentException("cannot fetch " + Params.abbreviate(url) + ": " + e.getMessage());
        }
        if (!page.ok()) {
            throw new IllegalArgumentException("the page answered HTTP " + page.status());
        }
        Extracted found = extractor.extract(page.body(), page.contentType(), page.finalUri().toString());
        if (!found.found()) {
            throw new IllegalArgumentException("no article text found on that page (" + found.reason() + ")");
        }
        return tracer.trace(new ArticleText(found.title(), found.byline(), found.paragraphs()), limit);
    }
}
