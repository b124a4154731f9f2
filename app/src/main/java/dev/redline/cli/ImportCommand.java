package dev.redline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the `import` job lands; it fails loudly rather than pretending to work. */
@Command(name = "import", description = "(not built yet)")
public final class ImportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("'import' is not built yet");
    }
}
