package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rolegate.processor.ClassOutputs.read;
import static dev.rolegate.processor.CompilationAssertions.assertOneError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.rolegate.processor.GeneratedCode.Recorder;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The access report ({@code META-INF/rolegate/access-report.md} and {@code .json}): its exact
 * content for a small service, its agreement with what the generated guard decides, determinism,
 * JSON syntax and escaping, and when it is not written.
 */
class AccessReportTest {
  private static final String MD = "META-INF/rolegate/access-report.md";
  private static final String JSON = "META-INF/rolegate/access-report.json";
  private static final String INDEX = "META-INF/rolegate/guard-index";
  private static final String WS = "7d1c5a9e-0b7e-4c39-9a59-3f0e6a8b2c11";

  @Test
  void classGuard_finalAndNonFinalUnguardedMethods_bothReported() {
    Compilation compilation =
        compile(
            TestMatrices.SMALL,
            List.of(
                JavaFileObjects.forSourceString(
                    "test.package-info",
                    "@dev.rolegate.annotations.PermissionMatrix(\"matrix.md\")\npackage test;\n"),
                JavaFileObjects.forSourceString("test.Ledger", ReportedServices.LEDGER)));

    assertThat(compilation).succeededWithoutWarnings();
    String md = read(compilation, MD).orElseThrow();
    assertTrue(
        md.endsWith(
            "| `Ledger.balance()` | VIEW_ACCOUNT | none needed | bound (`@BoundAccount`) |"
                + " n/a (account-level) | MEMBER, ADMIN |\n"
                + "| `Ledger.name()` | unguarded: names the ledger in logs | none needed | none needed"
                + " | anyone | anyone |\n"
                + "| `Ledger.kind()` | unguarded: a constant; the guard inherits it unchanged | none"
                + " needed | none needed | anyone | anyone |\n"),
        md);
    assertTrue(read(compilation, JSON).orElseThrow().contains("\"operation\": \"Ledger.kind()\""));
  }

  private static Compilation compile(String matrix, List<JavaFileObject> sources) {
    return TestMatrices.compiler(TestMatrices.sourcePath(matrix)).compile(sources);
  }

  @Test
  void smallService_jsonReport_isExact() {
    Compilation compilation = compile(TestMatrices.SMALL, ReportedServices.sources());
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(
        ReportedServices.expected("small-access-report.json"),
        read(compilation, JSON).orElseThrow());
  }

  @Test
  void smallService_markdownReport_isExact() {
    Compilation compilation = compile(TestMatrices.SMALL, ReportedServices.sources());
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(
        ReportedServices.expected("small-access-report.md"), read(compilation, MD).orElseThrow());
  }

