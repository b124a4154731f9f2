package dev.redline.trace;

import java.util.List;

/** The answer to a trace: matches best first, empty when nothing clears the {@link Floor}. */
public record TraceResult(List<TraceMatch> matches) {
    public TraceResult {
        matches = List.copyOf(matches);
    }
}
