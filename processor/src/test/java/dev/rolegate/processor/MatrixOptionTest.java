package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rolegate.processor.ClassOutputs.emptyDirectory;
import static dev.rolegate.processor.CompilationAssertions.assertErrorAtColumn;
import static dev.rolegate.processor.CompilationAssertions.assertOneError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor option {@code -Arolegate.matrix=<path>}: it names the file of the compilation's
 * {@code @PermissionMatrix} package (absolute, or relative to the compiler's working directory) in
 * place of the Filer search; an unreadable one is {@code [MatrixNotFound]} naming the option, and
 * one that no {@code @PermissionMatrix} package uses is the note {@code [MatrixOptionUnused]}.
 */
class MatrixOptionTest {
  private static final String ON_LINE = "@PermissionMatrix(";
  private static final int VALUE_COLUMN = 19;

  @Test
  void option_replacesTheFilerSearch() throws IOException {
    Path sourcePath = TestMatrices.sourcePath("# Broken\n\n| Permission | Level |\n");
    Path matrix = matrixFile(TestMatrices.SMALL);

    Compilation named =
        compiler(sourcePath, "-Arolegate.matrix=" + matrix).compile(TestMatrices.packageInfo());
    Compilation searched = compiler(sourcePath).compile(TestMatrices.packageInfo());

    assertThat(named).succeededWithoutWarnings();
    assertThat(named)
        .generatedSourceFile("test.Permissions")
        .contentsAsUtf8String()
        .contains("VIEW_SECRETS");
    // The same compilation without the option reads the broken file on the source path.
    assertThat(searched).failed();
    assertThat(searched).hadErrorContaining("[MatrixSyntax] matrix.md:");
  }

  @Test
  void option_generatesWhatTheFilerSearchGenerates() throws IOException {
    Compilation named =
        compiler(emptyDirectory(), "-Arolegate.matrix=" + matrixFile(TestMatrices.SMALL))
            .compile(TestMatrices.packageInfo());
    // Found as a class path resource, the file ships, as the option's file is taken to.
    Compilation searched =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(new RolegateProcessor())
            .withClasspath(ClassOutputs.classPathWith(TestMatrices.sourcePath(TestMatrices.SMALL)))
            .compile(TestMatrices.packageInfo());

    assertThat(named).succeededWithoutWarnings();
    assertThat(searched).succeededWithoutWarnings();
    assertEquals(5, searched.generatedSourceFiles().size());
    for (JavaFileObject file : searched.generatedSourceFiles()) {
      String name = file.getName().substring(file.getName().indexOf("SOURCE_OUTPUT/") + 14);
      assertEquals(
          file.getCharContent(true).toString(),
          named.generatedSourceFiles().stream()
              .filter(other -> other.getName().endsWith("/" + name))
              .findFirst()
              .orElseThrow()
              .getCharContent(true)
              .toString(),
          name);
    }
  }

  @Test
  void option_fileWhereTheTableLooks_noNote() throws IOException {
    Compilation compilation =
        compiler(emptyDirectory(), "-Arolegate.matrix=" + matrixFile(TestMatrices.SMALL))
            .compile(TestMatrices.packageInfo());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).hadNoteCount(0);
  }

  @Test
  void option_fileElsewhere_noteSaysWhereTheTableLooks() throws IOException {
    Path elsewhere = Files.createTempDirectory("rolegate-config").resolve("acme-matrix.md");
    Files.writeString(elsewhere, TestMatrices.SMALL, StandardCharsets.UTF_8);
    JavaFileObject packageInfo = TestMatrices.packageInfo();

    Compilation compilation =
        compiler(emptyDirectory(), "-Arolegate.matrix=" + elsewhere).compile(packageInfo);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).hadNoteCount(1);
    assertThat(compilation)
        .hadNoteContaining(
            "[MatrixOptionPath] -Arolegate.matrix="
                + elsewhere
                + " does not end"
                + " with test/matrix.md, the class path resource that the compiled table compares"
                + " itself with when it loads, so unless the build ships the file there the table"
                + " refuses to load (StaleMatrixError). Keep the matrix at"
                + " src/main/resources/test/matrix.md and name that file")
        .inFile(packageInfo)
        .onLineContaining("@PermissionMatrix(");
  }

  @Test
  void option_relativePath_isResolvedAgainstTheWorkingDirectory() throws IOException {
    Path directory = Files.createDirectories(Path.of("target", "matrix-option"));
    Path matrix = Files.createTempFile(directory, "matrix", ".md");
    Files.writeString(matrix, TestMatrices.SMALL, StandardCharsets.UTF_8);
    String relative = Path.of("").toAbsolutePath().relativize(matrix.toAbsolutePath()).toString();

    Compilation compilation =
        compiler(emptyDirectory(), "-Arolegate.matrix=" + relative)
            .compile(TestMatrices.packageInfo());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.MatrixCapabilityTable");
  }

  @Test
  void option_missingFile_matrixNotFoundNamesTheOptionAndItsValue() throws IOException {
    Path missing = emptyDirectory().resolve("nowhere.md");
    JavaFileObject packageInfo = TestMatrices.packageInfo();

    Compilation compilation =
        compiler(TestMatrices.sourcePath(TestMatrices.SMALL), "-Arolegate.matrix=" + missing)
            .compile(packageInfo);

    String message =
        "[MatrixNotFound] -Arolegate.matrix="
            + missing
            + " names the matrix file"
            + " of @PermissionMatrix(\"matrix.md\"), but it cannot be read: "
            + missing
            + " (no such file). Pass the matrix file's absolute path (a relative one is resolved"
            + " against the compiler's working directory), or drop the option to have the file"
            + " looked up next to package-info.java and under the resources";
    assertOneError(compilation, message, packageInfo, ON_LINE);
    assertErrorAtColumn(compilation, message, packageInfo, ON_LINE, VALUE_COLUMN);
  }

  @Test
  void option_directory_matrixNotFoundSaysItIsOne() throws IOException {
    Path directory = emptyDirectory();
    JavaFileObject packageInfo = TestMatrices.packageInfo();

    Compilation compilation =
        compiler(emptyDirectory(), "-Arolegate.matrix=" + directory).compile(packageInfo);

    assertOneError(
        compilation,
        "but it cannot be read: "
            + directory
            + " (a directory). Pass the matrix file's absolute path",
        packageInfo,
        ON_LINE);
  }

  /**
   * The note needs a compilation in which rolegate runs: javac initializes a processor only for a
   * round holding annotations, and one that never ran has recognized no option (javac warns).
   */
  @Test
  void option_noPermissionMatrixPackage_notedOnce_andTheClassPathMatrixIsUsed() throws IOException {
    Compilation library = TestMatrices.compile();
    assertThat(library).succeeded();
    Path classes = Files.createTempDirectory("rolegate-matrix-classes");
    ClassOutputs.copyClasses(library, classes);
    Path matrix = matrixFile(TestMatrices.SMALL);
    JavaFileObject things =
        TestMatrices.source(
            "Things",
            """
        public interface Things {
          @RequiresPermission("VIEW_THINGS")
          void look(@WorkspaceId String ws);
        }
        """);

    Compilation compilation =
        compiler(emptyDirectory(), "-Arolegate.matrix=" + matrix)
            .withClasspath(ClassOutputs.classPathWith(classes))
            .compile(things);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GuardedThings");
    List<Diagnostic<? extends JavaFileObject>> notes =
        compilation.notes().stream().filter(note -> note.getMessage(null).startsWith("[")).toList();
    assertEquals(
        List.of(
            "[MatrixOptionUnused] -Arolegate.matrix="
                + matrix
                + " is set, but no"
                + " package of this compilation declares @PermissionMatrix, so the file is not read."
                + " Drop the option from this compilation, or compile the @PermissionMatrix package"
                + " whose matrix it names in it"),
        notes.stream().map(note -> note.getMessage(null)).toList());
    assertEquals(Diagnostic.NOPOS, notes.get(0).getLineNumber());
  }

  @Test
  void supportedOptions_nameTheMatrixAndAccessLockOptions() {
    assertEquals(
        Set.of(
            "rolegate.matrix",
            "rolegate.accessLock",
            "rolegate.accessLock.update",
            "rolegate.accessLock.narrowing"),
        new RolegateProcessor().getSupportedOptions());
  }

  private static Compiler compiler(Path sourcePath, String... options) {
    List<String> all = new ArrayList<>(List.of("-sourcepath", sourcePath.toString()));
    all.addAll(List.of(options));
    return Compiler.javac().withProcessors(new RolegateProcessor()).withOptions(all);
  }

  /** Writes {@code text} to a new file outside every location the Filer searches. */
  /** Writes {@code text} as {@code test/matrix.md} under a new resources root. */
  static Path matrixFile(String text) throws IOException {
    Path file = Files.createTempDirectory("rolegate-resources").resolve("test/matrix.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
