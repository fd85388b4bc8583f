package dev.rolegate.buildtests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A user project copied from {@code src/test/resources/<name>} (the {@code @...@} placeholders of
 * each of its poms filled in) and built by a real Maven, with this build's rolegate artifacts in a
 * local repository of its own: every other artifact comes from this build's local repository
 * (linked, never written to under {@code dev/rolegate}), so the nested build runs offline and never
 * installs into the developer's repository.
 */
final class MavenProject {
  private static final String VERSION = property("rolegate.version");

  /** The rolegate modules a user project resolves, each with a class of it. */
  private static final Map<String, Class<?>> MODULES =
      Map.of(
          "rolegate-annotations", dev.rolegate.annotations.RequiresPermission.class,
          "rolegate-runtime", dev.rolegate.runtime.Matrix.class,
          "rolegate-processor", dev.rolegate.processor.RolegateProcessor.class);

  private static final long TIMEOUT_MINUTES = 5;

  private final Path dir;
  private final Path repository;

  private MavenProject(Path dir, Path repository) {
    this.dir = dir;
    this.repository = repository;
  }

  /** The outcome of one command: exit status and everything it printed. */
  record Run(int status, String stdout, String output) {
    boolean succeeded() {
      return status == 0;
    }

    List<String> stdoutLines() {
      return stdout.lines().toList();
    }
  }

  /** Copies project {@code name} into {@code work} and prepares its local repository. */
  static MavenProject copy(String name, Path work) throws IOException {
    Path template = Path.of("src/test/resources", name).toAbsolutePath();
    Path dir = work.resolve(name);
    try (Stream<Path> files = Files.walk(template)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = dir.resolve(template.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    List<Path> poms;
    try (Stream<Path> files = Files.walk(dir)) {
      poms = files.filter(file -> file.getFileName().toString().equals("pom.xml")).toList();
    }
    for (Path pom : poms) {
      Files.writeString(
          pom,
          Files.readString(pom)
              .replace("@ROLEGATE_VERSION@", VERSION)
              .replace("@JUNIT_VERSION@", property("rolegate.junitVersion"))
              .replace("@COMPILER_PLUGIN_VERSION@", property("rolegate.compilerPluginVersion"))
              .replace("@SUREFIRE_PLUGIN_VERSION@", property("rolegate.surefirePluginVersion")));
    }
    return new MavenProject(dir, repository(work.resolve("repository")));
  }

  /** Replaces the one occurrence of {@code from} in {@code file} with {@code to}. */
  void edit(String file, String from, String to) throws IOException {
    Path path = dir.resolve(file);
    String text = Files.readString(path, StandardCharsets.UTF_8);
    if (text.indexOf(from) < 0 || text.indexOf(from) != text.lastIndexOf(from)) {
      throw new AssertionError(file + " does not hold exactly one " + from);
    }
    Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
  }

  /** Runs Maven, offline and in batch mode, with {@code goals}. */
  Run mvn(String... goals) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(property("rolegate.mavenHome"), "bin", "mvn").toString(),
                "-B",
                "-o",
                "-Dmaven.repo.local=" + repository));
    command.addAll(List.of(goals));
    return run(command);
  }

  /** Runs {@code mainClass} from the project's classes and the rolegate runtime. */
  Run java(String mainClass) throws IOException, InterruptedException {
    String classPath =
        String.join(
            java.io.File.pathSeparator,
            dir.resolve("target/classes").toString(),
            installed("rolegate-runtime").toString(),
            installed("rolegate-annotations").toString());
    return run(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            classPath,
            mainClass));
  }

  /** Runs {@code mainClass} from the one jar {@code jar} (relative to the project), alone. */
  Run javaFromJar(String jar, String mainClass) throws IOException, InterruptedException {
    return run(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            dir.resolve(jar).toString(),
            mainClass));
  }

  private Run run(List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("rolegate-build", ".out");
    Path err = Files.createTempFile("rolegate-build", ".err");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(
          String.join(" ", command) + " ran longer than " + TIMEOUT_MINUTES + " minutes");
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    return new Run(
        process.exitValue(), stdout, "$ " + String.join(" ", command) + "\n" + stdout + stderr);
  }

  private Path installed(String artifactId) {
    return repository.resolve(
        "dev/rolegate/" + artifactId + "/" + VERSION + "/" + artifactId + "-" + VERSION + ".jar");
  }

  /**
   * Builds a local repository: this build's rolegate artifacts (jars and poms, the parent pom
   * included) under {@code dev/rolegate}, and a link to everything else in this build's local
   * repository.
   */
  private static Path repository(Path repository) throws IOException {
    Path shared = Path.of(property("rolegate.localRepository"));
    Files.createDirectories(repository.resolve("dev"));
    try (Stream<Path> entries = Files.list(shared)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        if (!entry.getFileName().toString().equals("dev")) {
          Files.createSymbolicLink(repository.resolve(entry.getFileName().toString()), entry);
        }
      }
    }
    if (Files.isDirectory(shared.resolve("dev"))) {
      try (Stream<Path> entries = Files.list(shared.resolve("dev"))) {
        for (Path entry : (Iterable<Path>) entries::iterator) {
          if (!entry.getFileName().toString().equals("rolegate")) {
            Files.createSymbolicLink(
                repository.resolve("dev").resolve(entry.getFileName().toString()), entry);
          }
        }
      }
    }
    Path root = Path.of("").toAbsolutePath().getParent();
    install(repository, "rolegate-parent", root.resolve("pom.xml"), null);
    for (Map.Entry<String, Class<?>> module : MODULES.entrySet()) {
      String folder = module.getKey().substring("rolegate-".length());
      install(
          repository,
          module.getKey(),
          root.resolve(folder).resolve("pom.xml"),
          codeSource(module.getValue()));
    }
    return repository;
  }

  private static void install(Path repository, String artifactId, Path pom, Path classes)
      throws IOException {
    Path dir = repository.resolve("dev/rolegate/" + artifactId + "/" + VERSION);
    Files.createDirectories(dir);
    Files.copy(pom, dir.resolve(artifactId + "-" + VERSION + ".pom"));
    if (classes == null) {
      return;
    }
    Path jar = dir.resolve(artifactId + "-" + VERSION + ".jar");
    if (Files.isRegularFile(classes)) {
      Files.copy(classes, jar);
    } else {
      jar(classes, jar);
    }
  }

  /** Where {@code type} was loaded from: the module's jar, or its classes directory. */
  private static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes the files under {@code classes} into {@code jar} (a reactor run that stopped at test).
   */
  private static void jar(Path classes, Path jar) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> files = Files.walk(classes)) {
      for (Path path : (Iterable<Path>) files.sorted()::iterator) {
        if (Files.isRegularFile(path)) {
          out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
          Files.copy(path, out);
          out.closeEntry();
        }
      }
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException(
          name + " is not set: run this test through Maven (the" + " build-tests pom passes it)");
    }
    return value;
  }
}
