package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rolegate.processor.CompilationAssertions.assertOneError;
import static dev.rolegate.processor.CompilationAssertions.assertWarningAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.rolegate.processor.GeneratedCode.Recorder;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.Principal;
import java.io.File;
import java.io.IOException;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The processor under the constraints of Gradle's incremental Java compilation, emulated: Gradle
 * cannot run here, so each test stands in for one thing it does.
 *
 * <ul>
 *   <li>Gradle hands an incremental processor a {@code ProcessingEnvironment} of its own that holds
 *       javac's in a field and returns a {@code Filer} of its own, which records what is written
 *       ({@link GradleProcessor}, as Gradle's {@code AggregatingProcessor} wraps the one {@code
 *       init} receives). Every test runs through it.
 *   <li>Gradle recompiles everything when an aggregating processor is handed an annotation of
 *       source retention, or writes a resource outside the class and source outputs: the wrapper
 *       records both as a full-rebuild cause, and every successful test asserts there is none.
 *   <li>Gradle compiles with an empty source path, and its resources ({@code src/main/resources})
 *       reach the class output only after compilation: the tests pass {@code -sourcepath} an empty
 *       directory and keep the matrix outside every location the Filer searches. The matrix is then
 *       found through {@code -Arolegate.matrix} ({@link
 *       #matrixOutsideEveryFilerLocation_foundThroughTheOption_guardsGeneratedAndRun}), and without
 *       it {@code [MatrixNotFound]} says where it looked and names the option.
 *   <li>javac's Trees API refuses Gradle's environment: {@code [UncoveredGuardedCall]} is still
 *       reported through it.
 *   <li>An incremental compilation recompiles the changed sources and hands an aggregating
 *       processor the unchanged types it saw before by name ({@code JavaCompiler.getTask}'s
 *       classes), loaded from the previous class output, which Gradle puts on the class path: a
 *       workspace carrier handed so has no syntax tree, and is checked on its class file.
 * </ul>
 */
class GradleConstraintsTest {
  private static final String THINGS =
      """
      public interface Things {
        @RequiresPermission("VIEW_THINGS")
        String look(@WorkspaceId String ws);
        @RequiresPermission("DELETE_THINGS")
        void delete(@WorkspaceId String ws);
      }
      """;

  @Test
  void matrixOutsideEveryFilerLocation_foundThroughTheOption_guardsGeneratedAndRun()
      throws Throwable {
    GradleProcessor gradle = new GradleProcessor();
    JavaFileObject things = TestMatrices.source("Things", THINGS);

    Path matrix = project();
    Compilation compilation =
        gradleCompiler(gradle, "-Arolegate.matrix=" + matrix)
            .compile(TestMatrices.packageInfo(), things);

    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(List.of(), gradle.fullRebuildCauses);
    assertTrue(
        gradle.writtenTypes.containsAll(List.of("test.Permissions", "test.GuardedThings")),
        gradle.writtenTypes::toString);
    assertEquals(
        List.of(
            "CLASS_OUTPUT:META-INF/rolegate/access-report.json",
            "CLASS_OUTPUT:META-INF/rolegate/access-report.md",
            "CLASS_OUTPUT:META-INF/rolegate/guard-index"),
        gradle.writtenResources.stream()
            .filter(name -> name.contains("rolegate/"))
            .sorted()
            .toList());
    // At run time Gradle puts src/main/resources beside the classes: the table finds its file.
    GeneratedCode code = GeneratedCode.of(compilation, matrix.getParent().getParent());
    Recorder delegate =
        new Recorder((method, args) -> method.getName().equals("look") ? "seen" : null);
    Principal viewer = code.inWorkspace("VIEWER");
    Object guard = code.guard("test.Things", "test.GuardedThings", delegate, () -> viewer);
    assertEquals("seen", GeneratedCode.call(guard, "look", "ws"));
    assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(guard, "delete", "ws"));
    assertEquals(List.of("look"), delegate.calls);
  }

  @Test
  void noOption_matrixNotFound_listsThePlacesLookedAndNamesTheOption() throws IOException {
    GradleProcessor gradle = new GradleProcessor();
    project();
    JavaFileObject packageInfo = TestMatrices.packageInfo();

    Compilation compilation =
        gradleCompiler(gradle).compile(packageInfo, TestMatrices.source("Things", THINGS));

    assertOneError(
        compilation,
        "[MatrixNotFound] @PermissionMatrix(\"matrix.md\")"
            + " names a file that was not found; looked in: SOURCE_PATH/test/matrix.md,"
            + " CLASS_OUTPUT/test/matrix.md, CLASS_PATH/test/matrix.md. Put the file under"
            + " src/main/resources/test, where it ships beside the classes, or name it with the"
            + " compiler option -Arolegate.matrix=<path> (Gradle needs the option: it compiles with an"
            + " empty source path and keeps resources out of the class output)",
        packageInfo,
        "@PermissionMatrix(");
  }

  @Test
  void uncoveredGuardedCall_reportedThroughGradlesEnvironment() throws IOException {
    GradleProcessor gradle = new GradleProcessor();
    JavaFileObject things =
        TestMatrices.source(
            "Things",
            """
        public interface Things {
          @RequiresPermission("DELETE_THINGS")
          void delete(@WorkspaceId String ws);
          @RequiresPermission("VIEW_THINGS")
          default void tidy(@WorkspaceId String ws) {
            delete(ws);
          }
        }
        """);

    Compilation compilation =
        gradleCompiler(gradle, "-Arolegate.matrix=" + project())
            .compile(TestMatrices.packageInfo(), things);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertWarningAt(
        compilation,
        "[UncoveredGuardedCall] Things.tidy() requires VIEW_THINGS but"
            + " calls Things.delete(), which requires DELETE_THINGS.",
        things,
        "delete(ws);",
        7);
    assertEquals(List.of(), gradle.fullRebuildCauses);
  }

  @Test
  void sourceCarrier_verifiedThroughGradlesEnvironment() throws IOException {
    GradleProcessor gradle = new GradleProcessor();
    JavaFileObject things =
        TestMatrices.source(
            "Things",
            """
        record Ref(@WorkspaceId String workspace) {}

        final class Moving {
          private String workspace = "ws";
          @WorkspaceId public String workspace() { return workspace; }
        }

        public interface Things {
          @RequiresPermission("VIEW_THINGS")
          void look(@WorkspaceId Ref ref);
          @RequiresPermission("VIEW_THINGS")
          void move(
              @WorkspaceId Moving moving);
        }
        """);

    Compilation compilation =
        gradleCompiler(gradle, "-Arolegate.matrix=" + project())
            .compile(TestMatrices.packageInfo(), things);

    // The record passes (read from its tree, not refused for want of one); the class does not.
    assertOneError(
        compilation,
        "[UnstableWorkspaceCarrier] @WorkspaceId on"
            + " parameter moving of move() of type test.Moving, whose @WorkspaceId accessor"
            + " Moving.workspace() returns field workspace, which is not final",
        things,
        "Moving moving");
  }

  @Test
  void incrementalBuild_stableCarrierHandedByName_isAllowed() throws IOException {
    Incremental build = new Incremental("public record Ref(@WorkspaceId String workspace) {}\n");

    DiagnosticCollector<JavaFileObject> second = build.recompileWithThings();

    assertEquals(List.of(), messages(second, Diagnostic.Kind.ERROR));
    assertEquals(List.of(), messages(second, Diagnostic.Kind.WARNING));
    assertTrue(Files.exists(build.classes.resolve("test/GuardedThings.class")));
    assertEquals(List.of(), build.gradle.fullRebuildCauses);
  }

  @Test
  void incrementalBuild_unstableCarrierHandedByName_isRefusedOnItsClassFile() throws IOException {
    Incremental build =
        new Incremental(
            """
        public final class Ref {
          private String workspace = "ws";
          @WorkspaceId public String workspace() { return workspace; }
        }
        """);

    DiagnosticCollector<JavaFileObject> second = build.recompileWithThings();

    List<Diagnostic<? extends JavaFileObject>> errors =
        second.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    assertEquals(1, errors.size(), errors::toString);
    String message = errors.get(0).getMessage(Locale.ROOT);
    assertTrue(
        message.startsWith(
            "[UnstableWorkspaceCarrier] @WorkspaceId on parameter ref of"
                + " look() of type test.Ref, whose @WorkspaceId accessor Ref.workspace() does not just"
                + " return a final field of Ref (it comes from the class path, so its code was read: "),
        message);
    assertTrue(errors.get(0).getSource().getName().endsWith("Things.java"));
    assertEquals(5, errors.get(0).getLineNumber());
  }

  /**
   * A first build of {@code package-info} and the carrier {@code test.Ref}, then a second that
   * compiles a new {@code Things} using it while Gradle hands the processor the types it aggregated
   * before by name.
   */
  private static final class Incremental {
    final Path classes;
    final Path generated;
    final Path matrix;
    final GradleProcessor gradle = new GradleProcessor();

    Incremental(String carrier) throws IOException {
      classes = Files.createTempDirectory("rolegate-gradle-classes");
      generated = Files.createTempDirectory("rolegate-gradle-generated");
      matrix = project();
      DiagnosticCollector<JavaFileObject> first =
          javac(
              List.of(),
              List.of(
                  TestMatrices.packageInfo(),
                  JavaFileObjects.forSourceString(
                      "test.Ref",
                      "package test;\n\nimport dev.rolegate.annotations.WorkspaceId;\n\n"
                          + carrier)),
              new GradleProcessor());
      assertEquals(List.of(), messages(first, Diagnostic.Kind.ERROR));
      assertTrue(Files.exists(classes.resolve("test/Ref.class")));
    }

    DiagnosticCollector<JavaFileObject> recompileWithThings() throws IOException {
      JavaFileObject things =
          JavaFileObjects.forSourceString(
              "test.Things",
              """
          package test;
          import dev.rolegate.annotations.*;
          public interface Things {
            @RequiresPermission("VIEW_THINGS")
            void look(@WorkspaceId Ref ref);
          }
          """);
      // Gradle deletes what the aggregating processor wrote before, which it writes again.
      try (Stream<Path> written = Files.walk(generated)) {
        for (Path file : written.filter(Files::isRegularFile).toList()) {
          String relative = generated.relativize(file).toString();
          Files.delete(file);
          Files.deleteIfExists(
              classes.resolve(relative.substring(0, relative.length() - 5) + ".class"));
        }
      }
      // The package-info is compiled again from source: javac's task takes no package-info by name.
      return javac(List.of("test.Ref"), List.of(TestMatrices.packageInfo(), things), gradle);
    }

    private DiagnosticCollector<JavaFileObject> javac(
        List<String> classNames, List<JavaFileObject> sources, Processor processor)
        throws IOException {
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager files =
          compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
        List<File> classPath = new ArrayList<>(ClassOutputs.classPathWith(classes));
        files.setLocation(StandardLocation.CLASS_PATH, classPath);
        files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
        files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
        JavaCompiler.CompilationTask task =
            compiler.getTask(
                null,
                files,
                diagnostics,
                List.of(
                    "-sourcepath",
                    ClassOutputs.emptyDirectory().toString(),
                    "-Arolegate.matrix=" + matrix),
                classNames,
                sources);
        task.setProcessors(List.of(processor));
        task.call();
      }
      return diagnostics;
    }
  }

  private static List<String> messages(
      DiagnosticCollector<JavaFileObject> diagnostics, Diagnostic.Kind kind) {
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == kind)
        .map(d -> d.getMessage(Locale.ROOT))
        .toList();
  }

  /** A compiler running {@code gradle}, with an empty source path, and {@code options}. */
  private static Compiler gradleCompiler(GradleProcessor gradle, String... options)
      throws IOException {
    List<String> all =
        new ArrayList<>(List.of("-sourcepath", ClassOutputs.emptyDirectory().toString()));
    all.addAll(List.of(options));
    return Compiler.javac().withProcessors(gradle).withOptions(all);
  }

  /**
   * Writes a Gradle project's matrix, {@code src/main/resources/test/matrix.md}, where no Filer
   * location reaches it, and returns its absolute path.
   */
  private static Path project() throws IOException {
    Path resources =
        Files.createTempDirectory("rolegate-gradle-project").resolve("src/main/resources/test");
    Files.createDirectories(resources);
    Path matrix = resources.resolve("matrix.md");
    Files.writeString(matrix, TestMatrices.SMALL, StandardCharsets.UTF_8);
    return matrix.toAbsolutePath();
  }

  /**
   * Wraps rolegate as Gradle wraps an aggregating processor: {@code init} receives javac's
   * environment and hands rolegate {@link GradleEnvironment}; each round's annotations of source
   * retention are recorded, as Gradle records them as the cause of a full rebuild.
   */
  private static final class GradleProcessor implements Processor {
    private final RolegateProcessor rolegate = new RolegateProcessor();
    final List<String> fullRebuildCauses = new ArrayList<>();
    final List<String> writtenTypes = new ArrayList<>();
    final List<String> writtenResources = new ArrayList<>();

    @Override
    public Set<String> getSupportedOptions() {
      return rolegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return rolegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return rolegate.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment env) {
      rolegate.init(new GradleEnvironment(env, new GradleFiler(env.getFiler(), this)));
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      for (TypeElement annotation : annotations) {
        Retention retention = annotation.getAnnotation(Retention.class);
        if (retention != null && retention.value() == RetentionPolicy.SOURCE) {
          fullRebuildCauses.add("'@" + annotation.getSimpleName() + "' has source retention");
        }
      }
      return rolegate.process(annotations, round);
    }

    @Override
    public Iterable<? extends Completion> getCompletions(
        Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
      return rolegate.getCompletions(element, annotation, member, userText);
    }
  }

  /** Holds javac's environment in a field and returns its own Filer, as Gradle's does. */
  private static final class GradleEnvironment implements ProcessingEnvironment {
    private final ProcessingEnvironment delegate;
    private final Filer filer;

    GradleEnvironment(ProcessingEnvironment delegate, Filer filer) {
      this.delegate = delegate;
      this.filer = filer;
    }

    @Override
    public Map<String, String> getOptions() {
      return delegate.getOptions();
    }

    @Override
    public Messager getMessager() {
      return delegate.getMessager();
    }

    @Override
    public Filer getFiler() {
      return filer;
    }

    @Override
    public Elements getElementUtils() {
      return delegate.getElementUtils();
    }

    @Override
    public Types getTypeUtils() {
      return delegate.getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
      return delegate.getSourceVersion();
    }

    @Override
    public Locale getLocale() {
      return delegate.getLocale();
    }
  }

  /**
   * Records what is written, as Gradle's Filer does; a resource outside the class and source
   * outputs is a full-rebuild cause. Reads pass straight through, untracked.
   */
  private static final class GradleFiler implements Filer {
    private final Filer delegate;
    private final GradleProcessor gradle;

    GradleFiler(Filer delegate, GradleProcessor gradle) {
      this.delegate = delegate;
      this.gradle = gradle;
    }

    @Override
    public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements)
        throws IOException {
      gradle.writtenTypes.add(name.toString());
      return delegate.createSourceFile(name, originatingElements);
    }

    @Override
    public JavaFileObject createClassFile(CharSequence name, Element... originatingElements)
        throws IOException {
      gradle.writtenTypes.add(name.toString());
      return delegate.createClassFile(name, originatingElements);
    }

    @Override
    public FileObject createResource(
        JavaFileManager.Location location,
        CharSequence pkg,
        CharSequence relativeName,
        Element... originatingElements)
        throws IOException {
      FileObject resource =
          delegate.createResource(location, pkg, relativeName, originatingElements);
      if (location != StandardLocation.CLASS_OUTPUT && location != StandardLocation.SOURCE_OUTPUT) {
        gradle.fullRebuildCauses.add(location + " is not supported for incremental processing");
      }
      gradle.writtenResources.add(
          location.getName()
              + ":"
              + (pkg.length() == 0 ? "" : pkg.toString().replace('.', '/') + "/")
              + relativeName);
      return resource;
    }

    @Override
    public FileObject getResource(
        JavaFileManager.Location location, CharSequence pkg, CharSequence relativeName)
        throws IOException {
      return delegate.getResource(location, pkg, relativeName);
    }
  }
}
