package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rolegate.processor.CompilationAssertions.assertErrors;
import static dev.rolegate.processor.CompilationAssertions.assertOneError;
import static dev.rolegate.processor.TestMatrices.compile;
import static dev.rolegate.processor.TestMatrices.compileWithClassPath;
import static dev.rolegate.processor.TestMatrices.source;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code [MissingAccount]}: a method needing an account permission names its account; {@code
 * [AccountIdMisuse]} and {@code [UnstableAccountCarrier]}: {@code @AccountId} under the rules of
 * {@code @WorkspaceId}.
 */
class AccountIdValidationTest {
  private static final String FIX =
      "Add @AccountId to the parameter that names the account,"
          + " @BoundAccount to act in the account bound to the caller"
          + " (CurrentPrincipal.bind(principal, account, workspace)), or @WorkspaceId to the parameter"
          + " that names a workspace, to act in that workspace's account";

  /** Methods needing an account they do not name: type, source, message and line. */
  static Stream<Arguments> missingAccounts() {
    return Stream.of(
        argumentSet(
            "missingAccount_accountPermissionNamingNoAccount_reportedOnMethodWithTheFix",
            "Things",
            """
            public interface Things {
              @RequiresPermission({"VIEW_ACCOUNT", "EDIT_ACCOUNT"})
              void members();

              @RequiresPermission("EDIT_ACCOUNT")
              void byParameter(@AccountId String account);

              @RequiresPermission("EDIT_ACCOUNT")
              @BoundAccount
              void bound();

              @RequiresPermission("EDIT_ACCOUNT")
              void inWorkspace(@WorkspaceId String ws);

              @RequiresPermission(anyOf = {"VIEW_THINGS", "VIEW_ACCOUNT"})
              @BoundWorkspace
              void inBoundWorkspace();

              @Unguarded(reason = "liveness probe")
              void ping();
            }
            """,
            "[MissingAccount] Things.members() needs account permissions"
                + " VIEW_ACCOUNT, EDIT_ACCOUNT but names no account. "
                + FIX,
            "void members()"));
  }

