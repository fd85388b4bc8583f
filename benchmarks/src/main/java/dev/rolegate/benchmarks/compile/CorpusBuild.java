package dev.rolegate.benchmarks.compile;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One timed javac run over a corpus, in process through {@link javax.tools.JavaCompiler}: with the
 * rolegate processor on the processor path, or with no processor at all ({@code -proc:none}).
 */
final class CorpusBuild {
  /** The outcome of one build: wall time, classes written and warnings. */
  record Result(long nanos, int classFiles, int warnings) {
    double millis() {
      return nanos / 1e6;
    }
  }

  private final CompilerInputs inputs;
  private final JavaCompiler javac;

  CorpusBuild(CompilerInputs inputs) {
    this.inputs = inputs;
    this.javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
    }
  }

  /**
   * Compiles {@code sources} into a fresh directory under {@code work} and deletes it afterwards;
   * fails with javac's messages on any error.
   */
  Result compile(List<Path> sources, boolean withProcessor, Path work) throws IOException {
    return compile(sources, withProcessor ? Mode.ROLEGATE : Mode.NO_PROCESSOR, work);
  }

  /** How javac runs over a corpus. */
  enum Mode {
    /** The rolegate processor on the processor path. */
    ROLEGATE,
    /** {@code -proc:none}. */
    NO_PROCESSOR,
    /** {@link OneFileProcessor} alone: annotation processing and one more round, no rolegate. */
    ONE_FILE_PROCESSOR
  }

  /** As {@link #compile(List, boolean, Path)}, in any {@link Mode}. */
  Result compile(List<Path> sources, Mode mode, Path work) throws IOException {
    boolean withProcessor = mode == Mode.ROLEGATE;
    Path out = Files.createTempDirectory(work, mode.name().toLowerCase(Locale.ROOT) + "-");
    Path classes = Files.createDirectories(out.resolve("classes"));
    Path generated = Files.createDirectories(out.resolve("generated"));
    List<String> options = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8",
        "-d", classes.toString(), "-s", generated.toString(),
        "-classpath", join(inputs.classPath())));
    switch (mode) {
      case ROLEGATE:
        options.addAll(List.of("-processorpath", join(inputs.processorPath())));
        break;
      case ONE_FILE_PROCESSOR:
        options.addAll(List.of("-processorpath",
            CompilerInputs.location(OneFileProcessor.class.getName()).toString(),
            "-processor", OneFileProcessor.class.getName()));
        break;
      default:
        options.add("-proc:none");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    long start = System.nanoTime();
    boolean ok;
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
      ok = javac.getTask(null, files, diagnostics, options, null, units).call();
    }
    long nanos = System.nanoTime() - start;
    if (!ok) {
      String messages = diagnostics.getDiagnostics().stream()
          .map(Object::toString)
          .collect(Collectors.joining("\n"));
      throw new IllegalStateException(
          "the " + mode + " build failed:\n" + messages);
    }
    int warnings = (int) diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING
            || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
        .count();
    Result result = new Result(nanos, countClassFiles(classes), warnings);
    delete(out);
    return result;
  }

  private static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  private static int countClassFiles(Path classes) throws IOException {
    try (Stream<Path> files = Files.walk(classes)) {
      return (int) files.filter(file -> file.toString().endsWith(".class")).count();
    }
  }

  /** Deletes {@code root} and everything under it. */
  static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> {
        try {
          Files.delete(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
