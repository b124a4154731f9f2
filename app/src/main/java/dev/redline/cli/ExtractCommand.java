package dev.redline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the `extract` job lands; it fails loudly rather than pretending to work. */
@Command(name = "extract", description = "(not built yet)")
public final class ExtractCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("'extract' is not built yet");
    }
}
