package dev.redline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the `demo` job lands; it fails loudly rather than pretending to work. */
@Command(name = "demo", description = "(not built yet)")
public final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("'demo' is not built yet");
    }
}