  /** Misplaced or unusable {@code @AccountId}: type, source, message and line. */
  static Stream<Arguments> accountIdMisuses() {
    return Stream.of(
        argumentSet(
            "accountIdMisuse_oneParameterMarkedAccountAndWorkspace",
            "Things",
            """
            public interface Things {
              @RequiresPermission("EDIT_THINGS")
              void edit(@WorkspaceId @AccountId String id);
            }
            """,
            "[AccountIdMisuse] @AccountId on parameter id of edit(), which also"
                + " carries @WorkspaceId. A String or UUID parameter names an account or a workspace,"
                + " not both: keep @WorkspaceId to act in that workspace's account, or give the"
                + " account a parameter of its own",
            "void edit("),
        argumentSet(
            "accountIdMisuse_twoParameters_keepOne",
            "Things",
            """
            public interface Things {
              @RequiresPermission("VIEW_ACCOUNT")
              String plan(@AccountId String account,
                  @AccountId String other);
            }
            """,
            "[AccountIdMisuse] @AccountId marks both account and parameter other"
                + " of plan(). A call acts in one account: keep @AccountId on one parameter",
            "@AccountId String other"),
        argumentSet(
            "accountIdMisuse_besideBoundAccountOnTheMethod_butATypeDefaultIsReplaced",
            "Things",
            """
            @BoundAccount
            public interface Things {
              @RequiresPermission("VIEW_ACCOUNT")
              String replaced(@AccountId String account);

              @RequiresPermission("VIEW_ACCOUNT")
              @BoundAccount
              String both(@AccountId String account);
            }
            """,
            "[AccountIdMisuse] @AccountId on parameter account of both(), which"
                + " also carries @BoundAccount. A call acts in one account: keep @AccountId to check"
                + " the account the call names, or remove it to check the account bound to the"
                + " caller's context",
            "String both("),
        argumentSet(
            "accountIdMisuse_carrierClassWithoutMarkedAccessor_saysHowToMarkOne",
            "Things",
            """
            class Job {
              String account() { return "acct"; }
              @AccountId String account(int version) { return "acct"; }
            }

            public interface Things {
              @RequiresPermission("VIEW_ACCOUNT")
              void run(@AccountId Job job);
            }
            """,
            "[AccountIdMisuse] @AccountId on parameter job of run() of type"
                + " test.Job, which carries no account id. Mark the no-argument method of Job that"
                + " returns the account id (a String or UUID) with @AccountId, or give the parameter"
                + " the type String or UUID",
            "void run("),
        argumentSet(
            "accountIdMisuse_carrierWithTwoMarkedAccessors_namesBoth",
            "Things",
            """
            interface Owned {
              @AccountId String owner();
            }

            record Ref(@AccountId String account) implements Owned {
              public String owner() { return "o"; }
            }

            public interface Things {
              @RequiresPermission("VIEW_ACCOUNT")
              void look(@AccountId Ref ref);
            }
            """,
            "[AccountIdMisuse] @AccountId on parameter ref of look() of type"
                + " test.Ref, which marks more than one accessor with @AccountId: Ref.account(),"
                + " Ref.owner(). A call acts in one account: keep @AccountId on one of them",
            "void look("),
        argumentSet(
            "accountIdMisuse_accessorReturnsAnotherType_namesTheType",
            "Things",
            """
            record Ref(@AccountId long account) {}

            public interface Things {
              @RequiresPermission("VIEW_ACCOUNT")
              void look(@AccountId Ref ref);
            }
            """,
            "[AccountIdMisuse] @AccountId on parameter ref of look() of type"
                + " test.Ref, whose @AccountId accessor Ref.account() returns long. An account id is a"
                + " String or a java.util.UUID: change the accessor's return type, or mark another"
                + " accessor",
            "void look("));
  }

  /**
   * One source whose mistake is one error, {@code message}, on the line containing {@code line}.
   */
  @ParameterizedTest
  @MethodSource({"missingAccounts", "accountIdMisuses"})
  void oneError(String type, String body, String message, String line) {
    JavaFileObject source = source(type, body);

    Compilation compilation = compile(source);

    assertOneError(compilation, message, source, line);
  }

  @Test
  void missingAccount_boundAccountOnTheType_coversEveryMethod_boundWorkspaceDoesNot() {
    JavaFileObject covered =
        source(
            "Covered",
            """
        @BoundAccount
        public interface Covered {
          @RequiresPermission("EDIT_ACCOUNT")
          void settings();
        }
        """);
    JavaFileObject bound =
        source(
            "Bound",
            """
        @BoundWorkspace
        public interface Bound {
          @RequiresPermission("EDIT_ACCOUNT")
          void settings();
        }
        """);

    Compilation compilation = compile(covered, bound);

    assertOneError(
        compilation,
        "[MissingAccount] Bound.settings() needs account permission"
            + " EDIT_ACCOUNT but names no account. "
            + FIX,
        bound,
        "void settings()");
  }

  @Test
  void missingAccount_inheritedFromClassPath_reportedOnGuardedType_fixedByBoundAccount()
      throws IOException {
    Compilation base =
        Compiler.javac()
            .compile(
                JavaFileObjects.forSourceString(
                    "test.Base",
                    "package test;\npublic interface Base {\n  void settings();\n}\n"));
    assertThat(base).succeeded();
    Path classes = Files.createTempDirectory("rolegate-base");
    ClassOutputs.copyClasses(base, classes);
    String things =
        """
        @RequiresPermission("EDIT_ACCOUNT")
        %s
        public interface Things extends Base {
          void rename(@AccountId String account, String name);
        }
        """;
    JavaFileObject source = source("Things", things.formatted(""));

    Compilation compilation = compileWithClassPath(classes, source);

    assertOneError(
        compilation,
        "[MissingAccount] method Base.settings(), inherited by Things, needs"
            + " account permission EDIT_ACCOUNT but names no account. Redeclare it in Things with"
            + " an @AccountId or @WorkspaceId parameter, or add @BoundAccount to Things to act in"
            + " the account bound to the caller (CurrentPrincipal.bind(principal, account,"
            + " workspace))",
        source,
        "public interface Things extends Base");
    Compilation bound =
        compileWithClassPath(classes, source("Things", things.formatted("@BoundAccount")));
    assertThat(bound).succeededWithoutWarnings();
    assertThat(bound)
        .generatedSourceFile("test.GuardedThings")
        .contentsAsUtf8String()
        .contains("EDIT_ACCOUNT.checkInBoundAccount(this.source, \"Base.settings\");");
  }

