/**
 * The compile-time benchmark: {@link dev.rolegate.benchmarks.compile.CompileBench} generates a
 * corpus of guarded interfaces and times javac with the rolegate processor against javac compiling
 * the same interfaces with equivalent hand-written guards and no processor.
 */
package dev.rolegate.benchmarks.compile;
