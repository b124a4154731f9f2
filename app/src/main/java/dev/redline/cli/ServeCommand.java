package dev.redline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the `serve` job lands; it fails loudly rather than pretending to work. */
@Command(name = "serve", description = "(not built yet)")
public final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("'serve' is not built yet");
    }
}
