package dev.redline.text;

import java.time.Duration;

/**
 * The time between two versions in words, the way NewsSniffer (and Rails'
 * {@code distance_of_time_in_words}) says it: "less than a minute later", "about 6 hours later",
 * "3 days later", "about 1 month later". Thread-safe.
 */
public final class Gap {
    private static final long MINUTES_PER_DAY = 1440;
    private static final long MINUTES_PER_MONTH = 43_200;
    private static final long MINUTES_PER_YEAR = 525_600;

    private Gap() {
    }

    /** Describes a gap; a negative gap reads "… earlier". */
    public static String describe(Duration gap) {
        boolean earlier = gap.isNegative();
        return distance(gap.abs()) + (earlier ? " earlier" : " later");
    }

    /** The distance alone, without "later": "about 6 hours". */
    public static String distance(Duration gap) {
        long minutes = Math.round(gap.abs().toSeconds() / 60.0);
        if (minutes < 1) {
            return "less than a minute";
        }
        if (minutes < 2) {
            return "1 minute";
        }
        if (minutes < 45) {
            return minutes + " minutes";
        }
        if (minutes < 90) {
            return "about 1 hour";
        }
        if (minutes < MINUTES_PER_DAY) {
            return "about " + Math.round(minutes / 60.0) + " hours";
        }
        if (minutes < 2520) {
            return "1 day";
        }
        if (minutes < MINUTES_PER_MONTH) {
            return Math.round((double) minutes / MINUTES_PER_DAY) + " days";
        }
        if (minutes < 2 * MINUTES_PER_MONTH) {
            return "about 1 month";
        }
        if (minutes < MINUTES_PER_YEAR) {
            return Math.round((double) minutes / MINUTES_PER_MONTH) + " months";
        }
        long years = minutes / MINUTES_PER_YEAR;
        long rest = minutes % MINUTES_PER_YEAR;
        if (rest < MINUTES_PER_YEAR / 4) {
            return "about " + plural(years, "year");
        }
        if (rest < MINUTES_PER_YEAR * 3 / 4) {
            return "over " + plural(years, "year");
        }
        return "almost " + plural(years + 1, "year");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
