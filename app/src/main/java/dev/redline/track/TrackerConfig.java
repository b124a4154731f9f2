package dev.redline.track;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * How a {@link Tracker} works. Immutable.
 *
 * @param workerId     this process's id in leases ("host-pid-random" by default); threads append "/N"
 * @param threads      worker threads checking articles in parallel
 * @param batchSize    articles claimed per round trip
 * @param lease        how long a claim holds before another worker may take it over
 * @param schedule     the re-check schedule
 * @param feedInterval how often each feed is polled
 * @param idleWait     how long the continuous loop waits when nothing is due
 */
public record TrackerConfig(String workerId, int threads, int batchSize, Duration lease, Schedule schedule,
                            Duration feedInterval, Duration idleWait) {

    public TrackerConfig {
        if (threads < 1 || batchSize < 1 || !lease.isPositive() || !feedInterval.isPositive()) {
            throw new IllegalArgumentException("invalid tracker config: threads " + threads + ", batch " + batchSize
                    + ", lease " + lease + ", feed interval " + feedInterval);
        }
    }

    public static TrackerConfig defaults() {
        return new TrackerConfig(defaultWorkerId(), 4, 8, Duration.ofMinutes(5), Schedule.NEWSSNIFFER,
                Duration.ofMinutes(10), Duration.ofSeconds(5));
    }

    public TrackerConfig withThreads(int n) {
        return new TrackerConfig(workerId, n, batchSize, lease, schedule, feedInterval, idleWait);
    }

    public TrackerConfig withWorkerId(String id) {
        return new TrackerConfig(id, threads, batchSize, lease, schedule, feedInterval, idleWait);
    }

    public TrackerConfig withFeedInterval(Duration d) {
        return new TrackerConfig(workerId, threads, batchSize, lease, schedule, d, idleWait);
    }

    public TrackerConfig withIdleWait(Duration d) {
        return new TrackerConfig(workerId, threads, batchSize, lease, schedule, feedInterval, d);
    }

    public TrackerConfig withBatchSize(int n) {
        return new TrackerConfig(workerId, threads, n, lease, schedule, feedInterval, idleWait);
    }

    static String defaultWorkerId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "host");
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-"
                + UUID.randomUUID().toString().substring(0, 6);
    }
}
