package dev.rolegate.benchmarks.compile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Separates what annotation processing itself costs javac from what rolegate adds: the hand-written
 * corpus compiled with {@code -proc:none}, the same corpus with {@link OneFileProcessor}
 * (processing and one more round, nothing else); the interfaces alone with {@link
 * GuardPerServiceProcessor} (the guards rolegate generates, given as text), with {@link
 * JavaPoetGuardPerServiceProcessor} (the same guards built and rendered by JavaPoet), with {@link
 * GuardAndResourcePerServiceProcessor} (a second generated file per service), and with the rolegate
 * processor.
 *
 * <pre>
 * java -cp "benchmarks/target/rolegate-benchmarks.jar:benchmarks/target/lib/*" \
 *     dev.rolegate.benchmarks.compile.RoundCost 500 7 [--fork]
 * </pre>
 *
 * With {@code --fork}, each build is a new {@code javac} process (see {@link CompileBench}).
 */
public final class RoundCost {
  private RoundCost() {}

  /**
   * Arguments: the number of services (default 500) and of timed runs (default 5), and {@code
   * --fork} anywhere.
   */
  public static void main(String[] args) throws IOException {
    List<String> rest = new java.util.ArrayList<>(List.of(args));
    boolean fork = rest.remove("--fork");
    args = rest.toArray(String[]::new);
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path lib = Path.of("benchmarks/target/lib");
    CompilerInputs inputs =
        Files.isDirectory(lib)
            ? CompilerInputs.fromLibDir(lib)
            : CompilerInputs.fromLoadedClasses();
    System.out.printf("javac %s%n%n", fork ? "forked: a new process per build" : "in this JVM");
    print(System.out, n, measure(new CorpusBuild(inputs, fork), n, runs));
  }

  /** Returns the median wall time in ms of each mode, in {@link CorpusBuild.Mode} order. */
  static double[] measure(CorpusBuild build, int n, int runs) throws IOException {
    Path work = Files.createTempDirectory("rolegate-round-cost");
    try {
      List<Path> hand = Corpus.write(work.resolve("hand"), n, true);
      List<Path> rolegate = Corpus.write(work.resolve("rolegate"), n, false);
      CorpusBuild.Mode[] modes = CorpusBuild.Mode.values();
      double[][] millis = new double[modes.length][runs];
      for (int run = -1; run < runs; run++) {
        // The order rotates from run to run: each build starts a run in turn.
        for (int i = 0; i < modes.length; i++) {
          CorpusBuild.Mode mode = modes[Math.floorMod(run + i, modes.length)];
          List<Path> sources = mode.generatesGuards() ? rolegate : hand;
          System.gc();
          double ms = build.compile(sources, mode, work).millis();
          if (run >= 0) {
            millis[mode.ordinal()][run] = ms;
          }
        }
      }
      double[] medians = new double[modes.length];
      for (int i = 0; i < modes.length; i++) {
        double[] sorted = millis[i].clone();
        Arrays.sort(sorted);
        medians[i] = sorted[sorted.length / 2];
      }
      return medians;
    } finally {
      CorpusBuild.delete(work);
    }
  }

  private static void print(PrintStream out, int n, double[] medians) {
    double none = medians[CorpusBuild.Mode.NO_PROCESSOR.ordinal()];
    double oneFile = medians[CorpusBuild.Mode.ONE_FILE_PROCESSOR.ordinal()];
    out.printf(
        Locale.ROOT,
        "| build (N = %d) | median ms | / -proc:none | / one-file |%n|---|---|---|---|%n",
        n);
    for (CorpusBuild.Mode mode : CorpusBuild.Mode.values()) {
      out.printf(
          Locale.ROOT,
          "| %s | %.0f | %.2f× | %.2f× |%n",
          mode.name().toLowerCase(Locale.ROOT),
          medians[mode.ordinal()],
          medians[mode.ordinal()] / none,
          medians[mode.ordinal()] / oneFile);
    }
  }
}
