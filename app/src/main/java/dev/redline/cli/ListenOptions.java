package dev.redline.cli;

import dev.redline.error.BadInput;
import picocli.CommandLine.Option;

/** Where a command that serves the web UI listens. */
final class ListenOptions {
    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "TCP port (0 picks a free one; default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS", description = "Address to listen on (default ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Public address of this server for absolute links in feeds (default: the listen address; never the request's Host header)")
    String baseUrl;

    /** The checked {@code --base-url}, or null for the listen address. */
    String baseUrl() {
        if (baseUrl == null) {
            return null;
        }
        var uri = HttpUrl.require("--base-url", baseUrl);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new BadInput("--base-url '" + baseUrl + "' must not have a query or fragment");
        }
        return baseUrl;
    }
}
