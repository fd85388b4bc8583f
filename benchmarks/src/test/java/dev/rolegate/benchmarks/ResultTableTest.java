package dev.rolegate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table printer reads JMH's CSV with -prof gc columns. */
class ResultTableTest {
  private static final String PREFIX = "\"dev.rolegate.benchmarks.";

  @Test
  void print_showsScoresBytesAndRatios() {
    List<String> csv =
        List.of(
            "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\"",
            PREFIX + "AllowedPathBenchmark.handWritten\",\"avgt\",1,5,4.000000,0.100000,\"ns/op\"",
            PREFIX
                + "AllowedPathBenchmark.handWritten:gc.alloc.rate.norm\",\"avgt\",1,5,0.000100,0.000010,\"B/op\"",
            PREFIX + "AllowedPathBenchmark.rolegate\",\"avgt\",1,5,5.000000,NaN,\"ns/op\"",
            PREFIX
                + "AllowedPathBenchmark.rolegate:gc.alloc.rate\",\"avgt\",1,5,0.1,NaN,\"MB/sec\"",
            PREFIX
                + "AllowedPathBenchmark.rolegate:gc.alloc.rate.norm\",\"avgt\",1,5,0.000200,NaN,\"B/op\"",
            PREFIX
                + "AllowedPathBenchmark.handWrittenBound\",\"avgt\",1,5,2.000000,0.100000,\"ns/op\"",
            PREFIX
                + "AllowedPathBenchmark.rolegateBound\",\"avgt\",1,5,2.500000,0.100000,\"ns/op\"",
            PREFIX
                + "AllowedPathBenchmark.rolegateBound:gc.alloc.rate.norm\",\"avgt\",1,5,0.000300,NaN,\"B/op\"",
            PREFIX
                + "FrameworkBenchmark.springSecuredAllowed\",\"avgt\",1,5,150.000000,3.0,\"ns/op\"",
            PREFIX
                + "FrameworkBenchmark.springSecuredAllowed:gc.alloc.rate.norm\",\"avgt\",1,5,216.0,0.0,\"B/op\"",
            PREFIX + "FrameworkBenchmark.casbinAllowed\",\"avgt\",1,5,25000.0,300.0,\"ns/op\"");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ResultTable.parse(csv).print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("### AllowedPathBenchmark"), out);
    assertTrue(out.contains("| handWritten | 1 | 4.00 | 0.10 | 0 |"), out);
    assertTrue(out.contains("| rolegate | 1 | 5.00 | – | 0 |"), out);
    assertTrue(out.contains("| springSecuredAllowed | 1 | 150.0 | 3.00 | 216 |"), out);
    assertTrue(
        out.contains(
            "| rolegate / hand-written, allowed, role looked up per call | 1.25× | ≤ 1.3 |"),
        out);
    assertTrue(
        out.contains(
            "| rolegate / hand-written, allowed, caller bound to the workspace | 1.25× | ≤ 1.3 |"),
        out);
    assertTrue(out.contains("| @Secured / rolegate bound, allowed | 60.00× | ≥ 30 |"), out);
    assertTrue(out.contains("| @Secured / rolegate (looked up), allowed | 30.00× |  |"), out);
    assertTrue(out.contains("| jCasbin / rolegate bound, allowed | 10000.00× |  |"), out);
    assertTrue(out.contains("| jCasbin / rolegate (looked up), allowed | 5000.00× |  |"), out);
    assertTrue(out.contains("| rolegate allowed B/op | 0 | 0 |"), out);
    assertTrue(out.contains("| rolegateBound allowed B/op | 0 | 0 |"), out);
    assertTrue(
        !out.contains("class guard / hand-written"),
        "a ratio with a missing row is left out: " + out);
  }

  @Test
  void print_showsTheResolvingRatios() {
    List<String> csv =
        List.of(
            "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\"",
            PREFIX
                + "AllowedPathBenchmark.rolegateBound\",\"avgt\",1,5,4.000000,0.100000,\"ns/op\"",
            PREFIX
                + "ResolvePrincipalBenchmark.guardAfterResolve\",\"avgt\",1,5,5.000000,0.100000,\"ns/op\"",
            PREFIX
                + "ResolvePrincipalBenchmark.guardAfterResolve:gc.alloc.rate.norm\",\"avgt\",1,5,0.0001,NaN,\"B/op\"",
            PREFIX + "ResolvePrincipalBenchmark.handWritten\",\"avgt\",1,5,40000.0,100.0,\"ns/op\"",
            PREFIX + "ResolvePrincipalBenchmark.rolegate\",\"avgt\",1,5,50000.0,100.0,\"ns/op\"",
            PREFIX
                + "ResolvePrincipalPostgresBenchmark.handWritten\",\"avgt\",1,5,30000.0,100.0,\"ns/op\"",
            PREFIX
                + "ResolvePrincipalPostgresBenchmark.rolegate\",\"avgt\",1,5,33000.0,100.0,\"ns/op\"");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ResultTable.parse(csv).print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("### ResolvePrincipalPostgresBenchmark"), out);
    assertTrue(out.contains("| rolegate | 1 | 50000 | 100.0 | – |"), out);
    assertTrue(
        out.contains("| rolegate store / hand-written query, principal resolved, H2 | 1.25× |  |"),
        out);
    assertTrue(
        out.contains(
            "| rolegate store / hand-written query, principal resolved, PostgreSQL | 1.10× |  |"),
        out);
    assertTrue(out.contains("| guard after resolve / rolegate bound, allowed | 1.25× |  |"), out);
    assertTrue(out.contains("| guardAfterResolve allowed B/op | 0 | 0 |"), out);
  }
}