  @Test
  void accountIdMisuse_notAnId_orACarrierWithoutMarkedAccessor() {
    JavaFileObject source =
        source(
            "Things",
            """
        record Ref(String account) {}

        public interface Things {
          @RequiresPermission("VIEW_ACCOUNT")
          String count(@AccountId int account);

          @RequiresPermission("VIEW_ACCOUNT")
          String look(@AccountId Ref ref);
        }
        """);

    Compilation compilation = compile(source);

    assertErrors(
        compilation,
        2,
        "[AccountIdMisuse] @AccountId on parameter account of count() of"
            + " type int. An account id is a String or a java.util.UUID, or a type that carries"
            + " one (see @AccountId): change the parameter's type or move the annotation",
        source,
        "String count(");
    assertThat(compilation)
        .hadErrorContaining(
            "[AccountIdMisuse] @AccountId on parameter ref of look() of type"
                + " test.Ref, which carries no account id. Mark the record component that holds the"
                + " account id (a String or UUID) with @AccountId, as in record Ref(@AccountId String"
                + " account, ...), or give the parameter the type String or UUID")
        .inFile(source)
        .onLineContaining("String look(");
  }

  @Test
  void accountCarrier_record_accepted_workspaceMarkerDoesNotCountAsAccount() {
    JavaFileObject source =
        source(
            "Things",
            """
        record Ref(@AccountId String account, @WorkspaceId String workspace) {}

        public interface Things {
          @RequiresPermission({"EDIT_THINGS", "EDIT_ACCOUNT"})
          String move(@AccountId @WorkspaceId Ref ref);
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.GuardedThings")
        .contentsAsUtf8String()
        .contains(
            "EDIT_THINGS_AND_EDIT_ACCOUNT.checkInAccount(this.source, account, workspace,"
                + " \"Things.move\");");
  }

  @Test
  void unstableAccountCarrier_nonFinalClass_refusedWithTheRecordForm() {
    JavaFileObject carrier =
        source(
            "AccountRef",
            """
        public class AccountRef {
          private String account;
          @AccountId public String account() { return account; }
        }
        """);
    JavaFileObject source =
        source(
            "Things",
            """
        public interface Things {
          @RequiresPermission("EDIT_ACCOUNT")
          void rename(@AccountId AccountRef ref);
        }
        """);

    Compilation compilation = compile(carrier, source);

    assertOneError(
        compilation,
        "[UnstableAccountCarrier] @AccountId on parameter ref of rename() of"
            + " type test.AccountRef, whose @AccountId accessor AccountRef.account() belongs to"
            + " AccountRef, which is not final, so a subclass (an anonymous one, say) can override"
            + " it to answer differently on each read. The guard checks the account id it reads"
            + " from the carrier once, and the delegate reads it again, so an accessor that can"
            + " answer differently lets the call act in an account that was never checked. Make"
            + " AccountRef a record that marks its component and declares no accessor for it, as"
            + " in record AccountRef(@AccountId String account, ...) {}, or a final class whose"
            + " @AccountId method account() is exactly return account; of a final String field it"
            + " declares; or give the parameter the type String or UUID",
        source,
        "void rename(");
  }
}
