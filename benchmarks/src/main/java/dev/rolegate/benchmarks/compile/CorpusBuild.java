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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One timed javac run over a corpus, with the rolegate processor on the processor path, or with no
 * processor at all ({@code -proc:none}): in this JVM through {@link javax.tools.JavaCompiler}
 * (javac JIT-compiled by earlier builds, the processor loaded afresh by each), or, when forked, as
 * a new {@code javac} process per build (everything cold, as a command-line or Maven build runs).
 */
final class CorpusBuild {
  /** The outcome of one build: wall time, classes written and warnings. */
  record Result(long nanos, int classFiles, int resources, int warnings) {
    double millis() {
      return nanos / 1e6;
    }
  }

  private static final Pattern WARNING_COUNT =
      Pattern.compile("^(\\d+) warnings?$", Pattern.MULTILINE);

  private final CompilerInputs inputs;
  private final JavaCompiler javac;
  private final boolean fork;
  private final Path recordings;
  private int recorded;

  CorpusBuild(CompilerInputs inputs) {
    this(inputs, false);
  }

  /** With {@code fork}, each build runs the JDK's {@code javac} launcher in a new process. */
  CorpusBuild(CompilerInputs inputs, boolean fork) {
    this(inputs, fork, null);
  }

  /**
   * As {@link #CorpusBuild(CompilerInputs, boolean)}; with {@code recordings} not null (forked
   * builds only), each javac process records a JFR profile there, named {@code <mode>-<source
   * files>-<build>.jfr}.
   */
  CorpusBuild(CompilerInputs inputs, boolean fork, Path recordings) {
    if (recordings != null && !fork) {
      throw new IllegalArgumentException("JFR recordings need forked builds");
    }
    this.inputs = inputs;
    this.fork = fork;
    this.recordings = recordings;
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
    /** The rolegate processor on the processor path, over the interfaces alone. */
    ROLEGATE,
    /** {@code -proc:none}, over the interfaces and their hand-written guards. */
    NO_PROCESSOR,
    /**
     * {@link OneFileProcessor} alone, over the interfaces and their hand-written guards: annotation
     * processing and one more round, no rolegate.
     */
    ONE_FILE_PROCESSOR,
    /**
     * {@link GuardPerServiceProcessor} alone, over the interfaces alone: the guards rolegate
     * generates, given as text, through the Filer.
     */
    GUARD_PER_SERVICE_PROCESSOR,
    /**
     * {@link JavaPoetGuardPerServiceProcessor} alone, over the interfaces alone: the same guards,
     * built and rendered by JavaPoet as rolegate's generator does.
     */
    JAVAPOET_GUARD_PER_SERVICE_PROCESSOR,
    /** {@link GuardAndResourcePerServiceProcessor} alone: a second generated file per service. */
    GUARD_AND_RESOURCE_PER_SERVICE_PROCESSOR;

    /** Whether the build generates the guards, so compiles the interfaces alone. */
    boolean generatesGuards() {
      return this != NO_PROCESSOR && this != ONE_FILE_PROCESSOR;
    }
  }

  /** As {@link #compile(List, boolean, Path)}, in any {@link Mode}. */
  Result compile(List<Path> sources, Mode mode, Path work) throws IOException {
    boolean withProcessor = mode == Mode.ROLEGATE;
    Path out = Files.createTempDirectory(work, mode.name().toLowerCase(Locale.ROOT) + "-");
    Path classes = Files.createDirectories(out.resolve("classes"));
    Path generated = Files.createDirectories(out.resolve("generated"));
    List<String> options =
        new ArrayList<>(
            List.of(
                "--release",
                "17",
                "-encoding",
                "UTF-8",
                "-d",
                classes.toString(),
                "-s",
                generated.toString(),
                "-classpath",
                join(inputs.classPath())));
    switch (mode) {
      case ROLEGATE:
        options.addAll(List.of("-processorpath", join(inputs.processorPath())));
        break;
      case ONE_FILE_PROCESSOR:
        options.addAll(floorProcessor(OneFileProcessor.class));
        break;
      case GUARD_PER_SERVICE_PROCESSOR:
        options.addAll(floorProcessor(GuardPerServiceProcessor.class));
        break;
      case JAVAPOET_GUARD_PER_SERVICE_PROCESSOR:
        options.addAll(floorProcessor(JavaPoetGuardPerServiceProcessor.class));
        break;
      case GUARD_AND_RESOURCE_PER_SERVICE_PROCESSOR:
        options.addAll(floorProcessor(GuardAndResourcePerServiceProcessor.class));
        break;
      default:
        options.add("-proc:none");
    }
    Result result = fork ? forked(sources, options, out, mode) : inProcess(sources, options, mode);
    result =
        new Result(
            result.nanos(),
            count(classes, true),
            count(classes.resolve("META-INF"), false),
            result.warnings());
    delete(out);
    return result;
  }

