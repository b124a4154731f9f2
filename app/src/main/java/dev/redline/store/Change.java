package dev.redline.store;

/**
 * A version seen together with its article and the version it replaced: one entry of "latest
 * changes" lists and Atom feeds. {@code previous} is null for version 0 (a new article).
 */
public record Change(Article article, String sourceName, Version version, Version previous) {
}
