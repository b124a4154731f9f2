package dev.redline.extract;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Extractor#extractForSource} gives a tracker that learns its sources' boilerplate:
 * the extraction, and the distinct lines of the body candidates it was made from (empty when the
 * page had none), to count towards the source. Immutable.
 *
 * @param extracted the article as extracted with the learned lines applied
 * @param lines     the page's candidate lines, in page order, each once
 */
public record SourceReading(Extracted extracted, List<PageLine> lines) {
    public SourceReading {
        Objects.requireNonNull(extracted, "extracted");
        lines = List.copyOf(lines);
    }
}
