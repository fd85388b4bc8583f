package dev.rolegate.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.CustomRoles;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.runtime.PrincipalSource;
import dev.rolegate.test.fixtures.GuardedNotes;
import dev.rolegate.test.fixtures.Notes;
import dev.rolegate.test.fixtures.PlainNotes;
import dev.rolegate.test.fixtures.WrongNotesGuards;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test of the test: {@link AuthorizationMatrix} fails each deliberately wrong guard of {@link
 * Notes} (in {@link WrongNotesGuards}) in at least one case, with a message naming the method, the
 * case and both outcomes, and passes the generated guard in every case.
 */
class WrongGuardsTest {
  private static final String WS = AuthorizationMatrix.WORKSPACE;
  private static final String READ = "Notes.read(java.lang.String,java.lang.String)";
  private static final String READ_INDEX = "Notes.read(java.lang.String,int)";
  private static final String DELETE = "Notes.delete(java.lang.String,java.lang.String)";

  private static AuthorizationMatrix<Notes> calls(AuthorizationMatrix<Notes> matrix) {
    return matrix
        .call("read(java.lang.String,java.lang.String)", n -> n.read(WS, "n-1"))
        .call("read(java.lang.String,int)", n -> n.read(WS, 3))
        .call("delete", n -> n.delete(WS, "n-1"))
        .call("purge", Notes::purge);
  }

  /** The recording form over {@code guard}. */
  private static AuthorizationMatrix<Notes> recorded(
      BiFunction<Notes, PrincipalSource, Notes> guard) {
    return calls(
        AuthorizationMatrix.of(Notes.class).implementation(new PlainNotes()).guard(guard::apply));
  }

  /** Runs every case as JUnit would; returns each failing case's message by display name. */
  private static Map<String, String> failures(AuthorizationMatrix<Notes> matrix) {
    Map<String, String> failures = new LinkedHashMap<>();
    List<DynamicTest> tests = matrix.tests().toList();
    assertFalse(tests.isEmpty());
    for (DynamicTest test : tests) {
      try {
        test.getExecutable().execute();
      } catch (Throwable failure) {
        failures.put(test.getDisplayName(), failure.getMessage());
      }
    }
    return failures;
  }

  private static void assertFails(Map<String, String> failures, String name, String message) {
    assertTrue(
        failures.containsKey(name), () -> name + " did not fail; failed: " + failures.keySet());
    assertEquals(message, failures.get(name));
  }

  @Test
  void generatedGuard_passesEveryCase_inBothForms() {
    assertEquals(Map.of(), failures(recorded(GuardedNotes::wrap)));
    PlainNotes impl = new PlainNotes();
    assertEquals(
        Map.of(),
        failures(
            calls(
                AuthorizationMatrix.of(Notes.class)
                    .guard(source -> GuardedNotes.wrap(impl, source)))));
  }

  @Test
  void checkingTheBoundWorkspaceInsteadOfTheArgument_fails() {
    Map<String, String> failures = failures(recorded(WrongNotesGuards.ChecksBoundWorkspace::new));
    assertFails(
        failures,
        READ.substring(6) + " as workspace VIEWER, another workspace bound: allowed",
        READ
            + " as workspace VIEWER, another workspace bound was denied, but matrix Prefect Cloud"
            + " says allowed (requires VIEW_DEPLOYMENTS)");
    assertFails(
        failures,
        READ.substring(6)
            + " as workspace VIEWER in another workspace only, that workspace bound: denied",
        READ
            + " as workspace VIEWER in another workspace only, that workspace bound was allowed,"
            + " but matrix Prefect Cloud says denied (requires VIEW_DEPLOYMENTS)");
    // With the call's workspace bound, the bound and the named one are the same: those pass.
    assertFalse(failures.containsKey(READ.substring(6) + " as workspace VIEWER: allowed"));
    assertTrue(
        failures.keySet().stream()
            .allMatch(name -> name.startsWith("read(java.lang.String," + "java.lang.String)")),
        failures.keySet().toString());
  }

