package dev.redline.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Archives raw HTTP exchanges as WARC (ISO 28500) request + response records in gzip files under a
 * folder, starting a new file once the current one passes a size limit. File names carry a random
 * part so several processes can archive into one folder without sharing a file. Thread-safe.
 */
public final class WarcArchive implements AutoCloseable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private static final java.util.Set<String> SET_BY_BODY = java.util.Set.of("content-length", "transfer-encoding");

    private final Path dir;
    private final long maxFileBytes;
    private final Clock clock;
    private final String processTag = UUID.randomUUID().toString().substring(0, 8);
    private int sequence;
    private Path currentFile;
    private FileChannel channel;
    private WarcWriter writer;

    public WarcArchive(Path dir, long maxFileBytes, Clock clock) {
        this.dir = dir;
        this.maxFileBytes = maxFileBytes;
        this.clock = clock;
    }

    /** An archive under {@code dir} rotating at 100 MB. */
    public WarcArchive(Path dir, Clock clock) {
        this(dir, 100L * 1024 * 1024, clock);
    }

    /**
     * Writes one exchange and returns its capture reference {@code "file.warc.gz#offset"} (offset of
     * the response record).
     */
    public synchronized String archive(URI uri, List<String[]> requestHeaders, int status,
                                       Map<String, List<String>> responseHeaders, byte[] rawBody) {
        try {
            if (writer == null || writer.position() >= maxFileBytes) {
                rotate();
            }
            var now = clock.instant();
            String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                target += "?" + uri.getRawQuery();
            }
            var http = new HttpRequest.Builder("GET", target).addHeader("Host", uri.getAuthority());
            for (String[] header : requestHeaders) {
                http.addHeader(header[0], header[1]);
            }
            WarcRequest request = new WarcRequest.Builder(uri).date(now)
                    .body(MediaType.HTTP_REQUEST, http.build()).build();
            var response = new HttpResponse.Builder(status, reasonPhrase(status));
            String contentType = "application/octet-stream";
            for (var header : responseHeaders.entrySet()) {
                String name = header.getKey().toLowerCase(java.util.Locale.ROOT);
                if (name.equals("content-type")) {
                    contentType = header.getValue().getFirst();
                } else if (!name.startsWith(":") && !SET_BY_BODY.contains(name)) {
                    header.getValue().forEach(v -> response.addHeader(header.getKey(), v));
                }
            }
            // the body is stored as received after de-chunking (still content-encoded), so its length is the framing
            response.body(MediaType.parseLeniently(contentType), rawBody);
            WarcResponse warcResponse = new WarcResponse.Builder(uri).date(now).concurrentTo(request.id())
                    .body(MediaType.HTTP_RESPONSE, response.build()).build();
            writer.write(request);
            long offset = writer.position();
            writer.write(warcResponse);
            return currentFile.getFileName() + "#" + offset;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write WARC record to " + dir, e);
        }
    }

    private void rotate() throws IOException {
        closeCurrent();
        Files.createDirectories(dir);
        String name = "redline-" + STAMP.format(clock.instant()) + "-" + processTag + "-" + (sequence++) + ".warc.gz";
        currentFile = dir.resolve(name);
        channel = FileChannel.open(currentFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        writer = new WarcWriter(channel, WarcCompression.GZIP);
    }

    private void closeCurrent() throws IOException {
        if (writer != null) {
            writer.close();
            channel.close();
            writer = null;
        }
    }

    /** The folder holding the WARC files. */
    public Path dir() {
        return dir;
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 404 -> "Not Found";
            case 410 -> "Gone";
            default -> status >= 500 ? "Server Error" : "Status";
        };
    }

    @Override
    public synchronized void close() {
        try {
            closeCurrent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
