package dev.redline.fetch;

/**
 * What a previous response said about its version, sent back as a conditional GET
 * ({@code If-None-Match}, {@code If-Modified-Since}) so an unchanged page costs a 304.
 *
 * @param etag         previous ETag, or null
 * @param lastModified previous Last-Modified, or null
 */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);
}
