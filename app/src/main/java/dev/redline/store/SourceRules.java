package dev.redline.store;

import java.util.List;

/**
 * Per-source CSS selector overrides for extraction, for the rare site the generic extractor gets wrong.
 *
 * @param bodySelectors   elements whose text is the body (empty: automatic)
 * @param titleSelector   element whose text is the headline, or null (automatic)
 * @param removeSelectors elements to drop before extraction
 */
public record SourceRules(List<String> bodySelectors, String titleSelector, List<String> removeSelectors) {
    public static final SourceRules NONE = new SourceRules(List.of(), null, List.of());

    public SourceRules {
        bodySelectors = List.copyOf(bodySelectors);
        removeSelectors = List.copyOf(removeSelectors);
    }
}
