/**
 * JMH benchmarks of rolegate's generated guards against hand-written checks doing the same work, a
 * JDK proxy, Spring Security method security, Apache Shiro and jCasbin, all on one service method
 * and one caller ({@link dev.rolegate.benchmarks.Callers}): {@link
 * dev.rolegate.benchmarks.AllowedPathBenchmark}, {@link
 * dev.rolegate.benchmarks.DeniedPathBenchmark} and {@link
 * dev.rolegate.benchmarks.FrameworkBenchmark}, over shared {@code *State} classes whose setup
 * proves each variant allows and denies; and the cost of resolving a request's principal from the
 * membership database against a hand-written query, {@link
 * dev.rolegate.benchmarks.ResolvePrincipalBenchmark}. Not run by the test command: {@code
 * benchmarks/run.sh} runs them and prints the tables (docs/BENCHMARKS.md).
 */
package dev.rolegate.benchmarks;
