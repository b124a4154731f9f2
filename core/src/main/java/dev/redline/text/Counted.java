package dev.redline.text;

/**
 * Counts in messages as a person writes them: "1 version", "2 versions", "1 history", "3 histories".
 * English only, like every message of Redline. Stateless.
 */
public final class Counted {
    private Counted() {
    }

    /** {@code n} and the noun, adding "s" unless {@code n} is 1. */
    public static String of(long n, String noun) {
        return of(n, noun, noun + "s");
    }

    /** {@code n} and the singular or the given plural. */
    public static String of(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
