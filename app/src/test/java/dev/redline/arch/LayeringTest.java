package dev.redline.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The "who may call whom" rules of docs/architecture.md, checked on app's main sources: adapters
 * ({@code cli}, {@code web}) are called by nobody below them, and {@code web} does not call the CLI.
 */
class LayeringTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/redline");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.redline\\.([a-z]+)\\.", Pattern.MULTILINE);
    private static final Set<String> ADAPTERS = Set.of("cli", "web");

    @Test
    void onlyAdaptersCallAdaptersAndTheWebNeverCallsTheCli() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(SOURCES)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                String from = SOURCES.relativize(file).getName(0).toString();
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String to = m.group(1);
                    boolean allowed = to.equals(from) || !ADAPTERS.contains(to) || from.equals("cli") && to.equals("web");
                    if (!allowed) {
                        violations.add(file + " imports dev.redline." + to);
                    }
                }
            }
        }
        assertThat(files).as("sources found").isGreaterThan(50);
        assertThat(violations).isEmpty();
    }
}
