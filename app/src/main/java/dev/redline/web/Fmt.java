package dev.redline.web;

import dev.redline.text.Counted;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting helpers the templates call: times, counts, URL parts. Stateless and thread-safe. */
public final class Fmt {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    /** "2026-11-23 14:05 UTC", or "never" for null. */
    public static String time(Instant t) {
        return t == null ? "never" : TIME.format(t);
    }

    /** ISO-8601, for {@code <time datetime>}. */
    public static String iso(Instant t) {
        return t == null ? "" : t.toString();
    }

    /** "5 minutes ago", "in 2 hours", "just now". */
    public static String relative(Instant t, Instant now) {
        if (t == null) {
            return "never";
        }
        Duration d = Duration.between(t, now);
        boolean future = d.isNegative();
        String amount = amount(d.abs());
        if (amount == null) {
            return "just now";
        }
        return future ? "in " + amount : amount + " ago";
    }

    private static String amount(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return null;
        }
        if (s < 3600) {
            return Counted.of(s / 60, "minute");
        }
        if (s < 86_400) {
            return Counted.of(s / 3600, "hour");
        }
        return Counted.of(s / 86_400, "day");
    }


    public static String url(String part) {
        return URLEncoder.encode(part == null ? "" : part, StandardCharsets.UTF_8);
    }

    public static String oneDecimal(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }
}
