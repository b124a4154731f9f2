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
 * @param allowPrivateNetwork allow loopback, private, link-local addresses (tests, intranets)
 */
public record FetchConfig(String userAgent, String robotName, Duration connectTimeout, Duration timeout,
                          long maxBodyBytes, int maxRedirects, Duration hostDelay, boolean allowPrivateNetwork) {

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
                5L * 1024 * 1024, 5, Duration.ofSeconds(1), false);
    }

    public FetchConfig withHostDelay(Duration delay) {
        return new FetchConfig(userAgent, robotName, connectTimeout, timeout, maxBodyBytes, maxRedirects, delay,
                allowPrivateNetwork);
    }

    public FetchConfig withAllowPrivateNetwork(boolean allow) {
        return new FetchConfig(userAgent, robotName, connectTimeout, timeout, maxBodyBytes, maxRedirects, hostDelay,
                allow);
    }

    public FetchConfig withTimeout(Duration total) {
        return new FetchConfig(userAgent, robotName, connectTimeout, total, maxBodyBytes, maxRedirects, hostDelay,
                allowPrivateNetwork);
    }

    public FetchConfig withMaxBodyBytes(long max) {
        return new FetchConfig(userAgent, robotName, connectTimeout, timeout, max, maxRedirects, hostDelay,
                allowPrivateNetwork);
    }

    public FetchConfig withMaxRedirects(int max) {
        return new FetchConfig(userAgent, robotName, connectTimeout, timeout, maxBodyBytes, max, hostDelay,
                allowPrivateNetwork);
    }
}
