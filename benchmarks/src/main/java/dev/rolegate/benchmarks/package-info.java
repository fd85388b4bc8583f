/**
 * JMH benchmarks of a generated guard against a hand-written check doing the same work. Not run by
 * the test command; see the README for the command that runs them.
 */
package dev.rolegate.benchmarks;
