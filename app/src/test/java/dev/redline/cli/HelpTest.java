package dev.redline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command and subcommand in picocli's tree answers {@code --help} and {@code -h} with its usage and exit 0. */
class HelpTest {
    @Test
    void everyCommandAnswersHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(Redline.newCommandLine(), new ArrayList<>(), paths);
        assertThat(paths).as("the tree was walked").hasSizeGreaterThan(12)
                .contains(List.of("source", "add"), List.of("export"), List.of("history"));
        for (List<String> path : paths) {
            for (String flag : new String[] {"--help", "-h"}) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                CliRun run = CliRun.run(args.toArray(String[]::new));
                assertThat(run.code()).as(String.join(" ", args) + "\n" + run.err()).isZero();
                assertThat(run.out()).as(String.join(" ", args)).contains("Usage: redline")
                        .contains(path.isEmpty() ? "redline" : path.getLast());
            }
        }
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        for (CommandLine sub : command.getSubcommands().values()) {
            List<String> next = new ArrayList<>(path);
            next.add(sub.getCommandName());
            collect(sub, next, out);
        }
    }
}
