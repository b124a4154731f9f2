package dev.redline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the `track` job lands; it fails loudly rather than pretending to work. */
@Command(name = "track", description = "(not built yet)")
public final class TrackCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("'track' is not built yet");
    }
}
