package dev.redline.cli;

import dev.redline.service.Services;
import dev.redline.split.VersionSplits;
import dev.redline.text.Counted;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code redline splits}: keeps the sentence split of every stored version that has none (a store
 * from before splits were kept, splits made under older splitting rules or without key hashes).
 * Comparisons split such versions again on every read and never write; this keeps them all at
 * once, with progress. Writes only the splits.
 */
@Command(name = "splits", mixinStandardHelpOptions = true,
        description = {"Split every stored version without a kept sentence split (older stores), then exit.",
                "Diffs split such versions again on every read (reads never write); this keeps them all at once."})
public final class SplitsCommand implements Callable<Integer> {
    @ParentCommand
    Redline root;

    @Override
    public Integer call() {
        try (Services services = root.services()) {
            VersionSplits splits = services.versionSplits();
            Progress progress = Progress.start("splits", splits.missing());
            long filled = splits.fill(progress::advance);
            progress.finish(Counted.of(services.store().versionCount(), "version") + ", " + filled + " newly split");
        }
        return 0;
    }
}
