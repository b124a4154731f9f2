package dev.redline.cli;

import dev.redline.error.UserError;
import dev.redline.service.AppConfig;
import dev.redline.service.Services;
import dev.redline.store.StorageFaults;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code redline} command line: one subcommand per job. Global options come before the
 * subcommand ({@code redline --db URL poll --once}).
 */
@Command(name = "redline", mixinStandardHelpOptions = true, version = "redline 0.1.0",
        description = "Watches news articles change: every version, what changed, where copies came from.",
        subcommands = {
                DiffCommand.class,
                ExtractCommand.class,
                SourceCommand.class,
                TrackCommand.class,
                PollCommand.class,
                HistoryCommand.class,
                WatchCommand.class,
                ImportCommand.class,
                ReanalyseCommand.class,
                ExportCommand.class,
                ServeCommand.class,
                DemoCommand.class,
                TraceCommand.class,
                SplitsCommand.class,
        })
public final class Redline implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Redline.class);

    /** Exit code for a user error ({@link UserError}: bad input, not found, refused, conflict). */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for a failure that is not the user's input (network, storage, a bug). */
    public static final int EXIT_FAILURE = 1;

    @Option(names = "--db", paramLabel = "URL|FILE", description = "JDBC URL or SQLite file (env REDLINE_DB; default DATA/redline.db)")
    String db;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (env REDLINE_DATA; default ./redline-data)")
    Path data;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The resolved storage settings for subcommands. */
    public AppConfig config() {
        return AppConfig.resolve(db, data);
    }

    /** Services over the configured store with default settings, for commands that fetch nothing. */
    Services services() {
        return Services.create(Services.Settings.of(config()));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code; tests call this directly. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cmd = new CommandLine(new Redline());
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("redline: " + message(ex));
            err.flush();
            return exitCode(ex);
        });
        return cmd;
    }

    /**
     * The one mapping of failures to exit codes: every {@link UserError} and every storage fault the
     * operator must act on ({@link StorageFaults}: disk full, damaged file) is {@value #EXIT_BAD_INPUT}
     * (its message says what was wrong); anything else is a bug or a fault on our side,
     * {@value #EXIT_FAILURE}.
     */
    static int exitCode(Exception ex) {
        // a full disk or a damaged database file is the operator's to fix, like bad input
        return ex instanceof UserError || StorageFaults.describe(ex).isPresent() ? EXIT_BAD_INPUT : EXIT_FAILURE;
    }

    /** One line for stderr; a bug's stack trace goes to the log (shown with REDLINE_LOG_LEVEL=DEBUG). */
    private static String message(Exception ex) {
        if (ex instanceof UserError) {
            return Printable.of(ex.getMessage());
        }
        Optional<String> storage = StorageFaults.describe(ex);
        if (storage.isPresent()) {
            log.debug("storage fault", ex);
            return storage.get();
        }
        log.debug("internal error", ex);
        return "internal error: " + Printable.of(String.valueOf(ex)) + " (set REDLINE_LOG_LEVEL=DEBUG for the stack trace)";
    }
}
