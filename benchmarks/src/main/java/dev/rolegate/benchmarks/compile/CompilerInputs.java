package dev.rolegate.benchmarks.compile;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What javac needs besides the corpus: the class path (rolegate-prefect, runtime, annotations) and
 * the processor path (the processor, JavaPoet, annotations).
 */
record CompilerInputs(List<Path> classPath, List<Path> processorPath) {
  private static final List<String> CLASS_PATH =
      List.of("rolegate-prefect-", "rolegate-runtime-", "rolegate-annotations-");
  private static final List<String> PROCESSOR_PATH =
      List.of("rolegate-processor-", "javapoet-", "rolegate-annotations-");

  CompilerInputs {
    classPath = List.copyOf(classPath);
    processorPath = List.copyOf(processorPath);
  }

  /** Finds the jars in {@code lib} (benchmarks/target/lib after {@code mvn package}). */
  static CompilerInputs fromLibDir(Path lib) throws IOException {
    if (!Files.isDirectory(lib)) {
      throw new IOException(lib + " is not a directory: build first (mvn -B -DskipTests package)");
    }
    List<Path> jars;
    try (Stream<Path> files = Files.list(lib)) {
      jars = files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
    }
    return new CompilerInputs(pick(jars, CLASS_PATH, lib), pick(jars, PROCESSOR_PATH, lib));
  }

  private static List<Path> pick(List<Path> jars, List<String> prefixes, Path lib)
      throws IOException {
    List<Path> picked = new ArrayList<>();
    for (String prefix : prefixes) {
      Path jar =
          jars.stream()
              .filter(file -> file.getFileName().toString().startsWith(prefix))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IOException(
                          "no "
                              + prefix
                              + "*.jar in "
                              + lib
                              + ": build first (mvn -B -DskipTests package)"));
      picked.add(jar);
    }
    return picked;
  }

  /**
   * Finds the jars (or class directories) that the running JVM loaded these classes from: for
   * tests, whose class path holds them before anything is packaged.
   */
  static CompilerInputs fromLoadedClasses() {
    return new CompilerInputs(
        List.of(
            location("dev.rolegate.prefect.Permissions"),
            location("dev.rolegate.runtime.Principal"),
            location("dev.rolegate.annotations.RequiresPermission")),
        List.of(
            location("dev.rolegate.processor.RolegateProcessor"),
            location("com.palantir.javapoet.JavaFile"),
            location("dev.rolegate.annotations.RequiresPermission")));
  }

  static Path location(String className) {
    try {
      Class<?> type = Class.forName(className);
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (ClassNotFoundException | URISyntaxException e) {
      throw new IllegalStateException("cannot locate " + className + " on the class path", e);
    }
  }
}
