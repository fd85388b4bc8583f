package dev.rolegate.samples;

import static dev.rolegate.samples.SampleData.WORKSPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Decision;
import dev.rolegate.runtime.Decisions;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.runtime.UnauthenticatedException;
import dev.rolegate.samples.account.AccountSettingsService;
import dev.rolegate.samples.account.GuardedAccountSettingsService;
import dev.rolegate.samples.blocks.BlockService;
import dev.rolegate.samples.blocks.GuardedBlockService;
import dev.rolegate.samples.blocks.Secret;
import dev.rolegate.samples.deployments.Deployment;
import dev.rolegate.samples.deployments.DeploymentRun;
import dev.rolegate.samples.deployments.DeploymentService;
import dev.rolegate.samples.deployments.GuardedDeploymentService;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile-input rows that need the processor's own output: the generated guards of the samples,
 * wrapping null, delegates that throw, real secret block data. The runtime's {@code
 * HostileInputCatalogueTest} holds rows H01 to H52; these continue at H53, and docs/SECURITY.md
 * lists both. Each row is checked as there: the outcome and its message, the delegate reached only
 * when the row lets the call through, the secret absent from the message, {@code toString} and
 * every decision, and bounded time.
 */
class GeneratedGuardCatalogueTest {
  /** A token-like argument value, and the secret block data: never in a message or a decision. */
  static final String SECRET = "sk_live_7Qd9aX2hunter2Secret";

  enum Outcome {
    DENIED,
    UNAUTHENTICATED,
    NULL_POINTER,
    PASSES_THROUGH
  }

  record Expected(Outcome outcome, Class<? extends Throwable> type, String fragment) {}

  @FunctionalInterface
  interface Call {
    void run(Fixture f) throws Throwable;
  }

  record Row(String id, String input, Expected expected, Call call) {}

  /**
   * A delegate for every service a row calls: records the calls, then throws {@link #toThrow} if
   * set.
   */
  static final class Fixture {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<Decision> decisions = new CopyOnWriteArrayList<>();
    Throwable toThrow;
    final DeploymentService deployments = new ThrowingDeployments(this);
    final BlockService blocks = CallRecorder.noOp(BlockService.class, calls);
    final AccountSettingsService account = CallRecorder.noOp(AccountSettingsService.class, calls);

