package dev.redline.cli;

import picocli.CommandLine.Option;

/** Where a command that serves the web UI listens. */
final class ListenOptions {
    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "TCP port (0 picks a free one; default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS", description = "Address to listen on (default ${DEFAULT-VALUE})")
    String bind;
}
