package dev.rolegate.benchmarks.compile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The processor's compile-time cost. For each corpus size N it writes N guarded interfaces of ten
 * methods, then times three javac builds (in this JVM, through {@code javax.tools}, or forked): the
 * interfaces with the rolegate processor, which generates the N guards; the same interfaces with
 * the same guards written by hand and no processor; that hand-written corpus with {@link
 * OneFileProcessor}, the floor any source-generating processor pays (annotation processing and one
 * more round, as {@link RoundCost} defines it); and the interfaces alone with {@link
 * GuardPerServiceProcessor}, which writes each service's guard, given as text, as a generated
 * source file: the floor any processor pays that generates a type per service. Each size first runs
 * {@code warmup} discarded rounds, then {@code repeats} measured rounds, the order of the four
 * builds rotating from one round to the next; it reports the median wall time per build, the ratio
 * to the hand-written build, rolegate's own share (the rolegate build over the one-file floor), the
 * time per service, the time per service added between two sizes (the slope, the same from one
 * interval to the next when the cost grows linearly with N), and the two floors side by side.
 *
 * <pre>{@code
 * java -cp "benchmarks/target/rolegate-benchmarks.jar:benchmarks/target/lib/*" \
 *     dev.rolegate.benchmarks.compile.CompileBench --sizes 100,500,2000 --repeats 5
 * }</pre>
 *
 * Options: {@code --fork} (each build a new {@code javac} process, as a command-line or Maven build
 * runs it, instead of in this JVM), {@code --sizes} (default 100,500,2000), {@code --repeats} (5),
 * {@code --warmup} (1), {@code --lib} (benchmarks/target/lib: where the jars are found), {@code
 * --jfr} (a directory: each build forked, recording a JFR profile there, for {@link
 * CompileProfile}).
 */
public final class CompileBench {
  /** The medians for one corpus size. */
  record Measurement(
      int services,
      int sources,
      double rolegateMillis,
      double handWrittenMillis,
      double oneFileMillis,
      double guardPerServiceMillis,
      int warnings) {
    /** The rolegate build over the hand-written one. */
    double ratio() {
      return rolegateMillis / handWrittenMillis;
    }

    /**
     * The rolegate build over the one-file floor: what rolegate adds to any generating processor.
     */
    double ownShare() {
      return rolegateMillis / oneFileMillis;
    }

    /**
     * The guard-per-service floor over the one-file floor: what javac charges for a generated guard
     * per service over the same guards as sources, whoever generates them.
     */
    double filesShare() {
      return guardPerServiceMillis / oneFileMillis;
    }

    /** The rolegate build over the guard-per-service floor: rolegate's work beside its files. */
    double overFiles() {
      return rolegateMillis / guardPerServiceMillis;
    }
  }

  /** The builds of one round, in their order in the first round. */
  private static final List<CorpusBuild.Mode> ROUND =
      List.of(
          CorpusBuild.Mode.ROLEGATE,
          CorpusBuild.Mode.NO_PROCESSOR,
          CorpusBuild.Mode.ONE_FILE_PROCESSOR,
          CorpusBuild.Mode.GUARD_PER_SERVICE_PROCESSOR);

  private final CorpusBuild build;
  private final int repeats;
  private final int warmup;
  private final PrintStream log;

  CompileBench(CompilerInputs inputs, int repeats, int warmup, PrintStream log) {
    this(inputs, false, repeats, warmup, log);
  }

  CompileBench(CompilerInputs inputs, boolean fork, int repeats, int warmup, PrintStream log) {
    this(new CorpusBuild(inputs, fork), repeats, warmup, log);
  }

  CompileBench(CorpusBuild build, int repeats, int warmup, PrintStream log) {
    this.build = build;
    this.repeats = repeats;
    this.warmup = warmup;
    this.log = log;
  }

