package dev.redline.cli;

import dev.redline.error.BadInput;
import dev.redline.article.ArticleText;
import dev.redline.article.PlainText;
import dev.redline.diff.Diff;
import dev.redline.diff.DiffResult;
import dev.redline.json.Json;
import dev.redline.web.DiffDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code redline diff OLD NEW}: what changed between two versions of an article, as a terminal
 * diff, JSON (Redline's diff format) or a self-contained HTML page. The whole output is rendered
 * before anything is written, so bad input never leaves partial output behind.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"What changed between two versions of an article.",
                "OLD and NEW are UTF-8 text files: the first non-empty line is the headline, every other "
                        + "non-empty line a paragraph; or HTML pages (.html, .htm, .html.gz), whose article is extracted."})
public final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD", description = "the earlier version")
    Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "the later version")
    Path newFile;

    @Option(names = "--format", paramLabel = "text|json|html", defaultValue = "text",
            description = "output format (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--old-time", paramLabel = "T", description = "when OLD was seen: 2026-01-22T10:33:00Z or a local 2026-01-22T10:33")
    String oldTime;

    @Option(names = "--new-time", paramLabel = "T", description = "when NEW was seen (same forms)")
    String newTime;

    @Option(names = "--no-color", description = "no ANSI colours even on a terminal")
    boolean noColor;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String chosen = format.toLowerCase(Locale.ROOT);
        if (!List.of("text", "json", "html").contains(chosen)) {
            throw new BadInput("--format must be text, json or html, not '" + format + "'");
        }
        Instant from = parseTime("--old-time", oldTime);
        Instant to = parseTime("--new-time", newTime);
        ArticleText old = readArticle(oldFile);
        ArticleText neu = readArticle(newFile);
        DiffResult result = Diff.compare(old, neu, from, to);
        String output = switch (chosen) {
            case "json" -> Json.writePretty(result) + System.lineSeparator();
            case "html" -> DiffDocument.render(result, oldFile.getFileName().toString(), newFile.getFileName().toString());
            default -> DiffText.render(result, !noColor && stdoutIsTerminal());
        };
        PrintWriter out = spec.commandLine().getOut();
        out.print(output);
        out.flush();
        return 0;
    }

    /**
     * Reads one version from a file. Today: a UTF-8 text file, first non-empty line the headline,
     * the other non-empty lines paragraphs. This is the one place to teach {@code diff} other
     * inputs (HTML pages go through extraction).
     */
    static ArticleText readArticle(Path file) {
        if (ExtractCommand.isHtmlFile(file.getFileName().toString())) {
            return ExtractCommand.extractFile(file);
        }
        return PlainText.parse(readText(file));
    }

    /**
     * Largest text input (diff, trace): a long article is 50 KB, and the sentence diff and the trace
     * index grow with the text, so a 150 MB file or {@code /dev/zero} must be refused, not read.
     */
    static final int MAX_TEXT_BYTES = 2 << 20;

    /** The file's text, strictly UTF-8, or a {@link BadInput} naming what is wrong with it. */
    static String readText(Path file) {
        if (Files.isDirectory(file)) {
            throw new BadInput(file + " is a directory, not a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return readText(file.toString(), in);
        } catch (NoSuchFileException e) {
            throw new BadInput(file + ": no such file");
        } catch (IOException e) {
            throw new BadInput(file + ": cannot read it (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Text from a stream (a file, or standard input named "stdin"), with the same checks: at most
     * {@link #MAX_TEXT_BYTES}, no NUL bytes, strictly UTF-8, not blank.
     */
    static String readText(String name, InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_TEXT_BYTES + 1);
        if (bytes.length > MAX_TEXT_BYTES) {
            throw new BadInput(name + " is larger than " + (MAX_TEXT_BYTES >> 20) + " MB, too long for one article");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new BadInput(name + " looks like a binary file, not text");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInput(name + " is not UTF-8 text (convert it, e.g. iconv -t UTF-8)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new BadInput(name + " is empty");
        }
        return text;
    }

    /** An ISO-8601 instant or offset time, or a local date-time in this machine's zone. */
    static Instant parseTime(String option, String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip().replace(' ', 'T');
        try {
            return Instant.parse(s);
        } catch (DateTimeException ignored) {
            // not an instant; try the other accepted forms
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException ignored) {
            // not an offset date-time either
        }
        try {
            return LocalDateTime.parse(s).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeException e) {
            throw new BadInput(option + ": cannot read '" + value
                    + "' as a time (use 2026-01-22T10:33:00Z or a local 2026-01-22T10:33)");
        }
    }

    /** Colour only for a person at a terminal who has not asked for none (NO_COLOR convention). */
    private static boolean stdoutIsTerminal() {
        return Terminal.interactive() && System.getenv("NO_COLOR") == null;
    }
}
