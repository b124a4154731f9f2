/**
 * The newsroom simulator: a real HTTP server on loopback serving fictional sources, feeds and
 * changing stories on a {@link java.time.Clock}, for tests, the demo and benchmarks. Entry point:
 * {@link dev.redline.sim.NewsroomSimulator}. Never used to reach the internet.
 *
 * <p>Null contract: parameters and return values are non-null unless their Javadoc says "or null"
 * (Redline uses no {@code @Nullable} annotation; the Javadoc is the contract). Collections are never
 * null, empty when there is nothing.
 */
package dev.redline.sim;