    void reached(String method) {
      calls.add(method);
      if (toThrow != null) {
        GeneratedGuardCatalogueTest.<RuntimeException>sneaky(toThrow);
      }
    }
  }

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    rows.add(
        new Row(
            "H53",
            "GuardedDeploymentService.wrap(null)",
            npe("delegate"),
            f -> GuardedDeploymentService.wrap(null)));
    rows.add(
        new Row(
            "H54",
            "GuardedBlockService.wrap(null, source)",
            npe("delegate"),
            f -> GuardedBlockService.wrap(null, () -> developer())));
    rows.add(
        new Row(
            "H55",
            "GuardedDeploymentService.wrap(delegate, null source)",
            npe("source"),
            f -> GuardedDeploymentService.wrap(f.deployments, null)));
    rows.add(
        new Row(
            "H56",
            "a generated guard called with no principal bound",
            new Expected(
                Outcome.UNAUTHENTICATED,
                UnauthenticatedException.class,
                "no principal is bound for DeploymentService.delete"),
            f -> GuardedDeploymentService.wrap(f.deployments).delete(WORKSPACE, SECRET)));
    rows.add(
        new Row(
            "H57",
            "RUNNER deletes a deployment whose id is a token",
            denied(
                "runner-in-ws-prod may not call DeploymentService.delete, which requires"
                    + " DELETE_DEPLOYMENTS in workspace \"ws-prod\" of account \"acct-acme\"; runner-in-ws-prod"
                    + " holds RUNNER there"),
            f ->
                as(
                    inWorkspace(WorkspaceRoles.RUNNER),
                    () -> GuardedDeploymentService.wrap(f.deployments).delete(WORKSPACE, SECRET))));
    rows.add(
        new Row(
            "H58",
            "VIEWER creates a block holding secret data",
            denied(
                "requires MANAGE_BLOCKS in workspace \"ws-prod\" of account \"acct-acme\";"
                    + " viewer-in-ws-prod holds VIEWER there"),
            f ->
                as(
                    inWorkspace(WorkspaceRoles.VIEWER),
                    () ->
                        GuardedBlockService.wrap(f.blocks)
                            .create(WORKSPACE, "aws-credentials", "prod", Secret.of(SECRET)))));
    rows.add(
        new Row(
            "H59",
            "account ADMIN bypasses SSO (account OWNER only)",
            denied(
                "requires BYPASS_SSO in account \"acct-acme\"; account-admin holds account role ADMIN."
                    + " Allowed: account role OWNER"),
            f ->
                as(
                    TestPrincipals.account(AccountRoles.ADMIN),
                    () ->
                        GuardedAccountSettingsService.wrap(f.account).bypassSso(SampleData.ACME))));
    rows.add(
        new Row(
            "H60",
            "account OWNER lists deployments of a null workspace",
            denied("but the call names no workspace"),
            f ->
                as(
                    TestPrincipals.account(AccountRoles.OWNER),
                    () -> GuardedDeploymentService.wrap(f.deployments).list(null))));
    rows.add(
        new Row(
            "H61",
            "an allowed call whose delegate throws an unchecked exception",
            passes(IllegalStateException.class, "store down"),
            f -> {
              f.toThrow = new IllegalStateException("store down");
              as(
                  developer(),
                  () -> GuardedDeploymentService.wrap(f.deployments).delete(WORKSPACE, "d-1"));
            }));
    rows.add(
        new Row(
            "H62",
            "an allowed call whose delegate throws a checked exception it does not declare",
            passes(IOException.class, "disk gone"),
            f -> {
              f.toThrow = new IOException("disk gone");
              as(developer(), () -> GuardedDeploymentService.wrap(f.deployments).list(WORKSPACE));
            }));
    rows.add(
        new Row(
            "H63",
            "an allowed call whose delegate throws an Error",
            passes(StackOverflowError.class, "deep"),
            f -> {
              f.toThrow = new StackOverflowError("deep");
              as(
                  developer(),
                  () ->
                      GuardedDeploymentService.wrap(f.deployments, () -> developer())
                          .read(WORKSPACE, "d-1"));
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
  void catalogue_idsContinueTheRuntimeCatalogueInOrder() {
    List<Row> rows = rows();
    for (int i = 0; i < rows.size(); i++) {
      assertEquals("H" + (53 + i), rows.get(i).id());
    }
  }

  private static void check(Row row) {
    Fixture f = new Fixture();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Decisions.setListener(f.decisions::add);
    try {
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
    Throwable t = thrown.get();
    Expected expected = row.expected();
    assertNotNull(t, row.id() + " should end in " + expected.type().getSimpleName());
    if (!expected.type().isInstance(t)) {
      fail(row.id() + ": expected " + expected.type().getName() + ", got " + t, t);
    }
    String message = String.valueOf(t.getMessage());
    assertTrue(message.contains(expected.fragment()), row.id() + ": " + message);
    assertFalse(message.contains(SECRET), row.id() + " leaks the secret: " + message);
    assertFalse(t.toString().contains(SECRET), row.id() + " leaks the secret in toString");
    f.decisions.forEach(d -> assertFalse(d.toString().contains(SECRET), row.id() + ": " + d));
    switch (expected.outcome()) {
      case PASSES_THROUGH -> {
        assertSame(f.toThrow, t, row.id() + ": the delegate's own exception, unchanged");
        assertEquals(1, f.calls.size(), row.id() + ": the delegate ran once");
        assertEquals(1, f.decisions.size(), row.id() + ": one decision: " + f.decisions);
        assertTrue(f.decisions.get(0).allowed(), row.id() + ": reported as allowed, not denied");
      }
      case DENIED, UNAUTHENTICATED -> {
        assertEquals(List.of(), f.calls, row.id() + ": the delegate was reached");
        assertEquals(1, f.decisions.size(), row.id() + ": one decision: " + f.decisions);
        assertFalse(f.decisions.get(0).allowed(), row.id());
        assertEquals(message, f.decisions.get(0).reason(), row.id());
      }
      case NULL_POINTER -> {
        assertEquals(List.of(), f.calls, row.id());
        assertEquals(List.of(), f.decisions, row.id() + ": failed at wrap time, before any call");
      }
    }
  }

  private static Expected npe(String name) {
    return new Expected(Outcome.NULL_POINTER, NullPointerException.class, name);
  }

  private static Expected denied(String fragment) {
    return new Expected(Outcome.DENIED, AccessDeniedException.class, fragment);
  }

  private static Expected passes(Class<? extends Throwable> type, String fragment) {
    return new Expected(Outcome.PASSES_THROUGH, type, fragment);
  }

  private static Principal inWorkspace(String role) {
    return TestPrincipals.inWorkspace(WORKSPACE, role);
  }

  private static Principal developer() {
    return inWorkspace(WorkspaceRoles.DEVELOPER);
  }

  private static void as(Principal principal, Runnable call) {
    try (PrincipalScope scope = CurrentPrincipal.bind(principal)) {
      call.run();
    }
  }

  @SuppressWarnings("unchecked")
  static <E extends Throwable> void sneaky(Throwable t) throws E {
    throw (E) t;
  }

  /** A deployment service that records each call and then throws what the row set, if anything. */
  private static final class ThrowingDeployments implements DeploymentService {
    private final Fixture f;

    ThrowingDeployments(Fixture f) {
      this.f = f;
    }

    @Override
    public String ping() {
      f.reached("ping");
      return "pong";
    }

    @Override
    public List<Deployment> list(String workspace) {
      f.reached("list");
      return List.of();
    }

    @Override
    public Deployment read(String workspace, String id) {
      f.reached("read");
      return null;
    }

    @Override
    public DeploymentRun run(String workspace, String id) {
      f.reached("run");
      return null;
    }

    @Override
    public DeploymentRun runOnPool(String workspace, String id, String workPool) {
      f.reached("runOnPool");
      return null;
    }

    @Override
    public DeploymentRun cancelRun(String workspace, String runId) {
      f.reached("cancelRun");
      return null;
    }

    @Override
    public Deployment create(String workspace, Deployment deployment) {
      f.reached("create");
      return deployment;
    }

    @Override
    public Deployment update(String workspace, Deployment deployment) {
      f.reached("update");
      return deployment;
    }

    @Override
    public boolean delete(String workspace, String id) {
      f.reached("delete");
      return true;
    }
  }
}
