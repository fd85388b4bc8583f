package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rolegate.processor.CompilationAssertions.assertOneError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.StaleMatrixError;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A table is never older than its matrix: the generated table records the SHA-256 of the matrix
 * file it was compiled from and refuses to load beside another file; a later compilation that finds
 * that matrix on the class path refuses it too ({@code [StaleMatrix]}); a matrix on the source
 * path, which does not ship, is said to be uncheckable ({@code [MatrixNotShipped]}, a note). The
 * real two-step Maven build is {@code MavenIncrementalBuildTest} in the build-tests module.
 */
class StaleMatrixTest {
  private static final String EDITED =
      TestMatrices.SMALL.replace(
          "| EDITOR | workspace | VIEWER | EDIT_THINGS |", "| EDITOR | workspace | VIEWER | |");

  @Test
  void sourcePathMatrix_tableRecordsDigest_andANoteSaysItCannotBeCompared() throws IOException {
    JavaFileObject packageInfo = TestMatrices.packageInfo();

    Compilation compilation =
        TestMatrices.compiler(TestMatrices.sourcePath(TestMatrices.SMALL)).compile(packageInfo);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).hadNoteCount(1);
    assertThat(compilation)
        .hadNoteContaining(
            "[MatrixNotShipped] @PermissionMatrix(\"matrix.md\") was read from the"
                + " source path, which Maven does not ship with the classes: unless the build copies"
                + " matrix.md beside them, the compiled table cannot be compared with the file at run"
                + " time, and a build that recompiles only changed .java files (maven-compiler-plugin)"
                + " keeps a table compiled from an older matrix.md after an edit of only the matrix. Move it to"
                + " src/main/resources/test/matrix.md: the table then refuses to load when it was"
                + " compiled from other text than the file beside it")
        .inFile(packageInfo)
        .onLineContaining("@PermissionMatrix(");
    String sha = sha256(TestMatrices.SMALL);
    assertThat(compilation)
        .generatedSourceFile("test.MatrixCapabilityTable")
        .contentsAsUtf8String()
        .contains(
            "builder.compiledFromSource(\""
                + sha
                + "\", MatrixCapabilityTable.class.getResource(\"matrix.md\"));");
    assertThat(compilation)
        .generatedSourceFile("dev.rolegate.matrices.Matrix_test")
        .contentsAsUtf8String()
        .contains("public static final String SHA256 = \"" + sha + "\";");
    Matrix matrix = GeneratedCode.of(compilation).matrix();
    assertEquals(sha, matrix.sha256());
  }

  @Test
  void sourcePathMatrix_aCopyShippedBesideTheTable_isCompared() throws Exception {
    Compilation compilation =
        TestMatrices.compiler(TestMatrices.sourcePath(TestMatrices.SMALL))
            .compile(TestMatrices.packageInfo());
    Path classes = Files.createTempDirectory("rolegate-classes");
    ClassOutputs.copyClasses(compilation, classes);
    String sha = sha256(TestMatrices.SMALL);

    // No copy ships (Maven's default for src/main/java): nothing to compare, the table loads.
    assertEquals(sha, matrixIn(classes).sha256());
    // The build copies the file beside the classes: the same text loads, an edit does not.
    Files.writeString(
        classes.resolve("test/matrix.md"), TestMatrices.SMALL, StandardCharsets.UTF_8);
    assertEquals(sha, matrixIn(classes).sha256());
    Files.writeString(classes.resolve("test/matrix.md"), EDITED, StandardCharsets.UTF_8);
    assertThrows(StaleMatrixError.class, () -> matrixIn(classes));
  }

  @Test
  void classPathMatrix_tableComparesItselfWithTheFileBesideIt() throws Exception {
    Path classes = declaredOnClassPath();
    String sha = sha256(TestMatrices.SMALL);

    // The same file beside the table: it loads.
    Files.writeString(
        classes.resolve("test/matrix.md"), TestMatrices.SMALL, StandardCharsets.UTF_8);
    assertEquals(sha, matrixIn(classes).sha256());

    // An edited file beside a table compiled from the old one: the table does not load.
    Files.writeString(classes.resolve("test/matrix.md"), EDITED, StandardCharsets.UTF_8);
    StaleMatrixError stale = assertThrows(StaleMatrixError.class, () -> matrixIn(classes));
    assertEquals(
        "the capability table was compiled from an older matrix.md: rebuild (mvn clean"
            + " compile, or a clean Gradle build). The table encodes the test/matrix.md with SHA-256 "
            + sha.substring(0, 12)
            + "…, the class path holds one with SHA-256 "
            + sha256(EDITED).substring(0, 12)
            + "…, so a matrix edit has not been compiled; no guard"
            + " of this matrix runs until it is",
        stale.getMessage());

    // No file beside it: the table cannot be checked, so it does not load either.
    Files.delete(classes.resolve("test/matrix.md"));
    StaleMatrixError missing = assertThrows(StaleMatrixError.class, () -> matrixIn(classes));
    assertEquals(
        "the capability table was compiled from test/matrix.md, which is not on the class"
            + " path beside it: ship the matrix file with the classes (src/main/resources/test/matrix.md)"
            + " and rebuild, so the table can be compared with the file it claims to encode",
        missing.getMessage());
  }

  @Test
  void laterCompilation_matrixFileBesideTheIndexEdited_isStaleMatrix() throws IOException {
    Path classes = declaredOnClassPath();
    Files.writeString(classes.resolve("test/matrix.md"), EDITED, StandardCharsets.UTF_8);
    JavaFileObject things = things();

    Compilation compilation =
        Compiler.javac()
            .withProcessors(new RolegateProcessor())
            .withClasspath(ClassOutputs.classPathWith(classes))
            .compile(things);

    assertOneError(
        compilation,
        "[StaleMatrix] The matrix compiled into package test was compiled"
            + " from an older matrix.md: the class path's test/matrix.md has SHA-256 "
            + sha256(EDITED).substring(0, 12)
            + "…, its capability table was compiled from one"
            + " with SHA-256 "
            + sha256(TestMatrices.SMALL).substring(0, 12)
            + "…, so an edit of"
            + " the matrix was never compiled and the table refuses to load. Rebuild the module"
            + " that declares @PermissionMatrix from clean (mvn clean install there), then this"
            + " one",
        things,
        "public interface Things");
  }

  @Test
  void laterCompilation_matrixFileBesideTheIndexUnchanged_usesIt() throws IOException {
    Path classes = declaredOnClassPath();
    Files.writeString(
        classes.resolve("test/matrix.md"), TestMatrices.SMALL, StandardCharsets.UTF_8);

    Compilation compilation =
        Compiler.javac()
            .withProcessors(new RolegateProcessor())
            .withClasspath(ClassOutputs.classPathWith(classes))
            .compile(things());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("other.GuardedThings");
  }

  /**
   * Compiles {@code @PermissionMatrix("matrix.md")} on package {@code test} with the matrix on the
   * class path (a resource, as Maven's class output holds src/main/resources), and returns a
   * directory holding the classes and no matrix file.
   */
  private static Path declaredOnClassPath() throws IOException {
    Path resources = TestMatrices.sourcePath(TestMatrices.SMALL);
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new RolegateProcessor())
            .withClasspath(ClassOutputs.classPathWith(resources))
            .compile(TestMatrices.packageInfo());
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).hadNoteCount(0);
    assertThat(compilation)
        .generatedSourceFile("test.MatrixCapabilityTable")
        .contentsAsUtf8String()
        .contains(
            "builder.compiledFrom(\""
                + sha256(TestMatrices.SMALL)
                + "\", MatrixCapabilityTable.class.getResource(\"matrix.md\"));");
    Path classes = Files.createTempDirectory("rolegate-classes");
    ClassOutputs.copyClasses(compilation, classes);
    return classes;
  }

  /** Loads the compiled table from {@code classes} in a class loader of its own. */
  private static Matrix matrixIn(Path classes) throws Exception {
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, StaleMatrixTest.class.getClassLoader())) {
      return (Matrix)
          Class.forName("test.MatrixCapabilityTable", true, loader)
              .getMethod("matrix")
              .invoke(null);
    }
  }

  /** Returns {@code other.Things}: guarded, with no {@code @PermissionMatrix} of its own. */
  private static JavaFileObject things() {
    return JavaFileObjects.forSourceString(
        "other.Things",
        """
        package other;

        import dev.rolegate.annotations.RequiresPermission;
        import dev.rolegate.annotations.WorkspaceId;

        public interface Things {
          @RequiresPermission("VIEW_THINGS")
          void look(@WorkspaceId String workspace);
        }
        """);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
