/**
 * Test support shared by core's tests: {@link dev.redline.testing.Seeded}, seeded property tests on
 * plain JUnit (core's tests do not use a property-testing library). Values are non-null.
 */
package dev.redline.testing;
