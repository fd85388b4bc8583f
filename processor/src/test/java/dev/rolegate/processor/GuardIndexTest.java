package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rolegate.processor.ClassOutputs.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.rolegate.runtime.GuardIndex;
import dev.rolegate.runtime.GuardedMethod;
import dev.rolegate.runtime.GuardedType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The guard index ({@code META-INF/rolegate/guard-index}): its exact content, its agreement with
 * the runtime's reader, determinism, nested and generic types, and that a compilation guarding
 * nothing writes none ({@link AccessReportTest} shows that a failed compilation writes none).
 */
class GuardIndexTest {
  private static final String PATH = "META-INF/rolegate/guard-index";

  private static final String OUTER =
      """
      package test;
      import dev.rolegate.annotations.*;
      public class Outer {
        public interface Inner<T extends CharSequence> {
          @RequiresPermission(Permissions.VIEW_THINGS)
          T find(@WorkspaceId String ws, T key, Outer.Key[][] keys, java.util.Map<String, T> all);
        }
        public static class Key {}
      }
      """;

  private static Compilation compile(List<JavaFileObject> sources) {
    return TestMatrices.compiler(TestMatrices.sourcePath(TestMatrices.SMALL)).compile(sources);
  }

  private static Optional<String> index(Compilation compilation) {
    return read(compilation, PATH);
  }

  @Test
  void smallService_index_isExact() {
    Compilation compilation = compile(ReportedServices.sources());
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(ReportedServices.expected("small-guard-index"), index(compilation).orElseThrow());
  }

  @Test
  void runtimeReader_readsWhatTheProcessorWrites() {
    Compilation compilation = compile(ReportedServices.sources());
    assertThat(compilation).succeededWithoutWarnings();
    GuardIndex index = GuardIndex.parse(PATH, index(compilation).orElseThrow());
    assertEquals(
        List.of("test.Alpha", "test.Things"),
        index.types().stream().map(GuardedType::typeName).toList());
    GuardedType things = index.find("test.Things").orElseThrow();
    assertEquals("test.GuardedThings", things.guardName());
    assertEquals("Test Matrix", things.matrixName());
    assertEquals(7, things.methods().size());
    GuardedMethod secret = things.methods().get(2);
    assertEquals("secret(test.ThingRef)", secret.signature());
    assertEquals(GuardedMethod.Mode.ANY_OF, secret.mode());
    assertEquals(List.of("VIEW_SECRETS", "EDIT_ACCOUNT"), secret.permissions());
    assertEquals(GuardedMethod.WorkspaceSource.CARRIER, secret.workspaceSource());
    assertEquals(0, secret.workspaceParameter());
    assertEquals("workspace", secret.workspaceAccessor());
    GuardedMethod purge = things.methods().get(5);
    assertEquals(GuardedMethod.WorkspaceSource.BOUND, purge.workspaceSource());
    assertEquals(-1, purge.workspaceParameter());
    GuardedMethod ping = things.methods().get(6);
    assertEquals(GuardedMethod.Mode.UNGUARDED, ping.mode());
    assertTrue(ping.permissions().isEmpty());
  }

