package dev.rolegate.benchmarks;

import dev.rolegate.jdbc.testing.TestDatabase;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@link ResolveState} on a real PostgreSQL server: a fresh database on the server rolegate-jdbc's
 * tests start ({@code PostgresServer}, one per JVM, from the machine's PostgreSQL binaries, on
 * 127.0.0.1 over TCP, durability off), stopped when the benchmark's fork ends. Inserts are
 * rewritten into multi-row statements ({@code reWriteBatchedInserts}) to seed faster.
 */
@State(Scope.Benchmark)
public class PostgresResolveState extends ResolveState {
  @Override
  String freshDatabase() {
    TestDatabase postgres = TestDatabase.POSTGRESQL;
    return postgres.jdbcUrl(postgres.fresh("rolegate_resolve")) + "&reWriteBatchedInserts=true";
  }
}
