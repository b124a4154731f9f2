package dev.redline.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A property test on seeded generators: the method runs once per seed, taking one {@code long}
 * parameter from which it builds its own {@link java.util.SplittableRandom}. The seeds are fixed, so
 * a run is reproducible and a failure names the seed that breaks the property.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "seed {0}")
@ArgumentsSource(SeedsProvider.class)
public @interface Seeded {
    /** How many seeds (tries) to run. */
    int tries();
}
