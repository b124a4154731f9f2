package dev.redline.web;

import dev.redline.service.PageReader;
import dev.redline.trace.TraceResult;
import dev.redline.trace.Tracer;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Trace queries for the web: pasted text goes straight to the {@link Tracer}; a URL is read through
 * the {@link PageReader} (fetch with its private-address guard and robots rules, status check,
 * extraction), dropping the copier's page furniture. A page that cannot be used is a
 * {@link dev.redline.error.BadInput}, answered 400. Thread-safe when its parts are.
 */
public final class TraceService {
    private final Tracer tracer;
    private final PageReader pages;
    private final BooleanSupplier rebuilding;

    public TraceService(Tracer tracer, PageReader pages) {
        this(tracer, pages, () -> false);
    }

    /**
     * @param rebuilding whether a background repair of the index is running ({@code serve} starts one
     *                   when stored versions are missing from the index)
     */
    public TraceService(Tracer tracer, PageReader pages, BooleanSupplier rebuilding) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.rebuilding = Objects.requireNonNull(rebuilding, "rebuilding");
    }

    /** Whether the index is being rebuilt in the background right now. */
    boolean rebuilding() {
        return rebuilding.getAsBoolean();
    }

    /** Stored versions not in the trace index yet (their text cannot be found until reindexed). */
    long unindexed() {
        return tracer.unindexedVersions();
    }

    TraceResult traceText(String text, int limit) {
        return tracer.trace(text, limit);
    }

    TraceResult traceUrl(String url, int limit) {
        return tracer.trace(pages.read(url), limit);
    }
}
