package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Generated code compared with reviewed goldens under {@code
 * src/test/resources/goldens/GoldenTest/<test>/}, byte for byte. Run with the environment variable
 * {@code GOLDEN_ROOT} set to {@code src/test/resources/goldens} to rewrite them, then review the
 * diff.
 */
class GoldenTest {
  @Test
  void smallMatrix_guardConstantsAndTable() throws IOException {
    JavaFileObject service =
        JavaFileObjects.forSourceString(
            "test.Things",
            """
        package test;
        import dev.rolegate.annotations.*;
        import java.util.List;
        public interface Things<T> {
          @RequiresPermission(Permissions.VIEW_THINGS)
          List<T> list(@WorkspaceId String workspace, int... limits);
          @RequiresPermission({Permissions.EDIT_THINGS, Permissions.VIEW_SECRETS})
          void edit(@WorkspaceId String workspace, T thing) throws java.io.IOException;
          @RequiresPermission(anyOf = {Permissions.VIEW_SECRETS, Permissions.EDIT_ACCOUNT})
          @BoundWorkspace
          <R> R secret(String delegate, java.util.function.Function<String, R> source);
          @RequiresPermission(Permissions.DELETE_THINGS)
          boolean delete(@WorkspaceId ThingRef ref);
          @RequiresPermission(Permissions.EDIT_ACCOUNT)
          void rename(@AccountId java.util.UUID account, String workspace);
          @RequiresPermission({Permissions.DELETE_THINGS, Permissions.EDIT_ACCOUNT})
          boolean purge(@AccountId AccountRef account, @WorkspaceId ThingRef e);
          @RequiresPermission(Permissions.VIEW_ACCOUNT)
          @BoundAccount
          String plan();
          @Unguarded(reason = "liveness probe")
          String ping();
        }
        """);
    JavaFileObject carrier =
        JavaFileObjects.forSourceString(
            "test.ThingRef",
            """
        package test;
        public record ThingRef(@dev.rolegate.annotations.WorkspaceId String workspace, String id) {}
        """);
    JavaFileObject accountCarrier =
        JavaFileObjects.forSourceString(
            "test.AccountRef",
            """
        package test;
        public record AccountRef(@dev.rolegate.annotations.AccountId java.util.UUID account) {}
        """);
    Compilation compilation =
        TestMatrices.compiler(TestMatrices.sourcePath(TestMatrices.SMALL))
            .compile(
                JavaFileObjects.forSourceString(
                    "test.package-info",
                    "@dev.rolegate.annotations.PermissionMatrix(\"matrix.md\")\npackage test;\n"),
                service,
                carrier,
                accountCarrier);
    assertThat(compilation).succeededWithoutWarnings();
    for (String name :
        List.of(
            "test.GuardedThings",
            "test.MatrixCapabilityTable",
            "test.Permissions",
            "test.WorkspaceRoles",
            "test.AccountRoles",
            "dev.rolegate.matrices.Matrix_test")) {
      compare(compilation, "smallMatrix_guardConstantsAndTable", name);
    }
  }

  @Test
  void classGuard_subclassWithConstructorsAndChecks() throws IOException {
    JavaFileObject service =
        JavaFileObjects.forSourceString(
            "test.Ledger",
            """
        package test;
        import dev.rolegate.annotations.*;
        import java.util.List;
        public class Ledger<T> {
          public Ledger(String name, String... tags) {}
          protected <S extends CharSequence> Ledger(S id) throws java.io.IOException {}
          @RequiresPermission(Permissions.VIEW_THINGS)
          public List<T> entries(@WorkspaceId String workspace, int limit) { return List.of(); }
          @RequiresPermission(Permissions.EDIT_THINGS)
          protected void post(@WorkspaceId ThingRef ref, T entry) throws java.io.IOException {}
          @RequiresPermission(Permissions.EDIT_ACCOUNT)
          synchronized int audit(@AccountId String SOURCE) { return 0; }
          @Unguarded(reason = "read-only summary")
          public final String summary() { return ""; }
          @Override public String toString() { return "ledger"; }
        }
        """);
    JavaFileObject carrier =
        JavaFileObjects.forSourceString(
            "test.ThingRef",
            """
        package test;
        public record ThingRef(@dev.rolegate.annotations.WorkspaceId String workspace, String id) {}
        """);
    Compilation compilation =
        TestMatrices.compiler(TestMatrices.sourcePath(TestMatrices.SMALL))
            .compile(
                JavaFileObjects.forSourceString(
                    "test.package-info",
                    "@dev.rolegate.annotations.PermissionMatrix(\"matrix.md\")\npackage test;\n"),
                service,
                carrier);
    assertThat(compilation).succeededWithoutWarnings();
    compare(compilation, "classGuard_subclassWithConstructorsAndChecks", "test.GuardedLedger");
  }

