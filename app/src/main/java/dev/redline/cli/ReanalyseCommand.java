package dev.redline.cli;

import dev.redline.editing.ChangeFacets;
import dev.redline.error.BadInput;
import dev.redline.service.Services;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code redline reanalyse}: stores the change facets (notes, stealth verdict) of every version that
 * lacks them: versions recorded before Redline stored them, or under older detector rules. Pages work
 * them out on the fly meanwhile, with the same answers; this makes them fast. Safe to stop and rerun.
 */
@Command(name = "reanalyse", mixinStandardHelpOptions = true,
        description = "Store the change facets (notes, stealth edits) of versions recorded without them (older stores).")
public final class ReanalyseCommand implements Callable<Integer> {
    @ParentCommand
    Redline root;

    @Option(names = "--threads", paramLabel = "N", description = "Threads working out facets (default: the machine's cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() {
        if (threads < 1) {
            throw new BadInput("--threads must be at least 1, got " + threads + ".");
        }
        try (Services services = Services.create(Services.Settings.of(root.config()))) {
            Progress progress = Progress.start("reanalyse", services.store().articleCount());
            long versions = new ChangeFacets(services.store()).backfill(threads, progress::advance);
            progress.finish(versions + " versions analysed");
            return 0;
        }
    }
}
