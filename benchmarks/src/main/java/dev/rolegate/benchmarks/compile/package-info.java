/**
 * The compile-time benchmark: {@link dev.rolegate.benchmarks.compile.CompileBench} generates a
 * corpus of guarded interfaces and times javac with the rolegate processor against javac compiling
 * the same interfaces with equivalent hand-written guards and no processor, and against the
 * hand-written build with a processor that writes one empty file (the floor of any generating
 * processor); {@link dev.rolegate.benchmarks.compile.RoundCost} sets those builds side by side.
 */
package dev.rolegate.benchmarks.compile;
