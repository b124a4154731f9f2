package dev.redline.cli;

import dev.redline.store.Store;

/**
 * Opens the store the global options name ({@code --db}, {@code --data}, their environment
 * variables), turning "that is not a usable database" into a {@link UserException} (exit 2) that
 * names the file or URL. For every subcommand that needs the store.
 */
public final class CliStore {
    private CliStore() {
    }

    public static Store open(Redline root) {
        return open(root.config());
    }

    public static Store open(AppConfig config) {
        try {
            return Store.open(config.db());
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
    }
}