  /**
   * Wrong guards that fail one case each, as {@code failing(name, guard, case, message)}: the case
   * that must fail and its message.
   */
  static Stream<Arguments> wrongGuardsFailingACase() {
    return Stream.of(
        failing(
            "checkingAConstantWorkspace_fails",
            WrongNotesGuards.ChecksConstantWorkspace::new,
            READ.substring(6) + " as workspace VIEWER: allowed",
            READ
                + " as workspace VIEWER was denied, but matrix Prefect Cloud says allowed (requires"
                + " VIEW_DEPLOYMENTS)"),
        failing(
            "checkingTheWrongPermission_fails",
            WrongNotesGuards.ChecksWrongPermission::new,
            DELETE.substring(6) + " as workspace VIEWER: denied",
            DELETE
                + " as workspace VIEWER was allowed, but matrix Prefect Cloud says denied (requires"
                + " DELETE_DEPLOYMENTS)"),
        failing(
            "delegatingThenDenying_failsTheDeniedCase",
            WrongNotesGuards.DelegatesThenDenies::new,
            DELETE.substring(6) + " as workspace VIEWER: denied",
            DELETE
                + " as workspace VIEWER: expected denied, but it was delegated, then denied: a"
                + " denied call must never reach the delegate"),
        failing(
            "delegatingThenDenying_failsTheUnauthenticatedCase",
            WrongNotesGuards.DelegatesThenDenies::new,
            DELETE.substring(6) + " with no principal: unauthenticated",
            DELETE
                + " with no principal: expected unauthenticated, but it was delegated, then found"
                + " unauthenticated: a denied call must never reach the delegate"),
        failing(
            "callingTheWrongDelegateOverload_fails",
            WrongNotesGuards.CallsWrongOverload::new,
            READ_INDEX.substring(6) + " as workspace VIEWER: allowed",
            READ_INDEX
                + " as workspace VIEWER: expected allowed, but the guard of"
                + " read(java.lang.String,int) called the delegate's"
                + " read(java.lang.String,java.lang.String)"),
        failing(
            "returningWithoutDelegating_fails",
            WrongNotesGuards.ReturnsWithoutDelegating::new,
            READ.substring(6) + " as workspace VIEWER: allowed",
            READ
                + " as workspace VIEWER: expected allowed, but the guard failed before delegating:"
                + " it returned without reaching the delegate"));
  }

  /** The recording form over {@code guard} fails the case {@code name} with {@code message}. */
  @ParameterizedTest
  @MethodSource
  void wrongGuardsFailingACase(
      BiFunction<Notes, PrincipalSource, Notes> guard, String name, String message) {
    assertFails(failures(recorded(guard)), name, message);
  }

  private static Arguments failing(
      String caseName,
      BiFunction<Notes, PrincipalSource, Notes> guard,
      String name,
      String message) {
    return argumentSet(caseName, guard, name, message);
  }

  @Test
  void crashingBeforeDelegating_fails_evenWhereTheCallIsAllowed() {
    Map<String, String> failures =
        failures(recorded(WrongNotesGuards.CrashesBeforeDelegating::new));
    assertFails(
        failures,
        DELETE.substring(6) + " as workspace DEVELOPER: allowed",
        DELETE
            + " as workspace DEVELOPER: expected allowed, but the guard failed before"
            + " delegating: java.lang.NullPointerException: owner");
    assertTrue(failures.containsKey(DELETE.substring(6) + " with no principal: unauthenticated"));
  }

  @Test
  void denyingUnderAnotherOperation_fails_inBothForms() {
    Map<String, String> failures = failures(recorded(WrongNotesGuards.DeniesUnderAnotherName::new));
    assertFails(
        failures,
        DELETE.substring(6) + " as workspace VIEWER: denied",
        DELETE
            + " as workspace VIEWER: expected denied, but it was denied as operation"
            + " Archive.delete, not Notes.delete");
    PlainNotes impl = new PlainNotes();
    Map<String, String> function =
        failures(
            calls(
                AuthorizationMatrix.of(Notes.class)
                    .guard(source -> new WrongNotesGuards.DeniesUnderAnotherName(impl, source))));
    assertFails(
        function,
        DELETE.substring(6) + " as workspace VIEWER: denied",
        "calling "
            + DELETE
            + " was denied by another guarded call (Archive.delete) inside it; give an"
            + " implementation that calls no other guarded service");
  }

