package dev.rolegate.runtime;

import static dev.rolegate.runtime.TestMatrix.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.rolegate.runtime.internal.Requirement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The run-time hostile-input catalogue (docs/SECURITY.md lists the same rows): one row per bad
 * input, with the outcome it must have. Every row runs through a guard shaped exactly like a
 * generated interface guard ({@link GuardedThings}: {@code Requirement.check} with the argument
 * named by {@code @WorkspaceId}, then the delegate), with a token-like secret among the call's
 * arguments, and is checked for the same things: the outcome and its message, the delegate never
 * reached unless the row expects an allowed call, the secret absent from the message, {@code
 * toString} and every decision the listener saw, no allowed decision reported for a denial, and
 * bounded time. Rows that need the processor's own output (wrapping null, a delegate that throws,
 * real secrets) are in the samples' {@code GeneratedGuardCatalogueTest}, ids H53 on.
 */
class HostileInputCatalogueTest {
  /** A token-like argument value: must never appear in a message or a decision. */
  static final String SECRET = "tok_live_5f3e9a1bc0de4242secret";

  static final String OP = "Things.delete";
  static final UUID WS_UUID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
  static final Requirement DELETE = Requirement.allOf(permission(DELETE_X));
  static final Requirement EDIT_ACCOUNT_REQ = Requirement.allOf(permission(EDIT_ACCOUNT));

  static final Principal DEV = user("dev").workspaceRole("ws-prod", DEVELOPER).build();
  static final Principal VIEWER_P = user("vic").workspaceRole("ws-prod", VIEWER).build();
  static final Principal OWNER_P = user("olga").workspaceRole("ws-prod", OWNER).build();
  static final Principal ADMIN_P = user("ada").accountRole(ADMIN).build();

  /** The guarded interface: every method carries a secret argument. */
  interface Things {
    /** {@code @RequiresPermission(DELETE_X)}, {@code @WorkspaceId String workspace}. */
    void delete(String workspace, String token);

    /** {@code @RequiresPermission(DELETE_X)}, {@code @WorkspaceId UUID workspace}. */
    void deleteIn(UUID workspace, String token);

    /** {@code @RequiresPermission(DELETE_X)}, {@code @BoundWorkspace}. */
    void deleteBound(String token);

    /** {@code @RequiresPermission(EDIT_ACCOUNT)}: account-level. */
    void editAccount(String token);
  }

  /** What the processor writes for {@link Things} (compare the processor's goldens). */
  static final class GuardedThings implements Things {
    private final Things delegate;
    private final PrincipalSource source;

    private GuardedThings(Things delegate, PrincipalSource source) {
      this.delegate = delegate;
      this.source = source;
    }

    static Things wrap(Things delegate, PrincipalSource source) {
      Objects.requireNonNull(delegate, "delegate");
      Objects.requireNonNull(source, "source");
      return new GuardedThings(delegate, source);
    }

    @Override
    public void delete(String workspace, String token) {
      DELETE.check(source, workspace, "Things.delete");
      delegate.delete(workspace, token);
    }

    @Override
    public void deleteIn(UUID workspace, String token) {
      DELETE.check(source, workspace, "Things.deleteIn");
      delegate.deleteIn(workspace, token);
    }

    @Override
    public void deleteBound(String token) {
      DELETE.check(source, "Things.deleteBound");
      delegate.deleteBound(token);
    }

    @Override
    public void editAccount(String token) {
      EDIT_ACCOUNT_REQ.checkInAccount(source, ACCOUNT, "Things.editAccount");
      delegate.editAccount(token);
    }
  }

  /** A delegate that records which methods were reached. */
  static final class Recorder implements Things {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void delete(String workspace, String token) {
      calls.add("delete");
    }

    @Override
    public void deleteIn(UUID workspace, String token) {
      calls.add("deleteIn");
    }

    @Override
    public void deleteBound(String token) {
      calls.add("deleteBound");
    }

    @Override
    public void editAccount(String token) {
      calls.add("editAccount");
    }
  }

