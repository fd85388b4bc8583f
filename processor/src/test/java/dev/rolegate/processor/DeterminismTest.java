package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The same input gives byte-identical generated files, whatever the order of the sources. */
class DeterminismTest {
  private static List<JavaFileObject> sources() {
    return List.of(
        JavaFileObjects.forSourceString(
            "test.package-info",
            "@dev.rolegate.annotations.PermissionMatrix(\"matrix.md\")\npackage test;\n"),
        JavaFileObjects.forSourceString(
            "test.Alpha",
            """
            package test;
            import dev.rolegate.annotations.*;
            public interface Alpha {
              @RequiresPermission({Permissions.EDIT_THINGS, Permissions.VIEW_SECRETS})
              void edit(@WorkspaceId String ws);
              @RequiresPermission(anyOf = {"VIEW_SECRETS", "EDIT_ACCOUNT"})
              String secret(@WorkspaceId String ws);
            }
            """),
        JavaFileObjects.forSourceString(
            "test.Beta",
            """
            package test;
            import dev.rolegate.annotations.*;
            public interface Beta extends Alpha {
              @RequiresPermission("DELETE_THINGS")
              void delete(@WorkspaceId String ws);
              @RequiresPermission("EDIT_THINGS")
              void move(@WorkspaceId Ref ref, String workspace);
              @RequiresPermission("VIEW_THINGS")
              @BoundWorkspace
              void look();
              @Unguarded(reason = "probe")
              void ping();
            }
            """),
        JavaFileObjects.forSourceString(
            "test.Gamma",
            """
            package test;
            import dev.rolegate.annotations.*;
            public class Gamma<T> {
              public Gamma(T seed, String... tags) {}
              @RequiresPermission("EDIT_THINGS")
              protected T edit(@WorkspaceId Ref ref) { return null; }
              @RequiresPermission("VIEW_THINGS")
              public void look(@WorkspaceId String ws) {}
            }
            """),
        JavaFileObjects.forSourceString(
            "test.Ref",
            """
            package test;
            import dev.rolegate.annotations.WorkspaceId;
            public record Ref(@WorkspaceId String workspace, String id) {}
            """));
  }

  private static Map<String, byte[]> generated(List<JavaFileObject> sources, Path matrix) {
    Compilation compilation = TestMatrices.compiler(matrix).compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    Map<String, byte[]> files = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        try (InputStream in = file.openInputStream()) {
          files.put(file.getName(), in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return files;
  }

  @Test
  void twoCompilations_andReversedSourceOrder_giveIdenticalFiles() {
    Path matrix = TestMatrices.sourcePath(TestMatrices.SMALL);
    Map<String, byte[]> first = generated(sources(), matrix);
    Map<String, byte[]> second = generated(sources(), matrix);
    List<JavaFileObject> reversed = new ArrayList<>(sources());
    Collections.reverse(reversed);
    Map<String, byte[]> third = generated(reversed, matrix);
    assertTrue(
        first
            .keySet()
            .containsAll(
                List.of(
                    "/SOURCE_OUTPUT/test/GuardedAlpha.java",
                    "/SOURCE_OUTPUT/test/GuardedBeta.java",
                    "/SOURCE_OUTPUT/test/GuardedGamma.java",
                    "/SOURCE_OUTPUT/test/MatrixCapabilityTable.java",
                    "/SOURCE_OUTPUT/test/Permissions.java",
                    "/CLASS_OUTPUT/META-INF/services/dev.rolegate.runtime.CapabilityTable")),
        first.keySet().toString());
    for (Map<String, byte[]> other : List.of(second, third)) {
      assertEquals(first.keySet(), other.keySet());
      first.forEach(
          (name, bytes) -> assertEquals(new String(bytes), new String(other.get(name)), name));
    }
  }
}
