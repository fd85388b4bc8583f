package dev.rolegate.benchmarks.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compile-time harness compiles a tiny corpus both ways; no timings. */
class CompileBenchTest {
  @TempDir Path temp;

  @Test
  void tinyCorpus_compilesAllThreeWays_withoutErrorsOrWarnings() throws IOException {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    CompileBench bench =
        new CompileBench(
            CompilerInputs.fromLoadedClasses(),
            1,
            0,
            new PrintStream(log, true, StandardCharsets.UTF_8));
    // run() fails unless each build writes an interface and a guard per service (the one-file
    // build one class more).
    List<CompileBench.Measurement> results = bench.run(List.of(2));
    assertEquals(1, results.size());
    CompileBench.Measurement measurement = results.get(0);
    assertEquals(2, measurement.services());
    assertEquals(4, measurement.sources());
    assertEquals(0, measurement.warnings());
    assertTrue(measurement.rolegateMillis() > 0 && measurement.handWrittenMillis() > 0);
    assertTrue(measurement.oneFileMillis() > 0 && measurement.guardPerServiceMillis() > 0);
    assertEquals(
        measurement.rolegateMillis() / measurement.oneFileMillis(), measurement.ownShare(), 1e-9);
    assertEquals(
        measurement.guardPerServiceMillis() / measurement.oneFileMillis(),
        measurement.filesShare(),
        1e-9);
    assertEquals(
        measurement.rolegateMillis() / measurement.guardPerServiceMillis(),
        measurement.overFiles(),
        1e-9);
    String printed = log.toString(StandardCharsets.UTF_8);
    assertTrue(
        printed.matches(
            "(?s)N=2 run 1: rolegate \\d+ ms, hand-written \\d+ ms, one-file \\d+ ms,"
                + " guard-per-service \\d+ ms\\R"),
        printed);
  }

  @Test
  void forkedBuilds_runJavacInANewProcess_allFourWays() throws IOException {
    CompileBench bench =
        new CompileBench(
            CompilerInputs.fromLoadedClasses(),
            true,
            1,
            0,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    CompileBench.Measurement measurement = bench.run(List.of(2)).get(0);
    assertEquals(0, measurement.warnings());
    assertTrue(measurement.rolegateMillis() > 0 && measurement.handWrittenMillis() > 0);
    assertTrue(measurement.oneFileMillis() > 0 && measurement.guardPerServiceMillis() > 0);
  }

  @Test
  void aForkedBuildThatFails_reportsJavacsOutput() throws IOException {
    Path broken =
        Files.writeString(
            Files.createDirectories(temp.resolve("broken")).resolve("Broken.java"),
            "class Broken { int x = ; }\n");
    CorpusBuild build = new CorpusBuild(CompilerInputs.fromLoadedClasses(), true);
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () -> build.compile(List.of(broken), CorpusBuild.Mode.NO_PROCESSOR, temp));
    assertTrue(failure.getMessage().contains("Broken.java:1: error"), failure.getMessage());
  }

  @Test
  void floorProcessors_oneFileOneClassMore_guardPerServiceTheGeneratedGuards_andAResourceEach()
      throws IOException {
    CorpusBuild build = new CorpusBuild(CompilerInputs.fromLoadedClasses());
    List<Path> withGuards = Corpus.write(temp.resolve("hand-one"), 2, true);
    List<Path> interfaces = Corpus.write(temp.resolve("interfaces"), 2, false);
    assertEquals(2, interfaces.size());
    CorpusBuild.Result none = build.compile(withGuards, CorpusBuild.Mode.NO_PROCESSOR, temp);
    assertEquals(4, none.classFiles());
    assertEquals(0, none.resources());
    assertEquals(
        5, build.compile(withGuards, CorpusBuild.Mode.ONE_FILE_PROCESSOR, temp).classFiles());
    CorpusBuild.Result guards =
        build.compile(interfaces, CorpusBuild.Mode.GUARD_PER_SERVICE_PROCESSOR, temp);
    assertEquals(4, guards.classFiles());
    assertEquals(0, guards.resources());
    CorpusBuild.Result rendered =
        build.compile(interfaces, CorpusBuild.Mode.JAVAPOET_GUARD_PER_SERVICE_PROCESSOR, temp);
    assertEquals(4, rendered.classFiles());
    assertEquals(0, rendered.resources());
    CorpusBuild.Result withResources =
        build.compile(interfaces, CorpusBuild.Mode.GUARD_AND_RESOURCE_PER_SERVICE_PROCESSOR, temp);
    assertEquals(4, withResources.classFiles());
    assertEquals(2, withResources.resources());
    assertEquals(
        List.of(true, false, false, true, true, true),
        java.util.Arrays.stream(CorpusBuild.Mode.values())
            .map(CorpusBuild.Mode::generatesGuards)
            .toList());
    double[] medians = RoundCost.measure(build, 2, 1);
    assertEquals(CorpusBuild.Mode.values().length, medians.length);
    for (double median : medians) {
      assertTrue(median > 0);
    }
  }

