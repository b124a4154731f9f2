package dev.redline.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A response received after following redirects. Immutable; {@code body} is decoded from gzip
 * but not from its charset (that is the extractor's job), and must not be modified.
 *
 * @param requested    the URL asked for
 * @param finalUri     the URL that answered (after redirects)
 * @param status       HTTP status of the final response (304 for "not modified")
 * @param contentType  Content-Type header, or null
 * @param body         decoded body bytes (empty for 304)
 * @param etag         ETag header, or null
 * @param lastModified Last-Modified header, or null
 * @param captureRef   WARC capture pointer ("file.warc.gz#offset"), or null when not archived
 * @param fetchedAt    when the final response arrived (injected clock)
 * @param links        the final response's {@code Link} header values (WebSub discovery), empty when none
 */
public record FetchResult(URI requested, URI finalUri, int status, String contentType, byte[] body, String etag,
                          String lastModified, String captureRef, Instant fetchedAt, List<String> links) {

    public FetchResult {
        links = List.copyOf(links);
    }

    public boolean notModified() {
        return status == 304;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The validators to send with the next conditional GET. */
    public Validators validators() {
        return new Validators(etag, lastModified);
    }

    /** The body as text in the declared charset, or UTF-8 when none (or an unknown one) is declared. */
    public String text() {
        return new String(body, declaredCharset());
    }

    private Charset declaredCharset() {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").trim());
                    } catch (IllegalArgumentException unknown) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
