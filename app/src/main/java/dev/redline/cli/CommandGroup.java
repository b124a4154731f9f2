package dev.redline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code source}, {@code watch}): run without one, it
 * prints its usage to stderr and exits with the bad-input code. Its subcommands reach the root's
 * options through {@link #root}.
 */
abstract class CommandGroup implements Callable<Integer> {
    @ParentCommand
    Redline root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Redline.EXIT_BAD_INPUT;
    }
}
