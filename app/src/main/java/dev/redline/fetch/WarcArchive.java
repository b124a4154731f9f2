package dev.redline.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
 * part so several processes can archive into one folder without sharing a file.
 *
 * <p>Off the fetching threads' path: the caller builds and compresses its two records (each its
 * own gzip member, so in parallel across callers), reserves their place in the current file and
 * gets the capture reference at once; one writer thread appends the bytes in reservation order
 * from a bounded queue (a full queue makes callers wait, so memory stays bounded). {@link #flush}
 * waits until every record archived so far is written (the tracker calls it before committing
 * versions that point at them); {@link #close} writes everything queued before it returns, so no
 * record is lost on shutdown. A write failure is reported by the next {@link #archive},
 * {@link #flush} or {@link #close}. Thread-safe.
 */
public final class WarcArchive implements AutoCloseable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private static final java.util.Set<String> SET_BY_BODY = java.util.Set.of("content-length", "transfer-encoding");
    /** Exchanges waiting for the writer thread at most (a few MB of compressed pages). */
    private static final int QUEUE = 256;
    private static final Pending END = new Pending(null, new byte[0], -1);

    private final Path dir;
    private final long maxFileBytes;
    private final Clock clock;
    private final String processTag = UUID.randomUUID().toString().substring(0, 8);
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread writer;
    // reservations, guarded by this
    private int sequence;
    private String currentFile;
    private long reserved;
    private long archived;
    private boolean closed;
    // the writer thread's progress
    private final Object progress = new Object();
    private long written;
    private volatile IOException failure;

    /** Bytes of one exchange bound for {@code file}; {@code number} counts exchanges from 1. */
    private record Pending(String file, byte[] bytes, long number) {
    }

    public WarcArchive(Path dir, long maxFileBytes, Clock clock) {
        this.dir = dir;
        this.maxFileBytes = maxFileBytes;
        this.clock = clock;
        this.writer = Thread.ofPlatform().name("redline-warc").daemon().start(this::writeQueued);
    }

    /** An archive under {@code dir} rotating at 100 MB. */
    public WarcArchive(Path dir, Clock clock) {
        this(dir, 100L * 1024 * 1024, clock);
    }

    /**
     * Queues one exchange and returns its capture reference {@code "file.warc.gz#offset"} (offset of
     * the response record), valid once the record is written ({@link #flush}).
     */
    public String archive(URI uri, List<String[]> requestHeaders, int status,
                          Map<String, List<String>> responseHeaders, byte[] rawBody) {
        var now = clock.instant();
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        var http = new HttpRequest.Builder("GET", target).addHeader("Host", uri.getAuthority());
        for (String[] header : requestHeaders) {
            http.addHeader(header[0], header[1]);
        }
        try {
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
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawBody.length / 2 + 1024);
            WarcWriter members = new WarcWriter(Channels.newChannel(bytes), WarcCompression.GZIP);
            members.write(request);
            long responseAt = members.position();
            members.write(warcResponse);
            return reserve(bytes.toByteArray(), responseAt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write WARC record to " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted archiving " + uri));
        }
    }

    /** Places the exchange at the end of the current file (or a new one) and queues it; the order of places is the queue's. */
    private synchronized String reserve(byte[] bytes, long responseAt) throws IOException, InterruptedException {
        throwIfFailed();
        if (closed) {
            throw new IllegalStateException("the WARC archive in " + dir + " is closed");
        }
        if (currentFile == null || reserved >= maxFileBytes) {
            currentFile = "redline-" + STAMP.format(clock.instant()) + "-" + processTag + "-" + (sequence++) + ".warc.gz";
            reserved = 0;
        }
        long offset = reserved + responseAt;
        reserved += bytes.length;
        queue.put(new Pending(currentFile, bytes, ++archived));
        return currentFile + "#" + offset;
    }

    /** Waits until every exchange archived before this call is written to its file. */
    public void flush() {
        long target;
        synchronized (this) {
            target = archived;
        }
        synchronized (progress) {
            while (written < target && failure == null && writer.isAlive()) {
                try {
                    progress.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted waiting for the WARC writer"));
                }
            }
        }
        try {
            throwIfFailed();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write WARC record to " + dir, e);
        }
    }

    private void throwIfFailed() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }

    /** The writer thread: appends queued exchanges to their files until {@link #close}. */
    private void writeQueued() {
        FileChannel channel = null;
        String open = null;
        try {
            for (Pending p = queue.take(); p != END; p = queue.take()) {
                if (failure == null) {
                    try {
                        if (!p.file().equals(open)) {
                            if (channel != null) {
                                channel.close();
                            }
                            Files.createDirectories(dir);
                            channel = FileChannel.open(dir.resolve(p.file()), StandardOpenOption.CREATE_NEW,
                                    StandardOpenOption.WRITE);
                            open = p.file();
                        }
                        ByteBuffer buffer = ByteBuffer.wrap(p.bytes());
                        while (buffer.hasRemaining()) {
                            channel.write(buffer);
                        }
                    } catch (IOException e) {
                        failure = e; // reported to the next caller; what is queued after it is dropped
                    }
                }
                synchronized (progress) {
                    written = p.number();
                    progress.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
            }
            synchronized (progress) {
                progress.notifyAll();
            }
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

    /** Writes everything queued, then stops the writer thread; later calls do nothing. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            queue.put(END);
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted closing the WARC archive"));
        }
        if (failure != null) {
            throw new UncheckedIOException("cannot write WARC record to " + dir, failure);
        }
    }
}
