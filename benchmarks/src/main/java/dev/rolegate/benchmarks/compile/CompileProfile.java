package dev.rolegate.benchmarks.compile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a javac build's time goes: reads JFR recordings of builds ({@code CompileBench --jfr}),
 * keeps the execution samples taken inside javac's compilation, and prints the share of them that
 * passes through each part of the build (a sample counts for every part on its stack, so the parts
 * nest and overlap), then the methods most often on top of the stack.
 *
 * <pre>{@code
 * java -cp "benchmarks/target/rolegate-benchmarks.jar:benchmarks/target/lib/*" \
 *     dev.rolegate.benchmarks.compile.CompileProfile /tmp/jfr/rolegate-1000-*.jfr
 * }</pre>
 */
public final class CompileProfile {
  /** A part of the build: a name, and the frames ({@code Class.method}) that mark it. */
  record Part(String name, Pattern frame) {
    static Part of(String name, String regex) {
      return new Part(name, Pattern.compile(regex));
    }
  }

  /** The samples counted: those inside javac's compilation, in process or forked. */
  private static final Pattern BUILD =
      Pattern.compile(
          "com\\.sun\\.tools\\.javac\\.(api\\.JavacTaskImpl\\.call|main\\.Main\\.compile)$");

  /**
   * The parts printed, in order; indentation shows which part another lies in, except the parts
   * marked "across the parts above": JavaPoet's work and javac's, which whichever part above asks
   * for it pays (validation, generation or the report), so its samples count in that part too.
   */
  static final List<Part> PARTS =
      List.of(
          Part.of("annotation processing", "JavacProcessingEnvironment\\.doProcessing$"),
          Part.of("  javac: a new round entering every tree again", "Round\\.(<init>|next)$"),
          Part.of("  rolegate processor", "^dev\\.rolegate\\.processor\\.RolegateProcessor\\."),
          Part.of("    guard generation", "internal\\.generation\\.GuardGenerator\\.generate$"),
          Part.of(
              "      JavaPoet rendering the source (two passes)", "javapoet\\.JavaFile\\.writeTo$"),
          Part.of("      Filer: creating each source file", "JavacFiler\\.createSourceFile$"),
          Part.of("    validation", "^dev\\.rolegate\\.processor\\.internal\\.validation\\."),
          Part.of("    access report", "^dev\\.rolegate\\.processor\\.internal\\.report\\."),
          Part.of("      Filer: creating each resource", "JavacFiler\\.createResource$"),
          Part.of(
              "    (across the parts above) JavaPoet: building the specs and rendering the source",
              "^com\\.palantir\\.javapoet\\."),
          Part.of(
              "    (across the parts above) javac: a missing type name looked up in every module",
              "JavacElements\\.unboundNameToSymbol$"),
          Part.of(
              "    (across the parts above) Filer: each new file checked against every file before",
              "JavacFiler\\.isInFileObjectHistory$"),
          Part.of("call-graph check", "^dev\\.rolegate\\.processor\\.internal\\.callgraph\\."),
          Part.of("javac: parse", "JavaCompiler\\.parseFiles$"),
          Part.of("javac: enter", "JavaCompiler\\.enterTrees$"),
          Part.of("javac: attribute", "JavaCompiler\\.attribute$"),
          Part.of("javac: flow", "JavaCompiler\\.flow$"),
          Part.of("javac: desugar", "JavaCompiler\\.desugar$"),
          Part.of("javac: write class files", "JavaCompiler\\.generate$"));

  /** What the recordings hold: samples inside the build, per part, and per top frame. */
  record Profile(int samples, Map<Part, Integer> parts, Map<String, Integer> topFrames) {}

  private CompileProfile() {}

  /** Arguments: the recordings, then optionally {@code --top N} (default 15). */
  public static void main(String[] args) throws IOException {
    List<Path> files = new ArrayList<>();
    int top = 15;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--top") && i + 1 < args.length) {
        top = Integer.parseInt(args[++i]);
      } else {
        files.add(Path.of(args[i]));
      }
    }
    if (files.isEmpty()) {
      System.err.println("usage: CompileProfile recording.jfr... [--top 15]");
      System.exit(2);
    }
    List<List<String>> stacks = new ArrayList<>();
    for (Path file : files) {
      stacks.addAll(read(file));
    }
    print(profile(stacks), top, System.out);
  }

  /** Returns the stacks (top frame first, as {@code Class.method}) of the file's samples. */
  static List<List<String>> read(Path file) throws IOException {
    List<List<String>> stacks = new ArrayList<>();
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")
          || event.getStackTrace() == null) {
        continue;
      }
      List<String> stack = new ArrayList<>();
      for (RecordedFrame frame : event.getStackTrace().getFrames()) {
        RecordedMethod method = frame.getMethod();
        stack.add(method.getType().getName() + "." + method.getName());
      }
      stacks.add(stack);
    }
    return stacks;
  }

  /** Counts the stacks inside the build, per part and per top frame. */
  static Profile profile(List<List<String>> stacks) {
    int samples = 0;
    Map<Part, Integer> parts = new HashMap<>();
    Map<String, Integer> topFrames = new HashMap<>();
    for (List<String> stack : stacks) {
      if (stack.stream().noneMatch(frame -> BUILD.matcher(frame).find())) {
        continue;
      }
      samples++;
      topFrames.merge(stack.get(0), 1, Integer::sum);
      for (Part part : PARTS) {
        if (stack.stream().anyMatch(frame -> part.frame().matcher(frame).find())) {
          parts.merge(part, 1, Integer::sum);
        }
      }
    }
    return new Profile(samples, parts, topFrames);
  }

  /** Prints the parts' shares and the {@code top} most frequent top frames as Markdown tables. */
  static void print(Profile profile, int top, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%d samples inside javac's compilation%n%n| part of the build | share of samples |%n"
            + "|---|---|%n",
        profile.samples());
    for (Part part : PARTS) {
      String name = part.name().strip();
      String indent = "&nbsp;".repeat(part.name().length() - name.length());
      out.printf(
          Locale.ROOT,
          "| %s%s | %.1f%% |%n",
          indent,
          name,
          share(profile.parts().getOrDefault(part, 0), profile.samples()));
    }
    out.printf("%n| method on top of the stack | share of samples |%n|---|---|%n");
    String rows =
        profile.topFrames().entrySet().stream()
            .sorted(
                Map.Entry.<String, Integer>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(top)
            .map(
                entry ->
                    String.format(
                        Locale.ROOT,
                        "| `%s` | %.1f%% |",
                        entry.getKey(),
                        share(entry.getValue(), profile.samples())))
            .collect(Collectors.joining("\n"));
    out.println(rows);
  }

  private static double share(int count, int samples) {
    return samples == 0 ? 0 : 100.0 * count / samples;
  }
}