  /** Each row's roles are exactly those the generated guard lets through. */
  @Test
  void report_agreesWithGeneratedGuard_forEveryRoleAndRow() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Things", ReportedServices.THINGS, "test.ThingRef", ReportedServices.REF);
    Map<?, ?> report = (Map<?, ?>) MiniJson.parse(read(code.compilation, JSON).orElseThrow());
    Map<?, ?> things = (Map<?, ?>) ((List<?>) report.get("services")).get(0);
    List<?> methods = (List<?>) things.get("methods");
    assertEquals(7, methods.size());
    for (Object each : methods) {
      Map<?, ?> row = (Map<?, ?>) each;
      String name = ((String) row.get("operation")).replaceAll("^Things\\.|\\(.*", "");
      boolean accountLevel = row.get("mode").equals("allOf") || row.get("mode").equals("anyOf");
      accountLevel &= ((Map<?, ?>) row.get("workspace")).get("source").equals("none");
      List<?> accountRoles = (List<?>) row.get("accountRoles");
      for (String role : List.of("VIEWER", "EDITOR", "OWNER")) {
        Principal principal =
            Principal.user("u")
                .matrix(code.matrix())
                .directory(GeneratedCode.ACME)
                .workspaceRole(WS, role)
                .build();
        boolean expected =
            accountLevel
                ? accountRoles.contains("MEMBER")
                : ((List<?>) row.get("workspaceRoles")).contains(role);
        assertEquals(expected, allowed(code, name, principal), name + " as workspace " + role);
      }
      for (String role : List.of("MEMBER", "ADMIN")) {
        Principal principal =
            Principal.user("u")
                .matrix(code.matrix())
                .directory(GeneratedCode.ACME)
                .accountRole(role)
                .build();
        assertEquals(
            accountRoles.contains(role),
            allowed(code, name, principal),
            name + " as account " + role);
      }
    }
  }

  private static boolean allowed(GeneratedCode code, String method, Principal principal)
      throws Throwable {
    PrincipalSource source =
        new PrincipalSource() {
          @Override
          public Principal current() {
            return principal;
          }

          @Override
          public String currentWorkspace() {
            return WS;
          }
        };
    Recorder delegate = new Recorder((m, args) -> m.getReturnType() == String.class ? "ok" : null);
    Object guard = code.guard("test.Things", "test.GuardedThings", delegate, source);
    Object ref = code.load("test.ThingRef").getConstructors()[0].newInstance(WS, "t1");
    Object[] args =
        switch (method) {
          case "view" -> new Object[] {WS, new int[0]};
          case "edit" -> new Object[] {UUID.fromString(WS), List.of()};
          case "secret" -> new Object[] {ref};
          case "either" -> new Object[] {WS};
          case "account" -> new Object[] {"acme"};
          default -> new Object[0];
        };
    try {
      GeneratedCode.call(guard, method, args);
    } catch (AccessDeniedException denied) {
      assertTrue(delegate.calls.isEmpty(), method);
      return false;
    }
    assertEquals(List.of(method), delegate.calls);
    return true;
  }

  @Test
  void twoCompilations_andReversedSourceOrder_giveIdenticalReports() {
    List<String> first = reports(ReportedServices.sources());
    assertEquals(first, reports(ReportedServices.sources()));
    List<JavaFileObject> reversed = new ArrayList<>(ReportedServices.sources());
    Collections.reverse(reversed);
    assertEquals(first, reports(reversed));
  }

  private static List<String> reports(List<JavaFileObject> sources) {
    Compilation compilation = compile(TestMatrices.SMALL, sources);
    assertThat(compilation).succeededWithoutWarnings();
    return List.of(read(compilation, MD).orElseThrow(), read(compilation, JSON).orElseThrow());
  }

  @Test
  void json_parses_andFreeTextIsEscapedInBothFiles() {
    // Escapes as written in the source's string literal: quote, backslash, newline, U+0001, tab.
    String literal = "say \\\"hi\\\" \\\\ back|slash\\n*not* <b>bold</b> _x_ \\u0001 \\t tab";
    Compilation compilation =
        compile(
            TestMatrices.SMALL,
            List.of(
                JavaFileObjects.forSourceString(
                    "test.package-info",
                    "@dev.rolegate.annotations.PermissionMatrix(\"matrix.md\")\npackage test;\n"),
                JavaFileObjects.forSourceString(
                    "test.Odd",
                    """
            package test;
            import dev.rolegate.annotations.*;
            @RequiresPermission(Permissions.VIEW_ACCOUNT)
            @BoundAccount
            public interface Odd {
              @Unguarded(reason = "%s")
              void probe();
            }
            """
                        .formatted(literal))));
    assertThat(compilation).succeededWithoutWarnings();
    String json = read(compilation, JSON).orElseThrow();
    Map<?, ?> row =
        (Map<?, ?>)
            ((List<?>)
                    ((Map<?, ?>)
                            ((List<?>) ((Map<?, ?>) MiniJson.parse(json)).get("services")).get(0))
                        .get("methods"))
                .get(0);
    assertEquals(
        "say \"hi\" \\ back|slash\n*not* <b>bold</b> _x_ \u0001 \t tab", row.get("reason"));
    assertTrue(
        json.contains("\"say \\\"hi\\\" \\\\ back|slash\\n*not* <b>bold</b> _x_ \\u0001 \\t tab\""),
        json);
    String markdown = read(compilation, MD).orElseThrow();
    assertTrue(
        markdown.contains(
            "| `Odd.probe()` | unguarded: say \"hi\" \\\\ back\\|slash \\*not\\*"
                + " \\<b\\>bold\\</b\\> \\_x\\_    tab | none needed | none needed | anyone | anyone |\n"),
        markdown);
  }

  @Test
  void accountPermissionsOnlyWithAWorkspaceArgument_reportTheWorkspaceItNames() {
    JavaFileObject members =
        JavaFileObjects.forSourceString(
            "test.Members",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Members {
          @RequiresPermission("VIEW_ACCOUNT")
          int count(@WorkspaceId String ws);
        }
        """);
    List<JavaFileObject> sources = new ArrayList<>(ReportedServices.sources());
    sources.add(members);
    Compilation compilation = compile(TestMatrices.SMALL, sources);
    assertThat(compilation).succeededWithoutWarnings();
    // The guard reads the workspace (a null one is denied) and acts in its account.
    String markdown = read(compilation, MD).orElseThrow();
    assertTrue(
        markdown.contains(
            "| `Members.count(String)` | VIEW_ACCOUNT | `ws` | the workspace's"
                + " (`ws`) | n/a (account-level) | MEMBER, ADMIN |\n"),
        markdown);
    String json = read(compilation, JSON).orElseThrow();
    assertTrue(
        json.contains(
            "\"workspace\": {\"source\": \"parameter\", \"parameter\": \"ws\","
                + " \"accessor\": null},\n          \"account\": {\"source\": \"workspace\","),
        json);
  }

  @Test
  void miniJson_rejectsMalformedText() {
    for (String bad :
        List.of(
            "{\"a\": 1,}",
            "[\"a\" \"b\"]",
            "{\"a\": \"x\ny\"}",
            "{\"a\": 1}}",
            "{\"a\": 1, \"a\": 2}",
            "\"\\x\"",
            "[01]")) {
      assertThrows(IllegalArgumentException.class, () -> MiniJson.parse(bad), bad);
    }
    assertEquals(Arrays.asList("a", 1.5, true, null), MiniJson.parse(" [\"a\", 1.5, true, null] "));
  }

  @Test
  void matrixWithoutDefaultAccountRole_saysSo_andWorkspaceRolesNeedTheirOwnAccountPermission() {
    Compilation compilation =
        compile(
            TestMatrices.SMALL.replace("account (default)", "account"), ReportedServices.sources());
    assertThat(compilation).succeededWithoutWarnings();
    String json = read(compilation, JSON).orElseThrow();
    assertTrue(json.contains("\"package\": \"test\", \"defaultAccountRole\": null}"), json);
    String markdown = read(compilation, MD).orElseThrow();
    assertTrue(markdown.contains("with no account role (the matrix marks no default)."), markdown);
    // anyOf {VIEW_THINGS, VIEW_ACCOUNT}: the workspace roles still qualify through VIEW_THINGS.
    assertTrue(
        markdown.contains(
            "| `Things.either(String)` | one of VIEW_THINGS, VIEW_ACCOUNT | `ws`"
                + " | the workspace's (`ws`) | VIEWER, EDITOR, OWNER | MEMBER, ADMIN |\n"),
        markdown);
  }

  /**
   * compile-testing hands out no generated file of a failed compilation, so this compiles to a
   * directory with javac itself to see what a build tool would find there.
   */
  @Test
  void compilationWithErrors_writesNoReport() throws IOException {
    JavaFileObject bad =
        JavaFileObjects.forSourceString(
            "test.Bad",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Bad {
          @RequiresPermission("VIEW_THING")
          void view(@WorkspaceId String ws);
        }
        """);
    List<JavaFileObject> sources = new ArrayList<>(ReportedServices.sources());
    sources.add(bad);
    Compilation compilation = compile(TestMatrices.SMALL, sources);
    assertOneError(
        compilation,
        "[UnknownPermission] \"VIEW_THING\"",
        bad,
        "@RequiresPermission(\"VIEW_THING\")");

    Path failed = compileToDirectory(sources, false);
    // javac's round after an error is the last one, where no source may be written: the deferred
    // service gets no guard in this failed build, and no report claims anything about it.
    assertFalse(Files.exists(failed.resolve("test/GuardedThings.java")));
    assertFalse(Files.exists(failed.resolve(MD)));
    assertFalse(Files.exists(failed.resolve(JSON)));
    // Nor a guard index: one without the failed type would read as a type with nothing to check.
    assertFalse(Files.exists(failed.resolve(INDEX)));
    Path clean = compileToDirectory(ReportedServices.sources(), true);
    assertEquals(
        ReportedServices.expected("small-access-report.md"), Files.readString(clean.resolve(MD)));
    assertEquals(
        ReportedServices.expected("small-guard-index"), Files.readString(clean.resolve(INDEX)));
  }

  /** Compiles with javac into a new directory (classes and generated sources), returning it. */
  private static Path compileToDirectory(List<JavaFileObject> sources, boolean succeeds)
      throws IOException {
    Path out = Files.createTempDirectory("rolegate-report");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(out));
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              files,
              diagnostics,
              List.of("-sourcepath", TestMatrices.sourcePath(TestMatrices.SMALL).toString()),
              null,
              sources);
      task.setProcessors(List.of(new RolegateProcessor()));
      assertEquals(succeeds, task.call(), diagnostics.getDiagnostics().toString());
    }
    return out;
  }

  @Test
  void compilationGuardingNothing_writesNoReport() {
    Compilation compilation =
        compile(TestMatrices.SMALL, List.of(ReportedServices.sources().get(0)));
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(
        compilation
            .generatedFile(StandardLocation.SOURCE_OUTPUT, "test/Permissions.java")
            .isPresent());
    assertFalse(read(compilation, MD).isPresent());
    assertFalse(read(compilation, JSON).isPresent());
    assertFalse(read(compilation, INDEX).isPresent());
  }
}
