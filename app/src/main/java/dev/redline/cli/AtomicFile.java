package dev.redline.cli;

import dev.redline.error.BadInput;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see either the old content or the whole new content, never a
 * part: the text goes to a uniquely named temporary file beside the target, which is then moved
 * over it. A failed write leaves the target as it was and no temporary file behind.
 */
final class AtomicFile {
    private AtomicFile() {
    }

    /** What to write, given a UTF-8 writer. */
    interface Body {
        void write(Writer writer) throws IOException;
    }

    static void write(Path target, String content) throws IOException {
        write(target, w -> w.write(content));
    }

    /**
     * Writes {@code target}; a folder that cannot be made or a file that cannot be written (no such
     * folder, permission denied, disk full) is a {@link BadInput} naming the file and why.
     */
    static void write(Path target, Body body) throws IOException {
        try {
            writeAtomically(target, body);
        } catch (FileSystemException e) {
            String why = e instanceof NoSuchFileException ? "no such file or folder " + e.getFile()
                    : e instanceof AccessDeniedException ? "permission denied on " + e.getFile()
                    : e.getReason() != null ? e.getReason() : e.toString();
            throw new BadInput("cannot write " + target + ": " + why, e);
        } catch (IOException e) {
            throw new BadInput("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