  /** One row's world: a recording delegate behind a guard, and the decisions a listener saw. */
  static final class Fixture {
    final Recorder delegate = new Recorder();
    final List<Decision> decisions = new CopyOnWriteArrayList<>();

    /** Reads the thread binding, as {@code wrap(delegate)} does. */
    final Things guard = GuardedThings.wrap(delegate, CurrentPrincipal.source());

    Things guard(PrincipalSource source) {
      return GuardedThings.wrap(delegate, source);
    }

    /** Forgets what happened so far: the row's final call is the one judged. */
    void clear() {
      delegate.calls.clear();
      decisions.clear();
    }
  }

  enum Outcome {
    DENIED,
    UNAUTHENTICATED,
    ILLEGAL_ARGUMENT,
    NULL_POINTER,
    ALLOWED,
    PASSES_THROUGH
  }

  /** What a row must end in: the outcome, and a fragment its message must contain. */
  record Expected(Outcome outcome, Class<? extends Throwable> type, String fragment) {
    static Expected denied(String fragment) {
      return new Expected(Outcome.DENIED, AccessDeniedException.class, fragment);
    }

    static Expected unauthenticated() {
      return new Expected(
          Outcome.UNAUTHENTICATED, UnauthenticatedException.class, "no principal is bound");
    }

    static Expected illegalArgument(String fragment) {
      return new Expected(Outcome.ILLEGAL_ARGUMENT, IllegalArgumentException.class, fragment);
    }

    static Expected nullPointer(String name) {
      return new Expected(Outcome.NULL_POINTER, NullPointerException.class, name);
    }

    static Expected allowed() {
      return new Expected(Outcome.ALLOWED, null, "");
    }

    static Expected passesThrough(Class<? extends Throwable> type, String fragment) {
      return new Expected(Outcome.PASSES_THROUGH, type, fragment);
    }
  }

  @FunctionalInterface
  interface Call {
    void run(Fixture f) throws Throwable;
  }

  record Row(String id, String input, Expected expected, Call call) {}

  static Row row(String id, String input, Expected expected, Call call) {
    return new Row(id, input, expected, call);
  }

