package dev.redline.track;

import java.time.Duration;

/**
 * The adaptive re-check schedule (NewsSniffer's by default): a new or just-changed article is
 * re-checked after {@code initial}; each unchanged check multiplies the interval by {@code factor};
 * once the interval passes {@code settleAfter} the article is settled and no longer checked.
 * Failed checks back off exponentially from {@code initial}, capped at {@code maxBackoff}.
 * Immutable.
 */
public record Schedule(Duration initial, double factor, Duration settleAfter, Duration maxBackoff) {

    public static final Schedule NEWSSNIFFER = new Schedule(Duration.ofMinutes(30), 1.2, Duration.ofDays(40),
            Duration.ofDays(1));

    public Schedule {
        if (!initial.isPositive() || factor < 1.0 || !settleAfter.isPositive() || !maxBackoff.isPositive()) {
            throw new IllegalArgumentException("invalid schedule: initial " + initial + ", factor " + factor
                    + ", settle after " + settleAfter + ", max back-off " + maxBackoff);
        }
    }

    /** Interval after a check that found a new version. */
    public Duration afterChange() {
        return initial;
    }

    /** Interval after a check that found nothing new. */
    public Duration afterUnchanged(Duration current) {
        Duration base = current == null || !current.isPositive() ? initial : current;
        return Duration.ofMillis(Math.round(base.toMillis() * factor));
    }

    /** Whether an article on this interval is settled (no longer checked). */
    public boolean settled(Duration interval) {
        return interval.compareTo(settleAfter) > 0;
    }

    /** Wait after the {@code failures}-th failed check in a row (1, 2, …). */
    public Duration afterFailure(int failures) {
        long factorPow = 1L << Math.min(20, Math.max(0, failures - 1));
        Duration d = initial.multipliedBy(factorPow);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
