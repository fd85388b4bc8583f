package dev.rolegate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.rolegate.processor.ServiceShapes.Service;
import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-based robustness tests: random and malformed matrix files, and random guarded-service
 * shapes, always end in a clean compile or in diagnostics; never an exception escaping to javac,
 * never an {@code [InternalError]}, never a generated file that fails to compile.
 *
 * <p>Each property runs {@link #TRIES} times, one JUnit invocation per seed, so a failure names its
 * seed and prints the whole input; run more with {@code -Drolegate.fuzz.tries=2000}, or other
 * inputs with {@code -Drolegate.fuzz.seed=...}. The generators are {@link RandomMatrices} and
 * {@link RandomServices}.
 *
 * <p>Plain JUnit with seeded generators rather than jqwik: jqwik 1.10 runs on this JUnit Platform
 * 6, but its authors ask that it not be used by AI coding agents (which develop this project), and
 * it prints an instruction addressed to them into every test run. What is lost is shrinking; a
 * failure prints its whole input instead.
 */
class RobustnessPropertiesTest {
  static final int TRIES = Integer.getInteger("rolegate.fuzz.tries", 150);
  static final long SEED = Long.getLong("rolegate.fuzz.seed", 20_261_128L);
  private static final Set<String> IDS = rolegateIds();

  /** Where the compilations of random services read {@link TestMatrices#SMALL} from. */
  private static final Path SMALL_MATRIX = TestMatrices.sourcePath(TestMatrices.SMALL);

  /** Well-spread seeds: java.util.Random's first draws for neighbouring seeds are alike. */
  static LongStream seeds() {
    return new SplittableRandom(SEED).longs(TRIES);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomMatrix_endsInSuccessOrRolegateDiagnostics(long seed) {
    Random random = new Random(seed);
    RandomMatrices.Sample matrix = RandomMatrices.sample(random);
    String permission = matrix.permissions().get(random.nextInt(matrix.permissions().size()));
    JavaFileObject probe =
        JavaFileObjects.forSourceString(
            "test.Probe",
            """
        package test;

        import dev.rolegate.annotations.*;

        public interface Probe {
          @RequiresPermission(%s)
          void probe(@WorkspaceId String ws);
        }
        """
                .formatted(
                    random.nextBoolean() ? "Permissions." + permission : '"' + permission + '"'));
    String input = "damage: " + matrix.damage() + "\n--- matrix.md ---\n" + matrix.text();

    Path directory = matrixDirectory(matrix.bytes());
    Compilation compilation = compile(input, directory, List.of(probe));
    TestMatrices.delete(directory);

    assertOnlyKnownDiagnostics(compilation, input);
    if (!matrix.damaged()) {
      assertEquals(Compilation.Status.SUCCESS, compilation.status(), report(compilation, input));
      assertTrue(
          generated(compilation).contains("/SOURCE_OUTPUT/test/GuardedProbe.java"),
          report(compilation, input));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomService_endsInSuccessOrDiagnostics_cleanOnesGuardEveryCall(long seed)
      throws ReflectiveOperationException {
    RandomServices.Sample sample = RandomServices.sample(new Random(seed));
    List<JavaFileObject> sources =
        new ArrayList<>(
            List.of(
                JavaFileObjects.forSourceString(
                    "test.Ref",
                    "package test;\nimport dev.rolegate.annotations.*;\n"
                        + "public record Ref(@WorkspaceId String workspace, String id) {}\n"),
                JavaFileObjects.forSourceString(
                    "test.BadRef", "package test;\npublic record BadRef(String workspace) {}\n")));
    StringBuilder input = new StringBuilder(sample.clean() ? "clean" : "wild");
    for (Service service : sample.services()) {
      String text = service.render();
      sources.add(JavaFileObjects.forSourceString(service.qualifiedName(), text));
      input.append("\n--- ").append(service.name).append(" ---\n").append(text);
    }

    Compilation compilation = compile(input.toString(), SMALL_MATRIX, sources);

    assertOnlyKnownDiagnostics(compilation, input.toString());
    boolean rolegateErrors = compilation.errors().stream().anyMatch(d -> isRolegate(message(d)));
    if (!rolegateErrors || sample.clean()) {
      assertEquals(
          Compilation.Status.SUCCESS, compilation.status(), report(compilation, input.toString()));
    }
    if (sample.clean()) {
      GuardCalls calls = new GuardCalls(GeneratedCode.of(compilation));
      for (Service service : sample.all()) {
        calls.checkEveryMethod(service, input.toString());
      }
    }
  }

  /** Compiles, failing the test when an exception escapes the processor (javac would crash). */
  private static Compilation compile(String input, Path sourcePath, List<JavaFileObject> sources) {
    List<JavaFileObject> files = new ArrayList<>();
    files.add(
        JavaFileObjects.forSourceString(
            "test.package-info",
            "@dev.rolegate.annotations.PermissionMatrix(\"matrix.md\")\npackage test;\n"));
    files.addAll(sources);
    try {
      return TestMatrices.compiler(sourcePath).compile(files);
    } catch (RuntimeException e) {
      throw new AssertionError("an exception escaped to javac for input:\n" + input, e);
    }
  }

  /**
   * Asserts that no diagnostic is an {@code [InternalError]}, that no error sits in a generated
   * file, that every error is rolegate's (with a known id) or javac's own in a file of the input (a
   * source, or the matrix file javac could not decode), and that a failed compilation says why in
   * at least one rolegate error.
   */
  private static void assertOnlyKnownDiagnostics(Compilation compilation, String input) {
    for (javax.tools.Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
      if (message(diagnostic).contains("[InternalError]")) {
        fail("[InternalError]\n" + report(compilation, input));
      }
    }
    for (javax.tools.Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      String message = message(error);
      String file = error.getSource() == null ? "" : error.getSource().getName();
      if (file.startsWith("/SOURCE_OUTPUT/") || file.startsWith("/CLASS_OUTPUT/")) {
        fail("a generated file does not compile: " + file + "\n" + report(compilation, input));
      }
      if (message.startsWith("[") && !isRolegate(message)) {
        fail("an error with an unknown id: " + message + "\n" + report(compilation, input));
      }
      if (!isRolegate(message) && file.isEmpty()) {
        fail(
            "an error that is neither rolegate's nor in a source: "
                + message
                + "\n"
                + report(compilation, input));
      }
    }
    if (compilation.status() == Compilation.Status.FAILURE
        && compilation.errors().stream().noneMatch(d -> isRolegate(message(d)))) {
      fail("the compilation failed with no rolegate error\n" + report(compilation, input));
    }
  }

  private static boolean isRolegate(String message) {
    int end = message.indexOf(']');
    return message.startsWith("[") && end > 0 && IDS.contains(message.substring(1, end));
  }

  private static Set<String> rolegateIds() {
    Set<String> ids = new TreeSet<>();
    for (Diagnostic diagnostic : Diagnostic.values()) {
      if (diagnostic != Diagnostic.INTERNAL_ERROR) {
        ids.add(diagnostic.id());
      }
    }
    return ids;
  }

  private static String message(javax.tools.Diagnostic<? extends JavaFileObject> diagnostic) {
    return diagnostic.getMessage(null);
  }

  private static Set<String> generated(Compilation compilation) {
    return compilation.generatedFiles().stream()
        .map(JavaFileObject::getName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The input and every diagnostic, for a failure message. */
  static String report(Compilation compilation, String input) {
    String diagnostics =
        compilation.diagnostics().stream()
            .map(
                d ->
                    d.getKind()
                        + " "
                        + (d.getSource() == null ? "" : d.getSource().getName())
                        + ":"
                        + d.getLineNumber()
                        + ": "
                        + d.getMessage(null).lines().limit(6).collect(Collectors.joining("\n    ")))
            .collect(Collectors.joining("\n"));
    String shown = input.length() > 6_000 ? input.substring(0, 6_000) + "\n[...]" : input;
    return "input:\n" + shown + "\ndiagnostics:\n" + diagnostics;
  }

  /** Writes {@code bytes} as {@code test/matrix.md} under a new source-path directory. */
  private static Path matrixDirectory(byte[] bytes) {
    try {
      Path root = Files.createTempDirectory("rolegate-fuzz");
      Files.createDirectories(root.resolve("test"));
      Files.write(root.resolve("test/matrix.md"), bytes);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
