package dev.redline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
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
                ExportCommand.class,
                ServeCommand.class,
                DemoCommand.class,
                TraceCommand.class,
        })
public final class Redline implements Runnable {
    /** Exit code for bad input: missing or unreadable files, malformed arguments. */
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
            if (ex instanceof UserException) {
                err.println("redline: " + ex.getMessage());
                err.flush();
                return EXIT_BAD_INPUT;
            }
            err.println("redline: " + ex);
            ex.printStackTrace(err);
            err.flush();
            return EXIT_FAILURE;
        });
        return cmd;
    }
}
