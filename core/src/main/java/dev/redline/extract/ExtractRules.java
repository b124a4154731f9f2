package dev.redline.extract;

import java.util.List;

/**
 * Per-source CSS selector overrides for extraction, for the rare site the generic extractor gets wrong.
 * Stored with each source; immutable.
 *
 * @param bodySelectors   elements whose text is the body (empty: automatic)
 * @param titleSelector   element whose text is the headline, or null (automatic)
 * @param removeSelectors elements to drop before extraction
 */
public record ExtractRules(List<String> bodySelectors, String titleSelector, List<String> removeSelectors) {
    public static final ExtractRules NONE = new ExtractRules(List.of(), null, List.of());

    public ExtractRules {
        bodySelectors = List.copyOf(bodySelectors);
        removeSelectors = List.copyOf(removeSelectors);
    }
}