  /**
   * Without its module's index, the runtime recognizes each generated guard (interface, nested,
   * with a {@code $} in a simple name, and class guards) as the guard the index names for its type.
   * The index and the access report are the compilation's only resources.
   */
  @Test
  void runtimeFindsEachGeneratedGuard_ofATypeMissingFromTheIndex() {
    List<JavaFileObject> sources = new ArrayList<>(ReportedServices.sources());
    sources.add(JavaFileObjects.forSourceString("test.Outer", OUTER));
    sources.add(JavaFileObjects.forSourceString("test.Ledger", ReportedServices.LEDGER));
    sources.add(
        JavaFileObjects.forSourceString(
            "test.Versions",
            """
            package test;
            import dev.rolegate.annotations.*;
            public interface Versions {
              interface Api$V2 {
                @RequiresPermission(Permissions.VIEW_THINGS)
                String get(@WorkspaceId String ws);
              }
            }
            """));
    Compilation compilation = compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    GuardIndex whole = GuardIndex.parse(PATH, index(compilation).orElseThrow());
    GuardIndex lost = GuardIndex.parse("merged", GuardIndex.HEADER + "\n");
    GeneratedCode code = GeneratedCode.of(compilation);
    List<String> names =
        List.of(
            "test.Alpha", "test.Ledger", "test.Outer$Inner", "test.Things", "test.Versions$Api$V2");
    assertEquals(names, whole.types().stream().map(GuardedType::typeName).toList());
    assertEquals(
        "test.GuardedVersions_Api$V2",
        whole.find("test.Versions$Api$V2").orElseThrow().guardName());
    for (String name : names) {
      Class<?> type = code.load(name);
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> lost.find(type));
      assertTrue(
          e.getMessage()
              .startsWith(
                  name
                      + " is guarded by "
                      + whole.find(name).orElseThrow().guardName()
                      + " but in no guard index read (merged): "),
          e.getMessage());
    }
    assertTrue(lost.find(code.load("test.ThingRef")).isEmpty());
    assertEquals(
        List.of(),
        compilation.generatedFiles().stream()
            .map(file -> file.toUri().getPath())
            .filter(path -> path.contains("META-INF/rolegate/") && !path.endsWith("/guard-index"))
            .filter(path -> !path.contains("/access-report."))
            .toList());
  }

  @Test
  void nestedGenericType_isListedByBinaryName_withErasedParameters() {
    List<JavaFileObject> sources = new ArrayList<>(ReportedServices.sources());
    sources.add(JavaFileObjects.forSourceString("test.Outer", OUTER));
    Compilation compilation = compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    String text = index(compilation).orElseThrow();
    assertTrue(
        text.contains(
            "type test.Outer$Inner test.GuardedOuter_Inner interface Test Matrix\n"
                + "method find java.lang.String,java.lang.CharSequence,test.Outer$Key[][],java.util.Map"
                + " allOf VIEW_THINGS parameter:0\n"),
        text);
    // Sorted by binary name: Alpha, Outer$Inner, Things.
    assertTrue(
        text.indexOf("type test.Alpha") < text.indexOf("type test.Outer$Inner")
            && text.indexOf("type test.Outer$Inner") < text.indexOf("type test.Things"),
        text);
  }

  @Test
  void twoCompilations_andReversedSourceOrder_giveIdenticalIndexes() {
    String first = index(compile(ReportedServices.sources())).orElseThrow();
    assertEquals(first, index(compile(ReportedServices.sources())).orElseThrow());
    List<JavaFileObject> reversed = new ArrayList<>(ReportedServices.sources());
    Collections.reverse(reversed);
    assertEquals(first, index(compile(reversed)).orElseThrow());
  }

  /**
   * The processor is registered as aggregating (see {@link IncrementalMetadataTest}); Gradle then
   * rewrites every aggregated output when a guarded type changes. The index must still name every
   * type it describes as an originating element (and nothing else), as the access report does, so
   * that a build tool that does track origins keeps it in step.
   */
  @Test
  void index_originatesFromEveryGuardedType_andIsWrittenOnce() {
    Map<String, List<String>> origins = new TreeMap<>();
    List<ProcessingEnvironment> javac = new ArrayList<>();
    // The recording proxy is no javac environment: the Trees API (which checks workspace
    // carriers) is asked of javac's own.
    RolegateProcessor rolegate = new RolegateProcessor(service -> {}, wrapped -> javac.get(0));
    Processor recording =
        new AbstractProcessor() {
          @Override
          public synchronized void init(ProcessingEnvironment env) {
            super.init(env);
            javac.add(env);
            Filer filer = recordingFiler(env.getFiler(), origins);
            rolegate.init(
                (ProcessingEnvironment)
                    Proxy.newProxyInstance(
                        getClass().getClassLoader(),
                        new Class<?>[] {ProcessingEnvironment.class},
                        (proxy, method, args) ->
                            method.getName().equals("getFiler")
                                ? filer
                                : invoke(method, env, args)));
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
          public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return rolegate.process(annotations, round);
          }
        };
    Compilation compilation =
        Compiler.javac()
            .withProcessors(recording)
            .withOptions("-sourcepath", TestMatrices.sourcePath(TestMatrices.SMALL).toString())
            .compile(ReportedServices.sources());
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(List.of("test.Alpha", "test.Things"), origins.get(PATH));
    assertEquals(origins.get("META-INF/rolegate/access-report.json"), origins.get(PATH));
  }

  private static Filer recordingFiler(Filer filer, Map<String, List<String>> origins) {
    return (Filer)
        Proxy.newProxyInstance(
            GuardIndexTest.class.getClassLoader(),
            new Class<?>[] {Filer.class},
            (proxy, method, args) -> {
              if (method.getName().equals("createResource")) {
                List<String> names = new ArrayList<>();
                for (Element element : (Element[]) args[3]) {
                  names.add(
                      ((javax.lang.model.element.QualifiedNameable) element)
                          .getQualifiedName()
                          .toString());
                }
                List<String> earlier =
                    origins.put((String) ((CharSequence) args[2]).toString(), names);
                assertEquals(null, earlier, "written twice: " + args[2]);
              }
              return invoke(method, filer, args);
            });
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void classGuard_finalAndNonFinalUnguardedMethods_bothListed() {
    Compilation compilation =
        compile(
            List.of(
                JavaFileObjects.forSourceString(
                    "test.package-info",
                    "@dev.rolegate.annotations.PermissionMatrix(\"matrix.md\")\npackage test;\n"),
                JavaFileObjects.forSourceString("test.Ledger", ReportedServices.LEDGER)));
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(
        index(compilation)
            .orElseThrow()
            .endsWith(
                "type test.Ledger test.GuardedLedger class Test Matrix\n"
                    + "method balance - allOf VIEW_ACCOUNT none\n"
                    + "method name - unguarded - none\n"
                    + "method kind - unguarded - none\n"),
        index(compilation).orElseThrow());
  }

  @Test
  void compilationThatGuardsNothing_writesNoIndex() {
    Compilation compilation =
        compile(
            List.of(
                JavaFileObjects.forSourceString(
                    "test.package-info",
                    "@dev.rolegate.annotations.PermissionMatrix(\"matrix.md\")\npackage test;\n")));
    assertThat(compilation).succeededWithoutWarnings();
    assertFalse(index(compilation).isPresent());
  }
}
