package dev.redline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the `export` job lands; it fails loudly rather than pretending to work. */
@Command(name = "export", description = "(not built yet)")
public final class ExportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("'export' is not built yet");
    }
}
