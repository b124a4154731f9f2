package dev.redline.web;

import dev.redline.error.BadInput;
import dev.redline.error.NotFound;
import io.javalin.http.Context;
import io.javalin.validation.ValidationError;
import io.javalin.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Path and query parameters read through Javalin's validators ({@code pathParamAsClass},
 * {@code queryParamAsClass}), with one rule for turning a refused value into a 400 whose message
 * names the parameter, what it must be, and what was sent.
 */
final class Params {
    private Params() {
    }

    /**
     * A query value that is a UTC day ({@code 2026-11-23}) or an instant ({@code 2026-11-23T10:00:00Z}),
     * registered with Javalin as a converter so {@code queryParamAsClass} parses it.
     */
    record DayOrInstant(Instant start, Instant end) {
        static DayOrInstant parse(String raw) {
            String s = raw.strip();
            if (s.length() == 10) {
                LocalDate day = LocalDate.parse(s);
                return new DayOrInstant(day.atStartOfDay().toInstant(ZoneOffset.UTC),
                        day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            Instant at = Instant.parse(s);
            return new DayOrInstant(at, at);
        }
    }

    static long id(Context ctx, String name) {
        return ctx.pathParamAsClass(name, Long.class)
                .check(value -> value >= 0, "must not be negative")
                .getOrThrow(errors -> refused(name, "a number", errors));
    }

    static int versionNumber(Context ctx, String name) {
        long value = id(ctx, name);
        if (value > Integer.MAX_VALUE) {
            throw new NotFound("no version " + value);
        }
        return (int) value;
    }

    /** An integer query parameter within [min, max], or the default when absent or blank. */
    static int intQuery(Context ctx, String name, int fallback, int min, int max) {
        return (int) longQuery(ctx, name, fallback, min, max);
    }

    /** A long query parameter within [min, max], or the default when absent or blank. */
    static long longQuery(Context ctx, String name, long fallback, long min, long max) {
        if (text(ctx, name) == null) {
            return fallback;
        }
        return ctx.queryParamAsClass(name, Long.class)
                .check(value -> value >= min && value <= max, "must be between " + min + " and " + max)
                .getOrThrow(errors -> refused(name, "a whole number", errors));
    }

    /**
     * True for "1", "true", "yes", "on"; false when absent. Not Javalin's Boolean converter: that
     * accepts only "true", and HTML checkboxes send "on".
     */
    static boolean flag(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        return raw != null && (raw.equals("1") || raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("yes")
                || raw.equalsIgnoreCase("on"));
    }

    /** A query text parameter, stripped; null when absent or blank. */
    static String text(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    /**
     * A date (the start of that UTC day, or the end of it when {@code endOfDay}) or an instant; null
     * when absent or blank (the search form sends empty fields).
     */
    static Instant instant(Context ctx, String name, boolean endOfDay) {
        if (text(ctx, name) == null) {
            return null;
        }
        Validator<DayOrInstant> validator = ctx.queryParamAsClass(name, DayOrInstant.class);
        DayOrInstant value = validator.getOrThrow(errors -> refused(name,
                "a date like 2026-11-23 or an instant like 2026-11-23T10:00:00Z", errors));
        return endOfDay ? value.end() : value.start();
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    /** The 400 for a value a validator refused: what it must be when unreadable, else the failed check. */
    private static BadInput refused(String name, String expected,
                                     Map<String, ? extends List<? extends ValidationError<?>>> errors) {
        ValidationError<?> first = errors.values().stream().flatMap(List::stream).findFirst()
                .orElseThrow(() -> new IllegalStateException("a validator failed without an error"));
        String sent = abbreviate(String.valueOf(first.value));
        if (first.exception() != null || first.getMessage().equals("TYPE_CONVERSION_FAILED")) {
            return new BadInput(name + " must be " + expected + ", got '" + sent + "'");
        }
        return new BadInput(name + " " + first.getMessage() + ", got " + sent);
    }
}
