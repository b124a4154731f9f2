package dev.redline.cli;

import dev.redline.error.BadInput;
import dev.redline.fetch.FetchConfig;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The fetcher's command-line options, shared by every command that runs the tracker. */
final class FetchOptions {
    @Option(names = "--host-delay", paramLabel = "MS", defaultValue = "1000",
            description = "Minimum milliseconds between two requests to one host (default ${DEFAULT-VALUE}; 0 for loopback tests).")
    long hostDelayMs;

    @Mixin
    NetworkOptions network = new NetworkOptions();

    /** The fetcher settings these options ask for; a negative delay is the user's error. */
    FetchConfig toConfig() {
        if (hostDelayMs < 0) {
            throw new BadInput("--host-delay must be 0 or more milliseconds, not " + hostDelayMs);
        }
        return network.applyTo(FetchConfig.defaults().withHostDelay(Duration.ofMillis(hostDelayMs)));
    }
}