  /**
   * The options that run {@code processor} alone, from where its class was loaded (and JavaPoet,
   * from where its classes were).
   */
  private static List<String> floorProcessor(Class<? extends FloorProcessor> processor) {
    return List.of(
        "-processorpath",
        CompilerInputs.location(processor.getName())
            + File.pathSeparator
            + CompilerInputs.location("com.palantir.javapoet.JavaFile"),
        "-processor",
        processor.getName());
  }

  private Result inProcess(List<Path> sources, List<String> options, Mode mode) throws IOException {
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
      String messages =
          diagnostics.getDiagnostics().stream()
              .map(Object::toString)
              .collect(Collectors.joining("\n"));
      throw new IllegalStateException("the " + mode + " build failed:\n" + messages);
    }
    int warnings =
        (int)
            diagnostics.getDiagnostics().stream()
                .filter(
                    d ->
                        d.getKind() == Diagnostic.Kind.WARNING
                            || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                .count();
    return new Result(nanos, 0, 0, warnings);
  }

  /** Runs {@code javac @args} in a new process; the time includes the JVM's start. */
  private Result forked(List<Path> sources, List<String> options, Path out, Mode mode)
      throws IOException {
    List<String> arguments = new ArrayList<>(options);
    sources.forEach(source -> arguments.add(source.toString()));
    Path argFile = out.resolve("javac.args");
    Files.write(
        argFile, arguments.stream().map(CorpusBuild::quoted).toList(), StandardCharsets.UTF_8);
    Path launcher = Path.of(System.getProperty("java.home"), "bin", "javac");
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    if (recordings != null) {
      Path recording =
          recordings.resolve(
              String.format(
                  Locale.ROOT,
                  "%s-%d-%d.jfr",
                  mode.name().toLowerCase(Locale.ROOT),
                  sources.size(),
                  ++recorded));
      // JVM options cannot go in an @file; the deep stack depth keeps javac's outer frames.
      command.add("-J-XX:StartFlightRecording=filename=" + recording + ",settings=profile");
      command.add("-J-XX:FlightRecorderOptions:stackdepth=1024");
      command.add("-J-Xlog:jfr+startup=warning");
    }
    command.add("@" + argFile);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    long start = System.nanoTime();
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit;
    try {
      exit = process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while javac ran", e);
    }
    long nanos = System.nanoTime() - start;
    if (exit != 0) {
      throw new IllegalStateException(
          "the forked " + mode + " build failed (exit " + exit + "):\n" + output);
    }
    Matcher count = WARNING_COUNT.matcher(output);
    return new Result(nanos, 0, 0, count.find() ? Integer.parseInt(count.group(1)) : 0);
  }

  /** Quotes an argument for a javac @file (paths may hold spaces). */
  private static String quoted(String argument) {
    return '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  /** Counts the class files under {@code root}, or the other regular files. */
  private static int count(Path root, boolean classFiles) throws IOException {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      return (int)
          files
              .filter(Files::isRegularFile)
              .filter(file -> file.toString().endsWith(".class") == classFiles)
              .count();
    }
  }

  /** Deletes {@code root} and everything under it. */
  static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(
              file -> {
                try {
                  Files.delete(file);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
