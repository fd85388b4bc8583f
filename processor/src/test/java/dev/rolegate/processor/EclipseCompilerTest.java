package dev.rolegate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.processor.EclipseCompilation.Tool;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.Diagnostic.Kind;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The processor under Eclipse's compiler (ecj) as well as javac: a guard generated and called, an
 * unknown permission and a matrix error on their lines, and the ways a service names the constants
 * of a matrix (compiled in the same compilation, or in a module of its own). Where ecj differs, the
 * test says how.
 */
class EclipseCompilerTest {
  private static final String PACKAGE_INFO =
      """
      @PermissionMatrix("matrix.md")
      package test;

      import dev.rolegate.annotations.PermissionMatrix;
      """;

  private static final String THINGS =
      """
      package test;
      import dev.rolegate.annotations.*;
      public interface Things {
        @RequiresPermission(Permissions.VIEW_THINGS) String look(@WorkspaceId String ws);
        @RequiresPermission("EDIT_THINGS") void edit(@WorkspaceId String ws);
      }
      """;

  /** Names its permissions as strings: it compiles whether or not the constants are generated. */
  private static final String THINGS_BY_NAME =
      """
      package test;
      import dev.rolegate.annotations.*;
      public interface Things {
        @RequiresPermission("VIEW_THINGS") String look(@WorkspaceId String ws);
      }
      """;

  /** {@link TestMatrices#SMALL} with its line 6 one cell short. */
  private static final String BROKEN_MATRIX =
      TestMatrices.SMALL.replace(
          "| EDIT_THINGS | workspace | write_things | VIEW_THINGS | Edit things. |",
          "| EDIT_THINGS | workspace |");

  private static final String BROKEN_MESSAGE =
      "[MatrixSyntax] matrix.md:6: this row has 2 cells"
          + " but the table header has 5; check for a missing or extra |, and write a | inside a cell"
          + " as \\|";

  @ParameterizedTest
  @EnumSource(Tool.class)
  void guard_isGeneratedAndDecides(Tool tool) throws Throwable {
    EclipseCompilation compilation =
        EclipseCompilation.compile(
            tool, TestMatrices.SMALL, "test.package-info", PACKAGE_INFO, "test.Things", THINGS);

    assertTrue(compilation.succeeded, compilation::describe);
    assertEquals(List.of(), compilation.warningsAndErrors(), compilation::describe);
    assertTrue(compilation.generatedSource("test.GuardedThings"));
    ClassLoader loader = compilation.loader();
    Matrix matrix = matrix(loader, "test.MatrixCapabilityTable");
    Object viewer =
        guard(loader, "test.Things", "test.GuardedThings", inWorkspace(matrix, "VIEWER"));
    assertEquals("looked", call(viewer, "look"));
    assertThrows(AccessDeniedException.class, () -> call(viewer, "edit"));
    Object editor =
        guard(loader, "test.Things", "test.GuardedThings", inWorkspace(matrix, "EDITOR"));
    assertNull(call(editor, "edit"));
  }

