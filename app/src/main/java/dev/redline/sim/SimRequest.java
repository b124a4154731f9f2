package dev.redline.sim;

import java.time.Instant;

/**
 * One request the simulator answered, for tests that check politeness and coverage.
 *
 * @param source      the simulated site
 * @param path        request path
 * @param query       raw query, or null
 * @param at          virtual time at arrival
 * @param startNanos  wall-clock arrival ({@link System#nanoTime()})
 * @param endNanos    wall-clock time the response started to go out: a client that waits for each
 *                    response cannot send its next request to the site before this
 * @param status      status answered
 * @param userAgent   User-Agent header
 * @param ifNoneMatch If-None-Match header, or null
 * @param slug        the article asked for, or null
 * @param version     index of the article version served with 200, or -1
 */
public record SimRequest(String source, String path, String query, Instant at, long startNanos, long endNanos,
                         int status, String userAgent, String ifNoneMatch, String slug, int version) {
}
