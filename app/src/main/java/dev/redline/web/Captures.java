package dev.redline.web;

import dev.redline.error.NotFound;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

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

    /** The captured response (status, headers, body with any content encoding undone) as text, capped at 4 MiB. */
    String read(String captureRef) {
        int hash = captureRef.lastIndexOf('#');
        if (hash < 0) {
            throw new NotFound("The capture reference is malformed.");
        }
        Path file = dir.resolve(captureRef.substring(0, hash)).normalize();
        long offset;
        try {
            offset = Long.parseLong(captureRef.substring(hash + 1));
        } catch (NumberFormatException e) {
            throw new NotFound("The capture reference is malformed.");
        }
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
            throw new NotFound("The raw capture is no longer on disk.");
        }
        try (WarcReader reader = new WarcReader(file)) {
            reader.position(offset);
            Optional<WarcRecord> record = reader.next();
            if (record.isEmpty() || !(record.get() instanceof WarcResponse response)) {
                throw new NotFound("The raw capture is no longer on disk.");
            }
            HttpResponse http = response.http();
            StringBuilder text = new StringBuilder("Captured ").append(response.date()).append(" from ")
                    .append(response.target()).append("\n\nHTTP ").append(http.status()).append(' ')
                    .append(http.reason()).append('\n');
            http.headers().map().forEach((name, values) -> values.forEach(
                    v -> text.append(name).append(": ").append(v).append('\n')));
            byte[] body = http.bodyDecoded().stream().readNBytes(MAX_BYTES);
            return text.append('\n').append(new String(body, StandardCharsets.UTF_8)).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