  public static void main(String[] args) throws IOException {
    List<Integer> sizes = List.of(100, 500, 2000);
    int repeats = 5;
    int warmup = 1;
    Path lib = Path.of("benchmarks/target/lib");
    boolean fork = false;
    Path recordings = null;
    List<String> rest = new ArrayList<>(List.of(args));
    if (rest.remove("--fork")) {
      fork = true;
    }
    args = rest.toArray(String[]::new);
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--sizes" ->
            sizes = Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf).toList();
        case "--repeats" -> repeats = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        case "--lib" -> lib = Path.of(args[i + 1]);
        case "--jfr" -> recordings = Files.createDirectories(Path.of(args[i + 1]));
        default -> usage(args[i]);
      }
    }
    if (args.length % 2 != 0) {
      usage(args[args.length - 1]);
    }
    CompilerInputs inputs = CompilerInputs.fromLibDir(lib);
    fork |= recordings != null;
    System.out.printf(
        "javac %s, %s%n%n",
        fork
            ? "forked: a new process per build (all cold)"
            : "in this JVM (javac warm after the first builds, the processor loaded afresh each build)",
        System.getProperty("java.version"));
    CorpusBuild build = new CorpusBuild(inputs, fork, recordings);
    print(new CompileBench(build, repeats, warmup, System.err).run(sizes), System.out);
  }

  private static void usage(String option) {
    System.err.println(
        "unknown or incomplete option "
            + option
            + "; usage: CompileBench"
            + " [--fork] [--sizes 100,500,2000] [--repeats 5] [--warmup 1]"
            + " [--lib benchmarks/target/lib] [--jfr directory]");
    System.exit(2);
  }

  /** Measures every size, in a temporary directory removed afterwards. */
  List<Measurement> run(List<Integer> sizes) throws IOException {
    Path work = Files.createTempDirectory("rolegate-compile-bench");
    try {
      List<Measurement> results = new ArrayList<>();
      for (int n : sizes) {
        results.add(measure(n, work));
      }
      return results;
    } finally {
      CorpusBuild.delete(work);
    }
  }

  private Measurement measure(int n, Path work) throws IOException {
    List<Path> rolegateSources = Corpus.write(work.resolve("corpus-" + n + "/rolegate"), n, false);
    List<Path> handSources = Corpus.write(work.resolve("corpus-" + n + "/hand"), n, true);
    for (int i = 0; i < warmup; i++) {
      buildRound(n, rolegateSources, handSources, work, i);
    }
    double[][] millis = new double[CorpusBuild.Mode.values().length][repeats];
    int warnings = 0;
    for (int i = 0; i < repeats; i++) {
      Map<CorpusBuild.Mode, CorpusBuild.Result> round =
          buildRound(n, rolegateSources, handSources, work, i);
      warnings = 0;
      for (Map.Entry<CorpusBuild.Mode, CorpusBuild.Result> build : round.entrySet()) {
        millis[build.getKey().ordinal()][i] = build.getValue().millis();
        warnings += build.getValue().warnings();
      }
      log.printf(
          Locale.ROOT,
          "N=%d run %d: rolegate %.0f ms, hand-written %.0f ms, one-file %.0f ms,"
              + " guard-per-service %.0f ms%n",
          n,
          i + 1,
          round.get(CorpusBuild.Mode.ROLEGATE).millis(),
          round.get(CorpusBuild.Mode.NO_PROCESSOR).millis(),
          round.get(CorpusBuild.Mode.ONE_FILE_PROCESSOR).millis(),
          round.get(CorpusBuild.Mode.GUARD_PER_SERVICE_PROCESSOR).millis());
    }
    return new Measurement(
        n,
        handSources.size(),
        median(millis[CorpusBuild.Mode.ROLEGATE.ordinal()]),
        median(millis[CorpusBuild.Mode.NO_PROCESSOR.ordinal()]),
        median(millis[CorpusBuild.Mode.ONE_FILE_PROCESSOR.ordinal()]),
        median(millis[CorpusBuild.Mode.GUARD_PER_SERVICE_PROCESSOR.ordinal()]),
        warnings);
  }

  /**
   * Runs the four builds of a round, the order rotated by {@code round}: rolegate first in round 0,
   * the hand-written build first in round 1, the one-file build first in round 2, and so on.
   */
  private Map<CorpusBuild.Mode, CorpusBuild.Result> buildRound(
      int n, List<Path> rolegateSources, List<Path> handSources, Path work, int round)
      throws IOException {
    Map<CorpusBuild.Mode, CorpusBuild.Result> results = new EnumMap<>(CorpusBuild.Mode.class);
    for (int i = 0; i < ROUND.size(); i++) {
      CorpusBuild.Mode mode = ROUND.get((round + i) % ROUND.size());
      List<Path> sources = mode.generatesGuards() ? rolegateSources : handSources;
      System.gc();
      CorpusBuild.Result result = build.compile(sources, mode, work);
      check(result, classFiles(mode, n), mode);
      results.put(mode, result);
    }
    return results;
  }

  /**
   * The classes each build writes: one interface and one guard per service (the one-file build one
   * class more).
   */
  private static int classFiles(CorpusBuild.Mode mode, int n) {
    return mode == CorpusBuild.Mode.ONE_FILE_PROCESSOR ? 2 * n + 1 : 2 * n;
  }

  /** Each build must write the classes {@link #classFiles} counts: a silent processor fails. */
  private static void check(CorpusBuild.Result result, int expected, CorpusBuild.Mode mode) {
    if (result.classFiles() != expected) {
      throw new IllegalStateException(
          "the "
              + mode
              + " build wrote "
              + result.classFiles()
              + " classes, not "
              + expected
              + " (an interface and a guard per service)");
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** Prints the Markdown table: medians, ratio, and time per service (flat when linear). */
  static void print(List<Measurement> results, PrintStream out) {
    out.printf(
        "| services (N) | methods | source files | rolegate build, ms "
            + "| hand-written build, ms | ratio | one-file build, ms | rolegate / one-file "
            + "| rolegate ms/service | hand-written ms/service |%n"
            + "|---|---|---|---|---|---|---|---|---|---|%n");
    for (Measurement m : results) {
      out.printf(
          Locale.ROOT,
          "| %d | %d | %d | %.0f | %.0f | %.2f× | %.0f | %.2f× | %.2f | %.2f |%n",
          m.services(),
          m.services() * Corpus.methodsPerService(),
          m.sources(),
          m.rolegateMillis(),
          m.handWrittenMillis(),
          m.ratio(),
          m.oneFileMillis(),
          m.ownShare(),
          m.rolegateMillis() / m.services(),
          m.handWrittenMillis() / m.services());
    }
    if (results.size() > 1) {
      out.printf(
          "%n| from N | to N | rolegate ms per added service "
              + "| hand-written ms per added service | ratio "
              + "| one-file ms per added service | rolegate / one-file |%n"
              + "|---|---|---|---|---|---|---|%n");
      for (int i = 1; i < results.size(); i++) {
        Measurement from = results.get(i - 1);
        Measurement to = results.get(i);
        int added = to.services() - from.services();
        double rolegate = (to.rolegateMillis() - from.rolegateMillis()) / added;
        double hand = (to.handWrittenMillis() - from.handWrittenMillis()) / added;
        double oneFile = (to.oneFileMillis() - from.oneFileMillis()) / added;
        out.printf(
            Locale.ROOT,
            "| %d | %d | %.2f | %.2f | %.2f× | %.2f | %.2f× |%n",
            from.services(),
            to.services(),
            rolegate,
            hand,
            rolegate / hand,
            oneFile,
            rolegate / oneFile);
      }
      out.printf(
          "%nThe cost per added service is the slope: it stays the same from one interval"
              + " to the next when a build grows linearly with N.%n");
    }
    out.printf(
        "%n| services (N) | one-file build, ms | guard-per-service build, ms "
            + "| guard-per-service / one-file | rolegate / guard-per-service |%n"
            + "|---|---|---|---|---|%n");
    for (Measurement m : results) {
      out.printf(
          Locale.ROOT,
          "| %d | %.0f | %.0f | %.2f× | %.2f× |%n",
          m.services(),
          m.oneFileMillis(),
          m.guardPerServiceMillis(),
          m.filesShare(),
          m.overFiles());
    }
    int warnings = results.stream().mapToInt(Measurement::warnings).sum();
    out.printf("Compiler warnings per round of builds: %d.%n", warnings);
  }
}
