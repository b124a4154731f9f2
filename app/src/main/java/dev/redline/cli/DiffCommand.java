package dev.redline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the `diff` job lands; it fails loudly rather than pretending to work. */
@Command(name = "diff", description = "(not built yet)")
public final class DiffCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("'diff' is not built yet");
    }
}
