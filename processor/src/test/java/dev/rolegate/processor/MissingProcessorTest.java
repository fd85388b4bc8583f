package dev.rolegate.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.rolegate.annotations.Unguarded;
import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code [ProcessorNotRun]}: rolegate-annotations' check, found by javac on the class path when
 * rolegate's processor is not on the processor path, makes the first error say so; it is silent
 * when the real processor runs beside it.
 */
class MissingProcessorTest {
  private static final String CHECK = "dev.rolegate.annotations.processing.MissingProcessorCheck";

  /** The annotations module's own output: there is no jar, so no recorded version. */
  private static final String MESSAGE = Diagnostic.PROCESSOR_NOT_RUN.format(annotationsVersion());

  /**
   * The version the message names: the one Maven recorded in the rolegate-annotations jar on the
   * test class path, or the placeholder when the module's classes are read unpackaged (a reactor
   * run that stopped before {@code package}).
   */
  private static String annotationsVersion() {
    try (InputStream in =
        Unguarded.class.getResourceAsStream(
            "/META-INF/maven/dev.rolegate/rolegate-annotations/pom.properties")) {
      if (in == null) {
        return "<rolegate version>";
      }
      java.util.Properties properties = new java.util.Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JavaFileObject things() {
    return TestMatrices.source(
        "Things",
        """
        public interface Things {
          @RequiresPermission(Permissions.VIEW_THINGS)
          void view(@WorkspaceId String ws);

          @RequiresPermission(Permissions.EDIT_THINGS)
          void edit(@WorkspaceId String ws);
        }
        """);
  }

  private static JavaFileObject user() {
    return TestMatrices.source(
        "User",
        """
        public class User {
          GuardedThings guard;
          static final String VIEWER = WorkspaceRoles.VIEWER;
        }
        """);
  }

  /** Returns the directory holding rolegate-annotations' classes and its service registration. */
  private static Path annotationsClasses() throws URISyntaxException {
    return Path.of(Unguarded.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Returns the check loaded as javac loads it from a class path without the processor. */
  private static Processor isolatedCheck() throws Exception {
    URLClassLoader loader =
        new URLClassLoader(
            new URL[] {annotationsClasses().toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    return (Processor) loader.loadClass(CHECK).getConstructor().newInstance();
  }

  @Test
  void processorMissing_firstErrorSaysSo() throws Exception {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(isolatedCheck())
            .withClasspath(List.of(annotationsClasses().toFile()))
            .compile(TestMatrices.packageInfo(), things(), user());

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(MESSAGE)
        .inFile(TestMatrices.packageInfo())
        .onLineContaining("package test");
    assertThat(compilation.errors().get(0).getMessage(null)).isEqualTo(MESSAGE);
    long hints =
        compilation.errors().stream()
            .filter(error -> error.getMessage(null).startsWith("[ProcessorNotRun]"))
            .count();
    assertEquals(1, hints);
    // Then javac's own, for Permissions (twice) and GuardedThings.
    assertThat(compilation).hadErrorCount(4);
  }

  /**
   * The javac command of this JDK, in its own process (in this JVM, javac's class-path loader would
   * see the test class path and the real processor), with rolegate-annotations as the only class
   * path and no processor path: javac 17 to 22 finds the check through its registration; javac 23
   * and later run class-path processors only with {@code -proc:full} (without it they run none, and
   * the user sees javac's own errors only, as the README says), and javac 21 and 22 print a note
   * about class-path processors unless it is given, so it is given from 21 on.
   */
  @Test
  void processorMissing_checkFoundOnClassPathByJavac() throws Exception {
    Path dir = Files.createTempDirectory("rolegate-javac");
    Path source = dir.resolve("test/Things.java");
    Files.createDirectories(source.getParent());
    try (InputStream in = things().openInputStream()) {
      Files.write(source, in.readAllBytes());
    }
    Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
    List<String> command =
        new ArrayList<>(
            List.of(
                javac.toString(),
                "-d",
                dir.resolve("out").toString(),
                "-classpath",
                annotationsClasses().toString()));
    if (Runtime.version().feature() >= 21) {
      command.add("-proc:full");
    }
    command.add(source.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);

    assertEquals(1, process.waitFor());
    assertThat(output).startsWith(source + ":12: error: " + MESSAGE + "\n");
    assertThat(output).contains("Things.java:11: error: cannot find symbol");
    assertThat(output).endsWith("3 errors\n");
  }

  @Test
  void processorPresent_checkSilent() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(
                new RolegateProcessor(),
                new dev.rolegate.annotations.processing.MissingProcessorCheck())
            .withOptions("-sourcepath", TestMatrices.sourcePath(TestMatrices.SMALL).toString())
            .compile(TestMatrices.packageInfo(), things(), user());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GuardedThings");
  }

  @Test
  void processorPresentFirst_checkSilent() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(
                new dev.rolegate.annotations.processing.MissingProcessorCheck(),
                new RolegateProcessor())
            .withOptions("-sourcepath", TestMatrices.sourcePath(TestMatrices.SMALL).toString())
            .compile(TestMatrices.packageInfo(), things(), user());

    assertThat(compilation).succeededWithoutWarnings();
  }
}
