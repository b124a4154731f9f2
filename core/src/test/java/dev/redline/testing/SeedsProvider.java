package dev.redline.testing;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.AnnotationBasedArgumentsProvider;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.support.ParameterDeclarations;

/** Supplies {@link Seeded#tries()} well-spread seeds, the same ones on every run. */
final class SeedsProvider extends AnnotationBasedArgumentsProvider<Seeded> {
    /** Fixed root: seeds are derived from it rather than counted 0, 1, 2 so neighbouring tries differ. */
    private static final long ROOT = 0x5EED_0F_1DEAL;

    @Override
    protected Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context,
                                                           Seeded seeded) {
        return new SplittableRandom(ROOT).longs(seeded.tries()).mapToObj(Arguments::of);
    }
}
