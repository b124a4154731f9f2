package dev.redline.cli;

/**
 * The {@code --format} of commands that print either for people or for programs. Lower-case
 * constants so picocli accepts exactly {@code text} and {@code json} and names both when given
 * anything else (exit 2).
 */
enum OutputFormat {
    text, json
}