  @Test
  void javaPoetFloor_forked_findsJavaPoetOnItsProcessorPath() throws IOException {
    CorpusBuild forked = new CorpusBuild(CompilerInputs.fromLoadedClasses(), true);
    List<Path> interfaces = Corpus.write(temp.resolve("forked"), 2, false);
    CorpusBuild.Result rendered =
        forked.compile(interfaces, CorpusBuild.Mode.JAVAPOET_GUARD_PER_SERVICE_PROCESSOR, temp);
    assertEquals(4, rendered.classFiles());
    assertEquals(0, rendered.warnings());
  }

  @Test
  void javaPoetFloor_rendersTheHandWrittenGuardCharacterForCharacter() {
    for (int service : List.of(0, 7, 1999)) {
      assertEquals(Corpus.guard(service), JavaPoetGuardPerServiceProcessor.render(service));
    }
  }

  @Test
  void rolegateBuild_generatesTheGuardsThatTheHandWrittenBuildWritesByHand() throws IOException {
    CorpusBuild build = new CorpusBuild(CompilerInputs.fromLoadedClasses());
    List<Path> interfaces = Corpus.write(temp.resolve("rolegate"), 2, false);
    assertEquals(4, build.compile(interfaces, true, temp).classFiles());
    assertEquals(2, build.compile(interfaces, false, temp).classFiles());
    List<Path> withGuards = Corpus.write(temp.resolve("hand"), 2, true);
    assertEquals(4, build.compile(withGuards, false, temp).classFiles());
  }

  @Test
  void corpus_eachServiceHasTenGuardedMethods() {
    String service = Corpus.service(7);
    assertTrue(service.contains("public interface Service7 {"), service);
    assertEquals(10, service.lines().filter(line -> line.contains("@RequiresPermission(")).count());
    String guard = Corpus.guard(7);
    assertEquals(
        10, guard.lines().filter(line -> line.contains(".check(this.source, workspace, ")).count());
  }

  @Test
  void print_reportsRatiosAndGrowth() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CompileBench.print(
        List.of(
            new CompileBench.Measurement(100, 200, 1200, 1000, 1100, 1150, 0),
            new CompileBench.Measurement(500, 1000, 6000, 5000, 5200, 5720, 0)),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(
        out.contains(
            "| services (N) | methods | source files | rolegate build, ms | hand-written build, ms"
                + " | ratio | one-file build, ms | rolegate / one-file | rolegate ms/service"
                + " | hand-written ms/service |"),
        out);
    assertTrue(
        out.contains("| 100 | 1000 | 200 | 1200 | 1000 | 1.20× | 1100 | 1.09× | 12.00 | 10.00 |"),
        out);
    assertTrue(
        out.contains("| 500 | 5000 | 1000 | 6000 | 5000 | 1.20× | 5200 | 1.15× | 12.00 | 10.00 |"),
        out);
    assertTrue(out.contains("| 100 | 500 | 12.00 | 10.00 | 1.20× | 10.25 | 1.17× |"), out);
    assertTrue(
        out.contains(
            "| services (N) | one-file build, ms | guard-per-service build, ms"
                + " | guard-per-service / one-file | rolegate / guard-per-service |"),
        out);
    assertTrue(out.contains("| 100 | 1100 | 1150 | 1.05× | 1.04× |"), out);
    assertTrue(out.contains("| 500 | 5200 | 5720 | 1.10× | 1.05× |"), out);
    assertTrue(out.contains("Compiler warnings per round of builds: 0."), out);
  }

  @Test
  void fromLibDir_missingDirectory_saysToBuildFirst() {
    IOException failure =
        assertThrows(IOException.class, () -> CompilerInputs.fromLibDir(temp.resolve("missing")));
    assertTrue(failure.getMessage().contains("mvn -B -DskipTests package"), failure.getMessage());
  }

  @Test
  void median_ofOddAndEvenCounts() {
    assertEquals(2.0, CompileBench.median(new double[] {3, 1, 2}));
    assertEquals(2.5, CompileBench.median(new double[] {4, 1, 3, 2}));
    assertTrue(Files.isDirectory(temp));
  }
}