  /** javac places the error on the string literal; ecj on the whole annotation. */
  @ParameterizedTest
  @EnumSource(Tool.class)
  void unknownPermission_isReportedOnItsLine(Tool tool) {
    EclipseCompilation compilation =
        EclipseCompilation.compile(
            tool,
            TestMatrices.SMALL,
            "test.package-info",
            PACKAGE_INFO,
            "test.Things",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Things {
          @RequiresPermission("VIEW_THING") String look(@WorkspaceId String ws);
        }
        """);

    assertFalse(compilation.succeeded);
    Diagnostic<? extends JavaFileObject> error = onlyError(compilation);
    assertEquals(
        "[UnknownPermission] \"VIEW_THING\" is not a permission of matrix Test Matrix"
            + " (matrix.md). Did you mean VIEW_THINGS?",
        error.getMessage(Locale.ROOT));
    assertTrue(error.getSource().getName().endsWith("test/Things.java"), compilation::describe);
    assertEquals(4, error.getLineNumber());
    assertEquals(tool == Tool.JAVAC ? 23 : 3, error.getColumnNumber());
  }

  /**
   * javac places a matrix error on the {@code @PermissionMatrix} annotation; ecj places nothing on
   * a package, so the error goes on the package's first type. The message names the matrix line.
   */
  @ParameterizedTest
  @EnumSource(Tool.class)
  void matrixError_isReportedWithAPlace(Tool tool) {
    EclipseCompilation compilation =
        EclipseCompilation.compile(
            tool, BROKEN_MATRIX, "test.package-info", PACKAGE_INFO, "test.Things", THINGS_BY_NAME);

    assertFalse(compilation.succeeded);
    Diagnostic<? extends JavaFileObject> error = onlyError(compilation);
    assertEquals(BROKEN_MESSAGE, error.getMessage(Locale.ROOT));
    if (tool == Tool.JAVAC) {
      assertTrue(error.getSource().getName().endsWith("test/package-info.java"));
      assertEquals(1, error.getLineNumber());
    } else {
      assertTrue(error.getSource().getName().endsWith("test/Things.java"), compilation::describe);
      assertEquals(3, error.getLineNumber());
    }
    assertFalse(compilation.generatedSource("test.GuardedThings"));
  }

  /** With no type in the package, ecj has no place at all: the message still names the line. */
  @ParameterizedTest
  @EnumSource(Tool.class)
  void matrixError_inAPackageWithoutTypes_namesTheMatrixLine(Tool tool) {
    EclipseCompilation compilation =
        EclipseCompilation.compile(tool, BROKEN_MATRIX, "test.package-info", PACKAGE_INFO);

    assertFalse(compilation.succeeded);
    Diagnostic<? extends JavaFileObject> error = onlyError(compilation);
    assertEquals(BROKEN_MESSAGE, error.getMessage(Locale.ROOT));
    if (tool == Tool.JAVAC) {
      assertTrue(error.getSource().getName().endsWith("test/package-info.java"));
      assertEquals(1, error.getLineNumber());
    } else {
      assertNull(error.getSource());
    }
  }

  /**
   * The README's pattern, a static import of the constants of a matrix compiled in the same
   * compilation: javac resolves it once the constants are generated; ecj resolves imports once,
   * before any processor runs, and reports the import itself.
   */
  @ParameterizedTest
  @EnumSource(Tool.class)
  void staticImport_ofAMatrixCompiledHere_resolvesUnderJavacOnly(Tool tool) {
    EclipseCompilation compilation =
        EclipseCompilation.compile(
            tool,
            TestMatrices.SMALL,
            "test.package-info",
            PACKAGE_INFO,
            "orders.Orders",
            """
        package orders;
        import static test.Permissions.*;
        import dev.rolegate.annotations.*;
        public interface Orders {
          @RequiresPermission(VIEW_THINGS) String look(@WorkspaceId String ws);
        }
        """);

    if (tool == Tool.JAVAC) {
      assertTrue(compilation.succeeded, compilation::describe);
      assertTrue(compilation.generatedSource("orders.GuardedOrders"));
      return;
    }
    assertFalse(compilation.succeeded);
    assertEquals(
        1,
        compilation
            .diagnostics(Kind.ERROR, "The import test.Permissions cannot be" + " resolved")
            .size(),
        compilation::describe);
    assertEquals(2, compilation.diagnostics(Kind.ERROR, "").get(0).getLineNumber());
    assertFalse(compilation.generatedSource("orders.GuardedOrders"));
    assertTrue(compilation.generatedSource("test.Permissions"));
  }

  /**
   * In the same compilation, ecj resolves an import of the type itself: Permissions.VIEW_THINGS.
   */
  @ParameterizedTest
  @EnumSource(Tool.class)
  void typeImport_ofAMatrixCompiledHere_resolvesUnderBoth(Tool tool) throws Throwable {
    EclipseCompilation compilation =
        EclipseCompilation.compile(
            tool,
            TestMatrices.SMALL,
            "test.package-info",
            PACKAGE_INFO,
            "orders.Orders",
            """
        package orders;
        import dev.rolegate.annotations.*;
        import test.Permissions;
        public interface Orders {
          @RequiresPermission(Permissions.VIEW_THINGS) String look(@WorkspaceId String ws);
        }
        """);

    assertTrue(compilation.succeeded, compilation::describe);
    assertEquals(List.of(), compilation.warningsAndErrors(), compilation::describe);
    ClassLoader loader = compilation.loader();
    Matrix matrix = matrix(loader, "test.MatrixCapabilityTable");
    assertEquals(
        "looked",
        call(
            guard(loader, "orders.Orders", "orders.GuardedOrders", inWorkspace(matrix, "VIEWER")),
            "look"));
  }

  /**
   * The matrix compiled in a module of its own (as {@code prefect/} is), the service in another:
   * the static import resolves under both compilers.
   */
  @ParameterizedTest
  @EnumSource(Tool.class)
  void staticImport_ofAMatrixCompiledEarlier_resolvesUnderBoth(Tool tool) throws Throwable {
    EclipseCompilation matrixModule =
        EclipseCompilation.compile(tool, TestMatrices.SMALL, "test.package-info", PACKAGE_INFO);
    assertTrue(matrixModule.succeeded, matrixModule::describe);

    EclipseCompilation compilation =
        EclipseCompilation.compileAgainst(
            tool,
            matrixModule,
            "orders.Orders",
            """
        package orders;
        import static test.Permissions.*;
        import dev.rolegate.annotations.*;
        public interface Orders {
          @RequiresPermission(VIEW_THINGS) String look(@WorkspaceId String ws);
          @RequiresPermission(EDIT_THINGS) void edit(@WorkspaceId String ws);
        }
        """);

    assertTrue(compilation.succeeded, compilation::describe);
    assertEquals(List.of(), compilation.warningsAndErrors(), compilation::describe);
    ClassLoader loader = compilation.loader();
    Matrix matrix = matrix(loader, "test.MatrixCapabilityTable");
    Object viewer =
        guard(loader, "orders.Orders", "orders.GuardedOrders", inWorkspace(matrix, "VIEWER"));
    assertEquals("looked", call(viewer, "look"));
    assertThrows(AccessDeniedException.class, () -> call(viewer, "edit"));
  }

  /** The single error of a failed compilation (any warning aside). */
  private static Diagnostic<? extends JavaFileObject> onlyError(EclipseCompilation compilation) {
    List<Diagnostic<? extends JavaFileObject>> errors = compilation.diagnostics(Kind.ERROR);
    assertEquals(1, errors.size(), compilation::describe);
    return errors.get(0);
  }

  private static Matrix matrix(ClassLoader loader, String table) throws Exception {
    return (Matrix) Class.forName(table, true, loader).getMethod("matrix").invoke(null);
  }

  private static PrincipalSource inWorkspace(Matrix matrix, String role) {
    Principal principal =
        Principal.user("alice")
            .matrix(matrix)
            .directory(GeneratedCode.ACME)
            .workspaceRole("ws", role)
            .build();
    return () -> principal;
  }

  /**
   * Wraps a delegate of {@code service} whose methods return "looked" (or null for void ones) with
   * the generated {@code guard}, reading the caller from {@code source}.
   */
  private static Object guard(
      ClassLoader loader, String service, String guard, PrincipalSource source) throws Exception {
    Class<?> type = Class.forName(service, true, loader);
    Object delegate =
        Proxy.newProxyInstance(
            loader,
            new Class<?>[] {type},
            (proxy, method, args) -> method.getReturnType() == void.class ? null : "looked");
    return Class.forName(guard, true, loader)
        .getMethod("wrap", type, PrincipalSource.class)
        .invoke(null, delegate, source);
  }

  /** Calls the one-argument method {@code name} with workspace "ws", rethrowing what it throws. */
  private static Object call(Object target, String name) throws Throwable {
    try {
      return target.getClass().getMethod(name, String.class).invoke(target, "ws");
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
