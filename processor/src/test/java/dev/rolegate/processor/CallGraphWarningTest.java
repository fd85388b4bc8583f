package dev.rolegate.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rolegate.processor.CompilationAssertions.assertWarningAt;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code [UncoveredGuardedCall]}: a guarded method's body calls a guarded method whose requirement
 * its own does not imply. The message names the roles let through by the first check and stopped by
 * the second, and says what happens to the inner call; suppressible per call site.
 */
class CallGraphWarningTest {
  // javac puts the caret of a call on its opening parenthesis: column 7 of "delete(ws);".
  private static final String SUPPRESS =
      "or add @SuppressWarnings(\"UncoveredGuardedCall\") to it"
          + " (or to the local variable the call initializes) with a comment saying why the call is"
          + " safe";

  /**
   * Members of {@code Things} whose one uncovered call draws one warning: the members, the message,
   * the call's line and the column of its opening parenthesis.
   */
  static Stream<Arguments> oneUncoveredCall() {
    return Stream.of(
        argumentSet(
            "defaultMethod_callsStrongerGuardedMethod_warnsOnCallNamingRolesAndEscalation",
            """
              @RequiresPermission("VIEW_THINGS")
              default void purge(@WorkspaceId String ws) {
                delete(ws);
              }
            """,
            "[UncoveredGuardedCall] Things.purge() requires VIEW_THINGS but calls"
                + " Things.delete(), which requires DELETE_THINGS. Callers with workspace roles VIEWER,"
                + " EDITOR pass the first check but not the second. The guard checks only the outer call:"
                + " the inner one runs on the delegate unchecked, an escalation path. Give Things.purge()"
                + " a requirement that implies Things.delete()'s, "
                + SUPPRESS,
            "delete(ws);",
            7),
        argumentSet(
            "unguardedDefaultMethod_callingAGuardedOne_warnsOfTheEscalation",
            """
              @Unguarded(reason = "housekeeping")
              default void cleanup(String ws) {
                delete(ws);
              }
            """,
            "[UncoveredGuardedCall] Things.cleanup() requires no permission (it is"
                + " @Unguarded) but calls Things.delete(), which requires DELETE_THINGS. Every caller,"
                + " authenticated or not, passes the first check. The guard checks only the outer call:"
                + " the inner one runs on the delegate unchecked, an escalation path. Give"
                + " Things.cleanup() a requirement that implies Things.delete()'s, "
                + SUPPRESS,
            "delete(ws);",
            7),
        argumentSet(
            "defaultMethod_anyOfCaller_namesWorkspaceAndAccountRoles",
            """
              @RequiresPermission(anyOf = {"EDIT_THINGS", "VIEW_ACCOUNT"})
              default int tidy(@WorkspaceId String ws) {
                return this.count(ws);
              }
            """,
            "[UncoveredGuardedCall] Things.tidy() requires one of EDIT_THINGS,"
                + " VIEW_ACCOUNT but calls Things.count(), which requires EDIT_THINGS and VIEW_ACCOUNT."
                + " Callers with workspace role VIEWER and account role MEMBER pass the first check but"
                + " not the second.",
            "return this.count(ws);",
            18),
        argumentSet(
            "callOnAnotherGuardedType_saysItDependsOnTheReceiver",
            """
              @RequiresPermission("EDIT_THINGS")
              default void copy(@WorkspaceId String ws, Vault vault) {
                vault.open(ws);
              }

              interface Vault {
                @RequiresPermission("VIEW_SECRETS")
                void open(@WorkspaceId String ws);
              }
            """,
            "[UncoveredGuardedCall] Things.copy() requires EDIT_THINGS but calls"
                + " Things.Vault.open(), which requires VIEW_SECRETS. Callers with workspace role EDITOR"
                + " pass the first check but not the second. The inner call is checked only if its"
                + " receiver is a guard; otherwise it runs unchecked, an escalation path.",
            "vault.open(ws);",
            11),
        argumentSet(
            "suppressWarnings_onLocalVariable_silencesOnlyTheCallInItsInitializer",
            """
              @RequiresPermission("VIEW_THINGS")
              default int tidy(@WorkspaceId String ws) {
                @SuppressWarnings("UncoveredGuardedCall") // count() only reads; see #12
                int before = count(ws);
                delete(ws);
                return before;
              }
            """,
            "[UncoveredGuardedCall] Things.tidy() requires VIEW_THINGS but"
                + " calls Things.delete(), which requires DELETE_THINGS.",
            "delete(ws);",
            7));
  }

