package dev.redline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the `source` job lands; it fails loudly rather than pretending to work. */
@Command(name = "source", description = "(not built yet)")
public final class SourceCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("'source' is not built yet");
    }
}
