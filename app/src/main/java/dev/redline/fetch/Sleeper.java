package dev.redline.fetch;

import java.time.Duration;

/** Waits; injectable so tests can wait in virtual time instead of wall time. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
