package dev.redline.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Reads raw captures back from the WARC files the tracker writes. A capture reference is
 * {@code FILE#OFFSET}, FILE relative to the WARC folder; references that leave the folder are
 * refused. Thread-safe (no shared state).
 */
final class Captures {
    private static final int MAX_BYTES = 4 << 20;

    private final Path dir;

    Captures(Path dir) {
        this.dir = dir == null ? null : dir.toAbsolutePath().normalize();
    }

    boolean enabled() {
        return dir != null;
    }

    /** The whole WARC record (WARC headers, HTTP headers and body) as text, capped at 4 MiB. */
    String read(String captureRef) {
        int hash = captureRef.lastIndexOf('#');
        if (hash < 0) {
            throw HttpError.notFound("The capture reference is malformed.");
        }
        Path file = dir.resolve(captureRef.substring(0, hash)).normalize();
        long offset;
        try {
            offset = Long.parseLong(captureRef.substring(hash + 1));
        } catch (NumberFormatException e) {
            throw HttpError.notFound("The capture reference is malformed.");
        }
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
            throw HttpError.notFound("The raw capture is no longer on disk.");
        }
        try (WarcReader reader = new WarcReader(file)) {
            reader.position(offset);
            Optional<WarcRecord> record = reader.next();
            if (record.isEmpty()) {
                throw HttpError.notFound("The raw capture is no longer on disk.");
            }
            byte[] body = record.get().body().stream().readNBytes(MAX_BYTES);
            return record.get().headers().map().entrySet().stream()
                    .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + ": " + v))
                    .reduce(record.get().version() + "", (a, b) -> a + "\n" + b)
                    + "\n\n" + new String(body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
