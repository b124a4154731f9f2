package dev.redline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the `history` job lands; it fails loudly rather than pretending to work. */
@Command(name = "history", description = "(not built yet)")
public final class HistoryCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("'history' is not built yet");
    }
}
