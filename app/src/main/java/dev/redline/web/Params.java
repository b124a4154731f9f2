package dev.redline.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses path and query parameters, answering 400 with a message that names the bad parameter. */
final class Params {
    private Params() {
    }

    static long id(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        try {
            long value = Long.parseLong(raw);
            if (value < 0) {
                throw HttpError.badRequest(name + " must not be negative: " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest(name + " must be a number, got '" + abbreviate(raw) + "'");
        }
    }

    static int versionNumber(Context ctx, String name) {
        long value = id(ctx, name);
        if (value > Integer.MAX_VALUE) {
            throw HttpError.notFound("no version " + value);
        }
        return (int) value;
    }

    /** An integer query parameter within [min, max], or the default when absent. */
    static int intQuery(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < min || value > max) {
                throw HttpError.badRequest(name + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest(name + " must be a whole number, got '" + abbreviate(raw) + "'");
        }
    }

    /** True for "1", "true", "yes", "on"; false when absent. */
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
     * A date ({@code 2026-11-23}, the start of that UTC day, or the end of it when {@code endOfDay})
     * or an instant ({@code 2026-11-23T10:00:00Z}); null when absent.
     */
    static Instant instant(Context ctx, String name, boolean endOfDay) {
        String raw = text(ctx, name);
        if (raw == null) {
            return null;
        }
        try {
            if (raw.length() == 10) {
                LocalDate day = LocalDate.parse(raw);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest(name + " must be a date like 2026-11-23 or an instant like "
                    + "2026-11-23T10:00:00Z, got '" + abbreviate(raw) + "'");
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
