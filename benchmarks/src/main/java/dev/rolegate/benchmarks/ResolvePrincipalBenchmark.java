package dev.rolegate.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Resolving a request's principal from the database, on embedded H2 ({@link H2ResolveState}): user
 * {@value Memberships#WIDE}, with explicit roles in 10,000 workspaces of an account of 100,000
 * members, in one workspace, by rolegate's {@code JdbcMembershipStore.principalIn} and by a
 * hand-written query doing the same join ({@link HandWrittenMembershipQuery}); and rolegate's guard
 * on the resolved principal, bound to its workspace ({@link ResolvedBoundState}), to set beside
 * {@code AllowedPathBenchmark.rolegateBound}. The same on PostgreSQL: {@link
 * ResolvePrincipalPostgresBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ResolvePrincipalBenchmark {
  /** rolegate's store: the principal as it stands in the next workspace. */
  @Benchmark
  public Object rolegate(H2ResolveState s) {
    return s.store.principalIn(Memberships.WIDE, s.nextWorkspace());
  }

  /** The same rows read by one hand-written prepared statement, mapped to the matrix's roles. */
  @Benchmark
  public Object handWritten(H2ResolveState s) {
    return s.handWritten.resolve(Memberships.WIDE, s.nextWorkspace());
  }

  /** rolegate's guard, allowed, with the principal the store resolved bound to its workspace. */
  @Benchmark
  public int guardAfterResolve(ResolvedBoundState s) {
    return s.rolegate.count(s.workspace);
  }
}