  @Test
  void returnValueRule_interfaceAndClassGuards() throws IOException {
    JavaFileObject tagged =
        JavaFileObjects.forSourceString(
            "test.Tagged",
            """
        package test;
        import dev.rolegate.annotations.*;
        @SuppressWarnings("ReturnsGuardedType")
        public interface Tagged<T> {
          @RequiresPermission(Permissions.EDIT_THINGS)
          Tagged<T> withTag(@WorkspaceId String workspace, T result);
          @Unguarded(reason = "identity")
          Object self();
          @RequiresPermission(Permissions.VIEW_THINGS)
          String name(@WorkspaceId String workspace);
        }
        """);
    JavaFileObject store =
        JavaFileObjects.forSourceString(
            "test.Store",
            """
        package test;
        import dev.rolegate.annotations.*;
        @SuppressWarnings("ReturnsGuardedType")
        @RequiresPermission(Permissions.EDIT_ACCOUNT)
        @BoundAccount
        public class Store implements Cloneable {
          public Store copy() { return new Store(); }
          @Override public Store clone() throws CloneNotSupportedException {
            return (Store) super.clone();
          }
          public String name() { return "store"; }
        }
        """);
    Compilation compilation =
        TestMatrices.compiler(TestMatrices.sourcePath(TestMatrices.SMALL))
            .compile(
                JavaFileObjects.forSourceString(
                    "test.package-info",
                    "@dev.rolegate.annotations.PermissionMatrix(\"matrix.md\")\npackage test;\n"),
                tagged,
                store);
    assertThat(compilation).succeededWithoutWarnings();
    compare(compilation, "returnValueRule_interfaceAndClassGuards", "test.GuardedTagged");
    compare(compilation, "returnValueRule_interfaceAndClassGuards", "test.GuardedStore");
  }

  @Test
  void returnValueRule_subtypeReturns() throws IOException {
    JavaFileObject tagged =
        JavaFileObjects.forSourceString(
            "test.Tagged",
            """
        package test;
        import dev.rolegate.annotations.*;
        @SuppressWarnings("ReturnsGuardedType")
        @RequiresPermission(Permissions.VIEW_THINGS)
        public interface Tagged<T> {
          Special<T> special(@WorkspaceId String workspace);
          Plain plain(@WorkspaceId String workspace);
        }
        """);
    JavaFileObject special =
        JavaFileObjects.forSourceString(
            "test.Special",
            """
        package test;
        import dev.rolegate.annotations.*;
        @SuppressWarnings("ReturnsGuardedType")
        @RequiresPermission(Permissions.VIEW_THINGS)
        public interface Special<T> extends Tagged<T> {}
        """);
    JavaFileObject plain =
        JavaFileObjects.forSourceString(
            "test.Plain",
            """
        package test;
        public interface Plain extends Tagged<String> {}
        """);
    JavaFileObject store =
        JavaFileObjects.forSourceString(
            "test.Store",
            """
        package test;
        import dev.rolegate.annotations.*;
        @SuppressWarnings("ReturnsGuardedType")
        @RequiresPermission(Permissions.EDIT_ACCOUNT)
        @BoundAccount
        public class Store {
          public Shelf shelf() { return new Shelf(); }
        }
        """);
    JavaFileObject shelf =
        JavaFileObjects.forSourceString(
            "test.Shelf",
            """
        package test;
        public class Shelf extends Store {}
        """);
    Compilation compilation =
        TestMatrices.compiler(TestMatrices.sourcePath(TestMatrices.SMALL))
            .compile(TestMatrices.packageInfo(), tagged, special, plain, store, shelf);
    assertThat(compilation).succeededWithoutWarnings();
    compare(compilation, "returnValueRule_subtypeReturns", "test.GuardedTagged");
    compare(compilation, "returnValueRule_subtypeReturns", "test.GuardedStore");
  }

  private static void compare(Compilation compilation, String test, String name)
      throws IOException {
    String relative = "goldens/GoldenTest/" + test + "/" + name + ".java";
    String generated =
        compilation
            .generatedFile(StandardLocation.SOURCE_OUTPUT, name.replace('.', '/') + ".java")
            .orElseThrow(() -> new AssertionError("not generated: " + name))
            .getCharContent(false)
            .toString();
    String root = System.getenv("GOLDEN_ROOT");
    if (root != null) {
      Path target = Path.of(root).resolve(relative.substring("goldens/".length()));
      Files.createDirectories(target.getParent());
      Files.writeString(target, generated, StandardCharsets.UTF_8);
      return;
    }
    try (InputStream golden = GoldenTest.class.getClassLoader().getResourceAsStream(relative)) {
      assertNotNull(golden, "no golden " + relative + "; run with GOLDEN_ROOT to write it");
      // Byte for byte: formatting is part of "code a person could have written".
      assertEquals(new String(golden.readAllBytes(), StandardCharsets.UTF_8), generated, name);
    }
  }
}
