package dev.redline.trace;

/**
 * A recorded relation "copy article, version M, reuses source article, version N". It is stored
 * as the JSON detail of two {@code ArticleEvent}s, one on each side: kind {@link dev.redline.store.EventKind#REUSES reuses} on
 * the copy's article and kind {@link dev.redline.store.EventKind#REUSED_BY reused-by} on the source's article, both with this
 * same JSON object (field names as below), so the web can link either page to the other.
 *
 * @param copyArticle   the article that reuses text
 * @param copyUrl       its URL
 * @param copyVersion   its version that carries the text
 * @param sourceArticle the article the text comes from
 * @param sourceUrl     its URL
 * @param sourceVersion the exact (earliest) version of it that the copy carries
 * @param coverage      share of the copy's version found in the source version
 * @param containment   share of the source version the copy carries
 */
public record Reuse(long copyArticle, String copyUrl, int copyVersion, long sourceArticle, String sourceUrl,
                    int sourceVersion, double coverage, double containment) {
}
