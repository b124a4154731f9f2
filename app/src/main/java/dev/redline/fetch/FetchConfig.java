package dev.redline.fetch;

import java.time.Duration;

/**
 * How the {@link Fetcher} behaves. Immutable.
 *
 * @param userAgent           sent with every request
 * @param robotName           the product token matched against robots.txt groups
 * @param connectTimeout      TCP/TLS connect limit
 * @param timeout             limit for one whole exchange (headers and body)
 * @param maxBodyBytes        bodies larger than this (before or after gzip decoding) are refused
 * @param maxRedirects        redirect hops followed before giving up
 * @param hostDelay           minimum time between two requests to the same host
 * @param allowedNetworks     non-public address ranges that may be fetched (tests, intranets); public ones always may
 */
public record FetchConfig(String userAgent, String robotName, Duration connectTimeout, Duration timeout,
                          long maxBodyBytes, int maxRedirects, Duration hostDelay, NetworkRanges allowedNetworks) {

    public static final String USER_AGENT = "Redline/0.1 (+https://github.com/redline; news revision tracker)";
    public static final String ROBOT_NAME = "redline";

    public FetchConfig {
        if (maxBodyBytes <= 0 || maxRedirects < 0 || hostDelay.isNegative()) {
            throw new IllegalArgumentException("invalid fetch config: body cap " + maxBodyBytes + ", redirects "
                    + maxRedirects + ", host delay " + hostDelay);
        }
    }

    /** Polite defaults: 1 s between requests per host, 10 s timeouts, 5 MB bodies, 5 redirects, public hosts only. */
    public static FetchConfig defaults() {
        return new FetchConfig(USER_AGENT, ROBOT_NAME, Duration.ofSeconds(5), Duration.ofSeconds(10),
                5L * 1024 * 1024, 5, Duration.ofSeconds(1), NetworkRanges.NONE);
    }

    public FetchConfig withHostDelay(Duration delay) {
        return new FetchConfig(userAgent, robotName, connectTimeout, timeout, maxBodyBytes, maxRedirects, delay,
                allowedNetworks);
    }

    /** Opens (or closes) the private ranges of {@link NetworkRanges#PRIVATE}; link-local stays closed. */
    public FetchConfig withAllowPrivateNetwork(boolean allow) {
        return withAllowedNetworks(allow ? NetworkRanges.PRIVATE : NetworkRanges.NONE);
    }

    public FetchConfig withAllowedNetworks(NetworkRanges ranges) {
        return new FetchConfig(userAgent, robotName, connectTimeout, timeout, maxBodyBytes, maxRedirects, hostDelay,
                ranges);
    }

    public FetchConfig withTimeout(Duration total) {
        return new FetchConfig(userAgent, robotName, connectTimeout, total, maxBodyBytes, maxRedirects, hostDelay,
                allowedNetworks);
    }

    public FetchConfig withMaxBodyBytes(long max) {
        return new FetchConfig(userAgent, robotName, connectTimeout, timeout, max, maxRedirects, hostDelay,
                allowedNetworks);
    }

    public FetchConfig withMaxRedirects(int max) {
        return new FetchConfig(userAgent, robotName, connectTimeout, timeout, maxBodyBytes, max, hostDelay,
                allowedNetworks);
    }
}
