package dev.redline.cli;

import dev.redline.error.BadInput;
import dev.redline.fetch.FetchConfig;
import dev.redline.fetch.NetworkRanges;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which non-public addresses a command may fetch from; shared by every command that fetches. */
final class NetworkOptions {
    @Option(names = "--allow-network", paramLabel = "CIDR", split = ",", arity = "1..*",
            description = "Allow fetching from these non-public address ranges only (e.g. 10.1.0.0/16 127.0.0.1); "
                    + "169.254.0.0/16 (cloud metadata) only when named.")
    List<String> allowNetwork = new ArrayList<>();

    @Option(names = "--allow-private-network",
            description = "Shorthand for --allow-network with loopback, RFC 1918, carrier-grade NAT and IPv6 "
                    + "unique-local ranges; link-local (169.254.0.0/16, fe80::/10) stays refused.")
    boolean allowPrivateNetwork;

    /** The ranges asked for; a malformed range is the user's error. */
    NetworkRanges ranges() {
        NetworkRanges named;
        try {
            named = NetworkRanges.parse(allowNetwork);
        } catch (IllegalArgumentException e) {
            throw new BadInput("--allow-network: " + e.getMessage());
        }
        return allowPrivateNetwork ? NetworkRanges.PRIVATE.with(named) : named;
    }

    /** The default fetcher settings with these ranges opened. */
    FetchConfig applyTo(FetchConfig config) {
        return config.withAllowedNetworks(ranges());
    }
}