  /** The catalogue. Ids are stable: docs/SECURITY.md names them. */
  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    // --- who is calling ---
    rows.add(
        row(
            "H01",
            "no principal bound",
            Expected.unauthenticated(),
            f -> f.guard.delete("ws-prod", SECRET)));
    rows.add(
        row(
            "H02",
            "principal id null",
            Expected.nullPointer("principal id"),
            f -> user(null).workspaceRole("ws-prod", OWNER).build()));
    rows.add(
        row(
            "H03",
            "principal id empty",
            Expected.illegalArgument("may not be empty or blank"),
            f -> user("").workspaceRole("ws-prod", OWNER).build()));
    rows.add(
        row(
            "H04",
            "principal id blank (spaces, tab, no-break space)",
            Expected.illegalArgument("may not be empty or blank"),
            f -> serviceAccount(" \t\u00a0").workspaceRole("ws-prod", OWNER).build()));
    rows.add(
        row(
            "H05",
            "principal id with a line break (\"alice\\nuser admin\")",
            Expected.illegalArgument(
                "a principal id may not contain U+000A LINE FEED (LF) (character 6"),
            f -> user("alice\nuser admin").workspaceRole("ws-prod", OWNER).build()));
    rows.add(
        row(
            "H06",
            "bind(null)",
            Expected.nullPointer("principal"),
            f -> CurrentPrincipal.bind(null, "ws-prod")));
    // --- role names ---
    rows.add(
        row(
            "H07",
            "workspace role in another case (\"developer\")",
            Expected.illegalArgument("workspace role \"developer\" is unknown"),
            f -> user("u").workspaceRole("ws-prod", "developer").build()));
    rows.add(
        row(
            "H08",
            "workspace role with leading/trailing spaces (\" DEVELOPER \")",
            Expected.illegalArgument("workspace role \" DEVELOPER \" is unknown"),
            f -> user("u").workspaceRole("ws-prod", " DEVELOPER ").build()));
    rows.add(
        row(
            "H09",
            "unknown workspace role (\"SUPERUSER\")",
            Expected.illegalArgument(
                "known workspace roles (case-sensitive): VIEWER, DEVELOPER, OWNER"),
            f -> user("u").workspaceRole("ws-prod", "SUPERUSER").build()));
    rows.add(
        row(
            "H10",
            "account role used as a workspace role (ADMIN in ws-prod)",
            Expected.illegalArgument("is an account role, not a workspace role"),
            f -> user("u").workspaceRole("ws-prod", ADMIN).build()));
    rows.add(
        row(
            "H11",
            "workspace role used as the account role (accountRole(OWNER))",
            Expected.illegalArgument("is a workspace role, not an account role"),
            f -> user("u").accountRole(OWNER).build()));
    rows.add(
        row(
            "H12",
            "account role in another case (\"admin\")",
            Expected.illegalArgument("account role \"admin\" is unknown"),
            f -> user("u").accountRole("admin").build()));
    rows.add(
        row(
            "H13",
            "null workspace role name",
            Expected.nullPointer("workspace role"),
            f -> user("u").workspaceRole("ws-prod", (String) null).build()));
    // --- which workspace ---
    rows.add(
        row(
            "H14",
            "null workspace id (account ADMIN, OWNER everywhere)",
            Expected.denied("the call names no workspace"),
            f -> asPrincipal(ADMIN_P, () -> f.guard.delete(null, SECRET))));
    rows.add(
        row(
            "H15",
            "empty workspace id (account ADMIN)",
            Expected.denied("the workspace id is empty or blank"),
            f -> asPrincipal(ADMIN_P, () -> f.guard.delete("", SECRET))));
    rows.add(
        row(
            "H16",
            "whitespace workspace id \" \\t\\n\" (account ADMIN)",
            Expected.denied("the workspace id is empty or blank"),
            f -> asPrincipal(ADMIN_P, () -> f.guard.delete(" \t\n", SECRET))));
    rows.add(
        row(
            "H17",
            "no-break-space workspace id \"\\u00a0\\u2007\\u202f\" (account ADMIN)",
            Expected.denied("the workspace id is empty or blank"),
            f -> asPrincipal(ADMIN_P, () -> f.guard.delete("\u00a0\u2007\u202f", SECRET))));
    rows.add(
        row(
            "H18",
            "zero-width workspace id \"\\u200b\\u2060\\ufeff\" (account ADMIN)",
            Expected.denied("the workspace id is empty or blank"),
            f -> asPrincipal(ADMIN_P, () -> f.guard.delete("\u200b\u2060\ufeff", SECRET))));
    rows.add(
        row(
            "H19",
            "null UUID workspace (account ADMIN)",
            Expected.denied("the call names no workspace"),
            f -> asPrincipal(ADMIN_P, () -> f.guard.deleteIn(null, SECRET))));
    rows.add(
        row(
            "H20",
            "a workspace the principal has no role in (DEVELOPER of ws-prod in ws-other)",
            Expected.denied(
                "dev holds no role there, account role MEMBER. Allowed: workspace role"
                    + " DEVELOPER, OWNER; account role ADMIN"),
            f -> asPrincipal(DEV, () -> f.guard.delete("ws-other", SECRET))));
    rows.add(
        row(
            "H21",
            "a non-UUID workspace id in another case (\"WS-PROD\" for ws-prod)",
            Expected.denied("in workspace \"WS-PROD\""),
            f -> asPrincipal(DEV, () -> f.guard.delete("WS-PROD", SECRET))));
    rows.add(
        row(
            "H22",
            "a workspace id with invisible padding (\"ws-prod\\u200b\")",
            Expected.denied("holds no role there"),
            f -> asPrincipal(DEV, () -> f.guard.delete("ws-prod\u200b", SECRET))));
    rows.add(
        row(
            "H23",
            "workspace default \"no access\", principal without a role there",
            Expected.denied("holds no role there"),
            f -> {
              WorkspaceDefaults defaults = new WorkspaceDefaults(MATRIX);
              defaults.setNoAccess("ws-prod");
              Principal member = user("mo").workspaceDefaults(defaults).build();
              asPrincipal(member, () -> f.guard.delete("ws-prod", SECRET));
            }));
    rows.add(
        row(
            "H24",
            "a UUID workspace in upper case, role given in lower case: the same workspace",
            Expected.allowed(),
            f -> {
              Principal p = user("u").workspaceRole(WS_UUID.toString(), DEVELOPER).build();
              asPrincipal(
                  p,
                  () ->
                      f.guard.delete(
                          WS_UUID.toString().toUpperCase(java.util.Locale.ROOT), SECRET));
            }));
    rows.add(
        row(
            "H25",
            "a UUID workspace given as a UUID, role given in upper case: the same workspace",
            Expected.allowed(),
            f -> {
              Principal p =
                  user("u")
                      .workspaceRole(
                          WS_UUID.toString().toUpperCase(java.util.Locale.ROOT), DEVELOPER)
                      .build();
              asPrincipal(p, () -> f.guard.deleteIn(WS_UUID, SECRET));
            }));
    rows.add(
        row(
            "H26",
            "a loose UUID spelling UUID.fromString accepts (\"+23e4567-...\")",
            Expected.denied("holds no role there"),
            f -> {
              Principal p = user("u").workspaceRole(WS_UUID.toString(), DEVELOPER).build();
              asPrincipal(p, () -> f.guard.delete("+23e4567-e89b-12d3-a456-426614174000", SECRET));
            }));
    rows.add(
        row(
            "H27",
            "the same UUID workspace given twice in two cases",
            Expected.illegalArgument("already has a role for u"),
            f ->
                user("u")
                    .workspaceRole(WS_UUID.toString(), VIEWER)
                    .workspaceRole(WS_UUID.toString().toUpperCase(java.util.Locale.ROOT), OWNER)
                    .build()));
    rows.add(
        row(
            "H28",
            "@BoundWorkspace call with no workspace bound (account ADMIN)",
            Expected.denied("the call names no workspace"),
            f -> asPrincipal(ADMIN_P, () -> f.guard.deleteBound(SECRET))));
    rows.add(
        row(
            "H29",
            "@BoundWorkspace call with a blank workspace bound",
            Expected.denied("the workspace id is empty or blank"),
            f -> {
              try (PrincipalScope scope = CurrentPrincipal.bind(OWNER_P, "  ")) {
                f.guard.deleteBound(SECRET);
              }
            }));
    rows.add(
        row(
            "H30",
            "a workspace role used for an account permission (OWNER of ws-prod edits the account)",
            Expected.denied("olga holds account role MEMBER. Allowed: account role ADMIN"),
            f -> asPrincipal(OWNER_P, () -> f.guard.editAccount(SECRET))));
    rows.add(
        row(
            "H31",
            "a workspace id carrying a line break and an escape sequence",
            Expected.denied("in workspace \"ws-prod\\nALLOWED \\u001b[0m\""),
            f ->
                asPrincipal(VIEWER_P, () -> f.guard.delete("ws-prod\nALLOWED \u001b[0m", SECRET))));
    rows.add(
        row(
            "H32",
            "a 1,000,000-character workspace id",
            Expected.denied("(1000000 characters)"),
            f -> asPrincipal(DEV, () -> f.guard.delete("w".repeat(1_000_000), SECRET))));
    // --- bindings and threads ---
    rows.add(
        row(
            "H33",
            "nested binds: OWNER, then VIEWER inside; the inner one decides",
            Expected.denied("vic holds VIEWER there"),
            f -> {
              try (PrincipalScope outer = CurrentPrincipal.bind(OWNER_P)) {
                try (PrincipalScope inner = CurrentPrincipal.bind(VIEWER_P)) {
                  f.guard.delete("ws-prod", SECRET);
                } finally {
                  assertSame(
                      OWNER_P,
                      CurrentPrincipal.get().orElseThrow(),
                      "inner close restores the outer");
                }
              }
            }));
    rows.add(
        row(
            "H34",
            "a bind left open by an exception: try-with-resources restored nothing-bound",
            Expected.unauthenticated(),
            f -> {
              assertThrows(
                  IllegalStateException.class,
                  () -> {
                    try (PrincipalScope scope = CurrentPrincipal.bind(OWNER_P)) {
                      throw new IllegalStateException("boom");
                    }
                  });
              f.guard.delete("ws-prod", SECRET);
            }));
    rows.add(
        row(
            "H35",
            "an inner scope never closed, the outer one closed: both are gone",
            Expected.unauthenticated(),
            f -> {
              PrincipalScope outer = CurrentPrincipal.bind(VIEWER_P);
              CurrentPrincipal.bind(OWNER_P); // never closed
              outer.close();
              f.guard.delete("ws-prod", SECRET);
            }));
    rows.add(
        row(
            "H36",
            "a scope never closed by a task on a propagating pool: the next task is unauthenticated",
            Expected.unauthenticated(),
            f -> {
              ExecutorService pool =
                  CurrentPrincipal.propagating(Executors.newSingleThreadExecutor());
              try {
                pool.submit(() -> CurrentPrincipal.bind(OWNER_P)).get(); // leaks its scope
                rethrow(pool.submit(() -> f.guard.delete("ws-prod", SECRET)));
              } finally {
                pool.shutdownNow();
              }
            }));
    rows.add(
        row(
            "H37",
            "a principal bound in one thread, the call made in another",
            Expected.unauthenticated(),
            f -> {
              try (PrincipalScope scope = CurrentPrincipal.bind(OWNER_P)) {
                onOtherThread(() -> f.guard.delete("ws-prod", SECRET));
              }
            }));
    rows.add(
        row(
            "H38",
            "a scope closed on another thread: nothing is bound or unbound there",
            Expected.unauthenticated(),
            f -> {
              PrincipalScope scope = CurrentPrincipal.bind(OWNER_P);
              try {
                onOtherThread(
                    () -> {
                      scope.close();
                      f.guard.delete("ws-prod", SECRET);
                    });
              } finally {
                assertSame(
                    OWNER_P, CurrentPrincipal.get().orElseThrow(), "still bound on its own thread");
                scope.close();
              }
            }));
    rows.add(
        row(
            "H39",
            "an empty captured context run on a thread that has a principal",
            Expected.unauthenticated(),
            f -> {
              PrincipalContext nobody = PrincipalContext.capture();
              try (PrincipalScope scope = CurrentPrincipal.bind(OWNER_P)) {
                nobody.call(
                    () -> {
                      f.guard.delete("ws-prod", SECRET);
                      return null;
                    });
              }
            }));
    rows.add(
        row(
            "H40",
            "a scope closed inside a task run with a captured context on the same thread",
            Expected.unauthenticated(),
            f -> {
              PrincipalScope scope = CurrentPrincipal.bind(OWNER_P);
              // A same-thread executor: the task closes the caller's scope, the context then
              // restores.
              CurrentPrincipal.propagating((java.util.concurrent.Executor) Runnable::run)
                  .execute(scope::close);
              f.guard.delete("ws-prod", SECRET);
            }));
    rows.add(
        row(
            "H41",
            "runAs(null, action)",
            Expected.nullPointer("principal"),
            f -> CurrentPrincipal.runAs(null, () -> f.guard.delete("ws-prod", SECRET))));
    // --- principal sources ---
    rows.add(
        row(
            "H42",
            "a PrincipalSource that throws (its message quoting the token)",
            Expected.denied(
                "reading the current principal failed (java.lang.IllegalStateException)"),
            f ->
                f.guard(
                        () -> {
                          throw new IllegalStateException("bad bearer " + SECRET);
                        })
                    .delete("ws-prod", SECRET)));
    rows.add(
        row(
            "H43",
            "a PrincipalSource that returns null",
            Expected.unauthenticated(),
            f -> f.guard(() -> null).delete("ws-prod", SECRET)));
    rows.add(
        row(
            "H44",
            "a PrincipalSource whose currentWorkspace() throws",
            Expected.denied(
                "reading the bound workspace failed (java.lang.IllegalArgumentException)"),
            f ->
                f.guard(
                        new PrincipalSource() {
                          @Override
                          public Principal current() {
                            return OWNER_P;
                          }

                          @Override
                          public String currentWorkspace() {
                            throw new IllegalArgumentException(SECRET);
                          }
                        })
                    .deleteBound(SECRET)));
    rows.add(
        row(
            "H45",
            "a PrincipalSource that throws an Error: it propagates, the delegate is not reached",
            Expected.passesThrough(AssertionError.class, "source failed hard"),
            f ->
                f.guard(
                        () -> {
                          throw new AssertionError("source failed hard");
                        })
                    .delete("ws-prod", SECRET)));
    // --- listeners ---
    rows.add(
        row(
            "H46",
            "a listener that throws on a denial: still denied",
            Expected.denied("vic holds VIEWER there"),
            f -> {
              Decisions.setListener(
                  d -> {
                    f.decisions.add(d);
                    throw new IllegalStateException("listener down " + SECRET);
                  });
              asPrincipal(VIEWER_P, () -> f.guard.delete("ws-prod", SECRET));
            }));
    rows.add(
        row(
            "H47",
            "a listener that throws on an allow: the call still goes through once",
            Expected.allowed(),
            f -> {
              Decisions.setListener(
                  d -> {
                    f.decisions.add(d);
                    throw new IllegalStateException("listener down");
                  });
              asPrincipal(DEV, () -> f.guard.delete("ws-prod", SECRET));
            }));
    // --- matrices and custom roles ---
    rows.add(
        row(
            "H48",
            "a principal of another matrix (same shape, other instance)",
            Expected.denied(
                "roles come from matrix Shadow Matrix (test-matrix.md), but this guard checks"
                    + " matrix Test Matrix (test-matrix.md)"),
            f -> {
              Principal shadow =
                  Principal.user("eve")
                      .directory(TestMatrix.SINGLE)
                      .matrix(TestMatrix.build("Shadow Matrix"))
                      .workspaceRole("ws-prod", OWNER)
                      .accountRole(ADMIN)
                      .build();
              asPrincipal(shadow, () -> f.guard.delete("ws-prod", SECRET));
            }));
    rows.add(
        row(
            "H49",
            "a workspace role (a Role) of another matrix given to a principal",
            Expected.illegalArgument("is not a workspace role of matrix Test Matrix"),
            f ->
                user("u")
                    .workspaceRole(
                        "ws-prod",
                        TestMatrix.build("Shadow Matrix").workspaceRole(OWNER).orElseThrow())
                    .build()));
    rows.add(
        row(
            "H50",
            "a custom role with an unknown base (\"SUPERUSER\")",
            Expected.illegalArgument("workspace role \"SUPERUSER\" is unknown"),
            f -> new CustomRoles(MATRIX).define("DEPLOYER", "SUPERUSER", EDIT_X)));
    rows.add(
        row(
            "H51",
            "a custom role with an unknown extra (\"DELETE_EVERYTHING\")",
            Expected.illegalArgument(
                "custom role DEPLOYER: \"DELETE_EVERYTHING\" is neither a permission"),
            f -> new CustomRoles(MATRIX).define("DEPLOYER", VIEWER, "DELETE_EVERYTHING")));
    rows.add(
        row(
            "H52",
            "a custom role with an account permission as extra, or hiding a built-in name",
            Expected.illegalArgument("an account permission"),
            f -> {
              IllegalArgumentException hiding =
                  assertThrows(
                      IllegalArgumentException.class,
                      () -> new CustomRoles(MATRIX).define(OWNER, VIEWER, EDIT_X));
              assertTrue(
                  hiding.getMessage().contains("would read like the built-in workspace role OWNER"),
                  hiding.getMessage());
              new CustomRoles(MATRIX).define("DEPLOYER", VIEWER, EDIT_ACCOUNT);
            }));
    return rows;
  }

  @TestFactory
  Stream<DynamicTest> catalogue() {
    return rows().stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.id() + ": " + row.input() + " -> " + row.expected().outcome(),
                    () -> check(row)));
  }

  @Test
  void catalogue_idsAreUniqueAndInOrder_atLeastThirtyRows() {
    List<Row> rows = rows();
    assertTrue(rows.size() >= 30, "rows: " + rows.size());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(String.format("H%02d", i + 1), rows.get(i).id());
      assertTrue(ids.add(rows.get(i).id()));
    }
  }

  private static void check(Row row) {
    Fixture f = new Fixture();
    Decisions.setListener(f.decisions::add);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    try {
      // Bounded time, and a thread of its own: nothing a row binds can reach another row.
      assertTimeoutPreemptively(
          Duration.ofSeconds(20),
          () -> {
            try {
              row.call().run(f);
            } catch (Throwable t) {
              thrown.set(t);
            } finally {
              assertTrue(CurrentPrincipal.get().isEmpty(), row.id() + " left a principal bound");
            }
          });
    } finally {
      Decisions.setListener(null);
    }
    Expected expected = row.expected();
    Throwable t = thrown.get();
    if (expected.outcome() == Outcome.ALLOWED) {
      assertNull(t, () -> row.id() + " should be allowed, threw " + t);
      assertEquals(1, f.delegate.calls.size(), row.id() + ": the delegate runs exactly once");
      assertFalse(f.decisions.isEmpty(), row.id() + ": the listener saw the allow");
      f.decisions.forEach(d -> assertTrue(d.allowed(), row.id() + ": " + d));
      return;
    }
    assertNotNull(t, row.id() + " should end in " + expected.type().getSimpleName());
    if (!expected.type().isInstance(t)) {
      fail(row.id() + ": expected " + expected.type().getName() + ", got " + t, t);
    }
    String message = String.valueOf(t.getMessage());
    assertTrue(
        message.contains(expected.fragment()),
        () ->
            row.id()
                + ": message lacks \""
                + expected.fragment()
                + "\": "
                + message.substring(0, Math.min(message.length(), 400)));
    assertFalse(
        message.contains(SECRET), row.id() + " leaks the secret in its message: " + message);
    assertFalse(t.toString().contains(SECRET), row.id() + " leaks the secret in toString");
    assertEquals(List.of(), f.delegate.calls, row.id() + ": the delegate was reached");
    for (Decision d : f.decisions) {
      assertFalse(d.allowed(), row.id() + ": a listener saw an allow: " + d);
      assertFalse(
          d.toString().contains(SECRET), row.id() + " leaks the secret to the listener: " + d);
    }
    if (t instanceof SecurityException) {
      assertEquals(1, f.decisions.size(), row.id() + ": one denial reported: " + f.decisions);
      assertEquals(
          message, f.decisions.get(0).reason(), row.id() + ": the listener saw the message");
    } else {
      assertEquals(List.of(), f.decisions, row.id() + ": no decision before the call");
    }
  }

  private static void asPrincipal(Principal principal, Runnable call) {
    try (PrincipalScope scope = CurrentPrincipal.bind(principal)) {
      call.run();
    }
  }

  /** Runs {@code body} on a new thread, waits, and rethrows what it threw there. */
  private static void onOtherThread(Runnable body) throws Throwable {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                body.run();
              } catch (Throwable t) {
                thrown.set(t);
              }
              if (CurrentPrincipal.get().isPresent()) {
                thrown.compareAndSet(null, new AssertionError("the other thread got a principal"));
              }
            });
    thread.start();
    thread.join();
    if (thrown.get() != null) {
      throw thrown.get();
    }
  }

  private static void rethrow(java.util.concurrent.Future<?> future) throws Throwable {
    try {
      future.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause();
    }
  }
}
