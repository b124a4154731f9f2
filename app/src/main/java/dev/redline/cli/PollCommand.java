package dev.redline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the `poll` job lands; it fails loudly rather than pretending to work. */
@Command(name = "poll", description = "(not built yet)")
public final class PollCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("'poll' is not built yet");
    }
}