  /** The call is warned about, at its opening parenthesis, and the guard is generated. */
  @ParameterizedTest
  @MethodSource
  void oneUncoveredCall(String members, String message, String line, int column) {
    JavaFileObject source = service(members);

    Compilation compilation = compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertWarningAt(compilation, message, source, line, column);
    assertThat(compilation).generatedSourceFile("test.GuardedThings");
  }

  /** Members of {@code Things} whose calls are covered, or whose warnings are suppressed. */
  static Stream<Arguments> noWarning() {
    return Stream.of(
        argumentSet(
            "impliedOrUnguardedCallee_noWarning",
            """
              @RequiresPermission({"DELETE_THINGS", "EDIT_ACCOUNT"})
              default void purge(@WorkspaceId String ws) {
                look(ws);
                delete(ws);
                count(ws);
                ping();
                purge(ws);
              }
            """),
        argumentSet(
            "suppressWarnings_onCallingMethod_silencesEveryCallInIt",
            """
              // Runs only inside the nightly job, which binds an OWNER principal.
              @SuppressWarnings("UncoveredGuardedCall")
              @RequiresPermission("VIEW_THINGS")
              default void purge(@WorkspaceId String ws) {
                delete(ws);
                count(ws);
              }
            """));
  }

  @ParameterizedTest
  @MethodSource
  void noWarning(String members) {
    Compilation compilation = compile(service(members));

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void classGuard_selfCall_warnsThatTheGuardDeniesTheInnerCall() {
    JavaFileObject source =
        JavaFileObjects.forSourceString(
            "test.Ledger",
            """
        package test;
        import dev.rolegate.annotations.*;
        public class Ledger {
          @RequiresPermission("EDIT_THINGS")
          public void close(@WorkspaceId String ws) {
            this.purge(ws);
          }
          @RequiresPermission("DELETE_THINGS")
          public void purge(@WorkspaceId String ws) {}
        }
        """);

    Compilation compilation = compile(source);

    String message =
        "[UncoveredGuardedCall] Ledger.close() requires EDIT_THINGS but calls"
            + " Ledger.purge(), which requires DELETE_THINGS. Callers with workspace role EDITOR pass"
            + " the first check but not the second. GuardedLedger checks the inner call too, so it"
            + " fails for them with AccessDeniedException. Give Ledger.close() a requirement that"
            + " implies Ledger.purge()'s, "
            + SUPPRESS;
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(message)
        .inFile(source)
        .onLineContaining("this.purge(ws);");
    assertThat(compilation).generatedSourceFile("test.GuardedLedger");
  }

  @Test
  void classGuard_superCall_warnsThatItBypassesTheGuard() {
    JavaFileObject source =
        JavaFileObjects.forSourceString(
            "test.Ledger",
            """
        package test;
        import dev.rolegate.annotations.*;
        class Base {
          @RequiresPermission("DELETE_THINGS")
          public void purge(@WorkspaceId String ws) {}
        }
        public class Ledger extends Base {
          @RequiresPermission("EDIT_THINGS")
          public void close(@WorkspaceId String ws) {
            super.purge(ws);
          }
        }
        """);

    Compilation compilation = compile(source);

    String message =
        "[UncoveredGuardedCall] Ledger.close() requires EDIT_THINGS but calls"
            + " Base.purge(), which requires DELETE_THINGS. Callers with workspace role EDITOR pass"
            + " the first check but not the second. A super call bypasses the guard: the inner call"
            + " runs unchecked, an escalation path. Give Ledger.close() a requirement that implies"
            + " Base.purge()'s, "
            + SUPPRESS;
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(message)
        .inFile(source)
        .onLineContaining("super.purge(ws);");
  }

  @Test
  void serviceDeferredToALaterRound_stillChecked() {
    JavaFileObject source =
        JavaFileObjects.forSourceString(
            "test.Later",
            """
        package test;

        import dev.rolegate.annotations.RequiresPermission;
        import dev.rolegate.annotations.WorkspaceId;

        public interface Later {
          @RequiresPermission(Permissions.EDIT_THINGS) void edit(@WorkspaceId String ws);

          @RequiresPermission(Permissions.VIEW_THINGS)
          default void touch(@WorkspaceId String ws) {
            edit(ws);
          }
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertWarningAt(
        compilation,
        "[UncoveredGuardedCall] Later.touch() requires VIEW_THINGS but"
            + " calls Later.edit(), which requires EDIT_THINGS. Callers with workspace role VIEWER"
            + " pass",
        source,
        "edit(ws);",
        5);
    assertThat(compilation).generatedSourceFile("test.GuardedLater");
  }

  @Test
  void suppressWarnings_onType_silencesItsMethods() {
    JavaFileObject source =
        JavaFileObjects.forSourceString(
            "test.Things",
            """
        package test;

        import dev.rolegate.annotations.RequiresPermission;
        import dev.rolegate.annotations.WorkspaceId;

        @SuppressWarnings("UncoveredGuardedCall")
        public interface Things {
          @RequiresPermission("DELETE_THINGS")
          void delete(@WorkspaceId String ws);

          @RequiresPermission("VIEW_THINGS")
          default void purge(@WorkspaceId String ws) {
            delete(ws);
          }
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void noTreesApi_warnsOnce_onTheFirstGuardedTypeWithBodies() {
    List<ProcessingEnvironment> wrapped = new ArrayList<>();
    RolegateProcessor processor =
        new RolegateProcessor(
            service -> {},
            env -> {
              wrapped.add(notJavac(env));
              return wrapped.get(0);
            });
    JavacFileObjects sources = withoutTreesSources("");

    Compilation compilation = compileAll(Compiler.javac().withProcessors(processor), sources);

    // Trees.instance refuses an environment that is not javac's, as under ECJ.
    assertWithMessage("the call-graph check asked for the Trees API").that(wrapped).hasSize(1);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[CallGraphCheckOff] The processing environment"
                + " ("
                + wrapped.get(0).getClass().getName()
                + ") is not javac's and wraps none that"
                + " is, so rolegate cannot read method bodies and the [UncoveredGuardedCall] check is"
                + " off: no call in Things or in any other guarded type of this compilation is checked"
                + " against its caller's requirement. Compile with javac (module jdk.compiler) to have"
                + " calls checked, or add @SuppressWarnings(\"CallGraphCheckOff\") to Things with a"
                + " comment saying why; the warning then goes to the next guarded type with method"
                + " bodies")
        .inFile(sources.things())
        .onLineContaining("public interface Things");
    assertThat(compilation).generatedSourceFile("test.GuardedPlain");
    assertThat(compilation).generatedSourceFile("test.GuardedThings");
    assertThat(compilation).generatedSourceFile("test.GuardedLedger");
  }

  @Test
  void noTreesApi_suppressedOnThatType_warnsOnTheNextOneWithBodies() {
    RolegateProcessor processor = new RolegateProcessor(service -> {}, env -> notJavac(env));
    JavacFileObjects sources =
        withoutTreesSources("@SuppressWarnings(\"CallGraphCheckOff\") // built by ECJ\n");

    Compilation compilation = compileAll(Compiler.javac().withProcessors(processor), sources);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[UncoveredGuardedCall] check is off: no call in"
                + " Ledger or in any other guarded type")
        .inFile(sources.ledger())
        .onLineContaining("public class Ledger");
  }

  /** A guarded interface without bodies, {@link #service} with a default method, a class. */
  private record JavacFileObjects(
      JavaFileObject plain, JavaFileObject things, JavaFileObject ledger) {}

  /** Returns the three sources; {@code thingsPrefix} goes before {@code Things}. */
  private static JavacFileObjects withoutTreesSources(String thingsPrefix) {
    JavaFileObject plain =
        JavaFileObjects.forSourceString(
            "test.Plain",
            """
        package test;

        @dev.rolegate.annotations.RequiresPermission("VIEW_THINGS")
        public interface Plain {
          void look(@dev.rolegate.annotations.WorkspaceId String ws);
        }
        """);
    JavaFileObject things =
        service(
            thingsPrefix,
            """
          @RequiresPermission("VIEW_THINGS")
          default void purge(@WorkspaceId String ws) {
            delete(ws);
          }
        """);
    JavaFileObject ledger =
        JavaFileObjects.forSourceString(
            "test.Ledger",
            """
        package test;

        @dev.rolegate.annotations.RequiresPermission("VIEW_THINGS")
        public class Ledger {
          public void look(@dev.rolegate.annotations.WorkspaceId String ws) {}
        }
        """);
    return new JavacFileObjects(plain, things, ledger);
  }

  private static Compilation compileAll(Compiler compiler, JavacFileObjects sources) {
    JavaFileObject packageInfo =
        JavaFileObjects.forSourceString(
            "test.package-info",
            "@dev.rolegate.annotations.PermissionMatrix(\"matrix.md\")\npackage test;\n");
    return compiler
        .withOptions("-sourcepath", TestMatrices.sourcePath(TestMatrices.SMALL).toString())
        .compile(packageInfo, sources.plain(), sources.things(), sources.ledger());
  }

  /** Returns a ProcessingEnvironment that forwards to {@code env} but is not javac's own class. */
  private static ProcessingEnvironment notJavac(ProcessingEnvironment env) {
    return (ProcessingEnvironment)
        Proxy.newProxyInstance(
            CallGraphWarningTest.class.getClassLoader(),
            new Class<?>[] {ProcessingEnvironment.class},
            (proxy, method, args) -> {
              try {
                return method.invoke(env, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** Returns {@code test.Things} with delete, look, count and ping, then {@code body}. */
  private static JavaFileObject service(String body) {
    return service("", body);
  }

  /** Returns {@link #service(String)} with {@code prefix} (annotations) before the type. */
  private static JavaFileObject service(String prefix, String body) {
    return JavaFileObjects.forSourceString(
        "test.Things",
        """
        package test;

        import dev.rolegate.annotations.RequiresPermission;
        import dev.rolegate.annotations.Unguarded;
        import dev.rolegate.annotations.WorkspaceId;

        %spublic interface Things {
          @RequiresPermission("DELETE_THINGS") void delete(@WorkspaceId String ws);
          @RequiresPermission("VIEW_THINGS") void look(@WorkspaceId String ws);
          @RequiresPermission({"EDIT_THINGS", "VIEW_ACCOUNT"}) int count(@WorkspaceId String ws);
          @Unguarded(reason = "health check") void ping();

        %s}
        """
            .formatted(prefix, body));
  }

  private static Compilation compile(JavaFileObject source) {
    return compile(Compiler.javac().withProcessors(new RolegateProcessor()), source);
  }

  private static Compilation compile(Compiler compiler, JavaFileObject source) {
    JavaFileObject packageInfo =
        JavaFileObjects.forSourceString(
            "test.package-info",
            "@dev.rolegate.annotations.PermissionMatrix(\"matrix.md\")\npackage test;\n");
    return compiler
        .withOptions("-sourcepath", TestMatrices.sourcePath(TestMatrices.SMALL).toString())
        .compile(packageInfo, source);
  }
}
