package dev.redline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the `trace` job lands; it fails loudly rather than pretending to work. */
@Command(name = "trace", description = "(not built yet)")
public final class TraceCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("'trace' is not built yet");
    }
}
