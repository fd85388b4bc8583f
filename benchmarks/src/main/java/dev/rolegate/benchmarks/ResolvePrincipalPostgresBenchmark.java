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
 * {@link ResolvePrincipalBenchmark}'s two resolutions on a real PostgreSQL server ({@link
 * PostgresResolveState}), over TCP on 127.0.0.1: each call a round trip to the server.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ResolvePrincipalPostgresBenchmark {
  /** rolegate's store: the principal as it stands in the next workspace. */
  @Benchmark
  public Object rolegate(PostgresResolveState s) {
    return s.store.principalIn(Memberships.WIDE, s.nextWorkspace());
  }

  /** The same rows read by one hand-written prepared statement, mapped to the matrix's roles. */
  @Benchmark
  public Object handWritten(PostgresResolveState s) {
    return s.handWritten.resolve(Memberships.WIDE, s.nextWorkspace());
  }
}
