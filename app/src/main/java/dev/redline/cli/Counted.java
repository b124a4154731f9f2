package dev.redline.cli;

/** Counts in messages as a person writes them: "1 version", "2 versions", "1 history", "3 histories". */
final class Counted {
    private Counted() {
    }

    /** {@code n} and the noun, adding "s" unless {@code n} is 1. */
    static String of(long n, String noun) {
        return of(n, noun, noun + "s");
    }

    /** {@code n} and the singular or the given plural. */
    static String of(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
