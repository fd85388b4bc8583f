package dev.rolegate.benchmarks.compile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The processor's compile-time cost. For each corpus size N it writes N guarded interfaces of ten
 * methods, then times javac (in this JVM, through {@code javax.tools}) compiling them with the
 * rolegate processor, which generates the N guards, against javac compiling the same interfaces
 * with the same guards written by hand and no processor. Each size first runs {@code warmup}
 * discarded build pairs, then {@code repeats} measured pairs in alternating order; it reports the
 * median wall time per build, the ratio, the time per service, and the time per service added
 * between two sizes (the slope, the same from one interval to the next when the cost grows linearly
 * with N).
 *
 * <pre>{@code
 * java -cp "benchmarks/target/rolegate-benchmarks.jar:benchmarks/target/lib/*" \
 *     dev.rolegate.benchmarks.compile.CompileBench --sizes 100,500,2000 --repeats 5
 * }</pre>
 *
 * Options: {@code --fork} (each build a new {@code javac} process, as a command-line or Maven build
 * runs it, instead of in this JVM), {@code --sizes} (default 100,500,2000), {@code --repeats} (5),
 * {@code --warmup} (1), {@code --lib} (benchmarks/target/lib: where the jars are found).
 */
public final class CompileBench {
  /** The medians for one corpus size. */
  record Measurement(
      int services, int sources, double rolegateMillis, double handWrittenMillis, int warnings) {
    double ratio() {
      return rolegateMillis / handWrittenMillis;
    }
  }

  private final CorpusBuild build;
  private final int repeats;
  private final int warmup;
  private final PrintStream log;

  CompileBench(CompilerInputs inputs, int repeats, int warmup, PrintStream log) {
    this(inputs, false, repeats, warmup, log);
  }

  CompileBench(CompilerInputs inputs, boolean fork, int repeats, int warmup, PrintStream log) {
    this.build = new CorpusBuild(inputs, fork);
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
        default -> usage(args[i]);
      }
    }
    if (args.length % 2 != 0) {
      usage(args[args.length - 1]);
    }
    CompilerInputs inputs = CompilerInputs.fromLibDir(lib);
    System.out.printf(
        "javac %s, %s%n%n",
        fork
            ? "forked: a new process per build (all cold)"
            : "in this JVM (javac warm after the first builds, the processor loaded afresh each build)",
        System.getProperty("java.version"));
    print(new CompileBench(inputs, fork, repeats, warmup, System.err).run(sizes), System.out);
  }

  private static void usage(String option) {
    System.err.println(
        "unknown or incomplete option "
            + option
            + "; usage: CompileBench"
            + " [--fork] [--sizes 100,500,2000] [--repeats 5] [--warmup 1] [--lib benchmarks/target/lib]");
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
      buildPair(n, rolegateSources, handSources, work, i);
    }
    double[] rolegate = new double[repeats];
    double[] hand = new double[repeats];
    int warnings = 0;
    for (int i = 0; i < repeats; i++) {
      CorpusBuild.Result[] pair = buildPair(n, rolegateSources, handSources, work, i);
      rolegate[i] = pair[0].millis();
      hand[i] = pair[1].millis();
      warnings = pair[0].warnings() + pair[1].warnings();
      log.printf(
          Locale.ROOT,
          "N=%d run %d: rolegate %.0f ms, hand-written %.0f ms%n",
          n,
          i + 1,
          rolegate[i],
          hand[i]);
    }
    return new Measurement(n, handSources.size(), median(rolegate), median(hand), warnings);
  }

  /** Builds both ways, the order alternating with {@code round}: {rolegate, hand-written}. */
  private CorpusBuild.Result[] buildPair(
      int n, List<Path> rolegateSources, List<Path> handSources, Path work, int round)
      throws IOException {
    CorpusBuild.Result rolegate;
    CorpusBuild.Result hand;
    if (round % 2 == 0) {
      rolegate = timed(rolegateSources, true, work);
      hand = timed(handSources, false, work);
    } else {
      hand = timed(handSources, false, work);
      rolegate = timed(rolegateSources, true, work);
    }
    check(n, rolegate, "rolegate");
    check(n, hand, "hand-written");
    return new CorpusBuild.Result[] {rolegate, hand};
  }

  private CorpusBuild.Result timed(List<Path> sources, boolean withProcessor, Path work)
      throws IOException {
    System.gc();
    return build.compile(sources, withProcessor, work);
  }

  /** Both builds must write one interface and one guard per service: a silent processor fails. */
  private static void check(int n, CorpusBuild.Result result, String name) {
    if (result.classFiles() != 2 * n) {
      throw new IllegalStateException(
          "the "
              + name
              + " build wrote "
              + result.classFiles()
              + " classes, not "
              + 2 * n
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
            + "| hand-written build, ms | ratio | rolegate ms/service | hand-written ms/service |%n"
            + "|---|---|---|---|---|---|---|---|%n");
    for (Measurement m : results) {
      out.printf(
          Locale.ROOT,
          "| %d | %d | %d | %.0f | %.0f | %.2f× | %.2f | %.2f |%n",
          m.services(),
          m.services() * Corpus.methodsPerService(),
          m.sources(),
          m.rolegateMillis(),
          m.handWrittenMillis(),
          m.ratio(),
          m.rolegateMillis() / m.services(),
          m.handWrittenMillis() / m.services());
    }
    if (results.size() > 1) {
      out.printf(
          "%n| from N | to N | rolegate ms per added service "
              + "| hand-written ms per added service | ratio |%n|---|---|---|---|---|%n");
      for (int i = 1; i < results.size(); i++) {
        Measurement from = results.get(i - 1);
        Measurement to = results.get(i);
        int added = to.services() - from.services();
        double rolegate = (to.rolegateMillis() - from.rolegateMillis()) / added;
        double hand = (to.handWrittenMillis() - from.handWrittenMillis()) / added;
        out.printf(
            Locale.ROOT,
            "| %d | %d | %.2f | %.2f | %.2f× |%n",
            from.services(),
            to.services(),
            rolegate,
            hand,
            rolegate / hand);
      }
      out.printf(
          "%nThe cost per added service is the slope: it stays the same from one interval"
              + " to the next when a build grows linearly with N.%n");
    }
    int warnings = results.stream().mapToInt(Measurement::warnings).sum();
    out.printf("Compiler warnings per pair of builds: %d.%n", warnings);
  }
}
