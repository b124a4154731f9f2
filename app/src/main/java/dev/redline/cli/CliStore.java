package dev.redline.cli;

import dev.redline.store.JdbcStore;

/**
 * Opens the store the global options name ({@code --db}, {@code --data}, their environment
 * variables) for the commands that need the JDBC store's bulk reads (history, export, source);
 * an unusable database is a {@link dev.redline.error.BadInput} naming the file or URL. Commands
 * that track, record or trace get their parts from {@link dev.redline.service.Services}.
 */
final class CliStore {
    private CliStore() {
    }

    static JdbcStore open(Redline root) {
        return JdbcStore.open(root.config().db());
    }
}