  /** The function form cannot see the delegate, but a crash before the method is still caught. */
  @Test
  void functionForm_crashBeforeTheMethodIsEntered_fails() {
    PlainNotes impl = new PlainNotes();
    Function<PrincipalSource, Notes> guard =
        source -> new WrongNotesGuards.CrashesBeforeDelegating(impl, source);
    Map<String, String> failures =
        failures(calls(AuthorizationMatrix.of(Notes.class).guard(guard)));
    assertFails(
        failures,
        DELETE.substring(6) + " as workspace DEVELOPER: allowed",
        DELETE
            + " as workspace DEVELOPER: the guard failed before delegating:"
            + " java.lang.NullPointerException: owner");
    // The implementation's own exception, past a correct guard, still counts as allowed.
    assertFalse(
        failures.keySet().stream().anyMatch(name -> name.startsWith("read(")),
        failures.keySet().toString());
  }

  @Test
  void customRoles_andDefaultRoles_areCases() {
    Matrix matrix = Matrix.load();
    CustomRoles custom = new CustomRoles(matrix, AuthorizationMatrix.ACCOUNT);
    custom.defineStandalone("NOTE_READER", List.of("VIEW_DEPLOYMENTS"));
    custom.define("NOTE_KEEPER", "VIEWER", "DELETE_DEPLOYMENTS");
    AuthorizationMatrix<Notes> correct = recorded(GuardedNotes::wrap).customRoles(custom);
    List<String> names = correct.tests().map(DynamicTest::getDisplayName).toList();
    assertTrue(
        names.contains(
            "delete(java.lang.String,java.lang.String) as custom workspace"
                + " NOTE_KEEPER: allowed"),
        names.toString());
    assertTrue(
        names.contains(
            "delete(java.lang.String,java.lang.String) as custom workspace"
                + " NOTE_READER: denied"),
        names.toString());
    assertTrue(
        names.contains(
            "purge() as account member, no explicit role, default role" + " NOTE_KEEPER: allowed"),
        names.toString());
    assertTrue(
        names.contains(
            "purge() as account member, no explicit role, default role" + " DEVELOPER: allowed"),
        names.toString());
    assertTrue(
        names.contains(
            "purge() as account member, no explicit role, default no access:" + " denied"),
        names.toString());
    assertTrue(
        names.contains(
            "purge() as custom workspace NOTE_KEEPER in another workspace only,"
                + " that workspace bound: allowed"),
        names.toString());
    assertEquals(Map.of(), failures(correct));
    Map<String, String> failures =
        failures(recorded(WrongNotesGuards.ChecksWrongPermission::new).customRoles(custom));
    assertFails(
        failures,
        DELETE.substring(6) + " as custom workspace NOTE_READER: denied",
        DELETE
            + " as custom workspace NOTE_READER was allowed, but matrix Prefect Cloud says"
            + " denied (requires DELETE_DEPLOYMENTS)");
    assertFails(
        failures,
        DELETE.substring(6) + " as account member, no explicit role, default role VIEWER: denied",
        DELETE
            + " as account member, no explicit role, default role VIEWER was allowed, but"
            + " matrix Prefect Cloud says denied (requires DELETE_DEPLOYMENTS)");
  }

  @Test
  void aBindingLeftOnTheThread_failsTheCasesWithoutAPrincipal_sayingSo() {
    Principal leaked =
        Principal.user("leaked")
            .directory(AccountDirectory.singleAccount(AuthorizationMatrix.ACCOUNT))
            .build();
    Map<String, String> failures;
    try (PrincipalScope scope = CurrentPrincipal.bind(leaked)) {
      failures = failures(recorded(GuardedNotes::wrap));
    }
    assertEquals(4, failures.size(), failures.keySet().toString());
    assertFails(
        failures,
        "purge() with no principal: unauthenticated",
        "Notes.purge() with no"
            + " principal: a principal is already bound on this thread (a scope an earlier test left"
            + " open), so the case cannot run without one");
  }
}
