package dev.rolegate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs the principal-resolving states' setup, with its assertions, at a smaller scale than the
 * benchmarks' (the same shape: one user with a role in every workspace, many members), and checks
 * what the benchmarks return; no timings.
 */
class ResolveStateTest {
  private static final Memberships.Scale SMALL = new Memberships.Scale(2_000, 300, 3);

  private final ResolvePrincipalBenchmark benchmark = new ResolvePrincipalBenchmark();

  @Test
  void h2State_resolvesTheUserInOneWorkspaceOnly() throws SQLException {
    H2ResolveState state = new H2ResolveState();
    state.setUp(SMALL);
    try {
      assertEquals(ResolveState.ROTATION, state.workspaces.length);
      assertEquals(ResolveState.ROTATION, Set.of(state.workspaces).size());
      String workspace = state.workspaces[0];
      Principal principal = assertInstanceOf(Principal.class, benchmark.rolegate(state));
      assertEquals(Set.of(workspace), principal.explicitWorkspaceRoles().keySet());
      assertEquals(WorkspaceRoles.VIEWER, principal.workspaceRole(workspace).name());
      assertEquals(AccountRoles.MEMBER, principal.accountRole(Memberships.ACCOUNT).name());
      HandWrittenMembershipQuery.Resolved resolved =
          assertInstanceOf(HandWrittenMembershipQuery.Resolved.class, benchmark.handWritten(state));
      String next = state.workspaces[1];
      assertEquals(Memberships.wideRole(state.indexes[1]), resolved.explicitRole().name());
      assertEquals(Memberships.ACCOUNT, resolved.account());
      // The rotation comes round to its first workspace again.
      Set<String> seen = new HashSet<>(Set.of(workspace, next));
      for (int i = 2; i < ResolveState.ROTATION; i++) {
        seen.add(state.nextWorkspace());
      }
      assertEquals(ResolveState.ROTATION, seen.size());
      assertEquals(workspace, state.nextWorkspace());
      assertEquals(
          SMALL.workspaces(),
          state.store.principal(Memberships.WIDE).explicitWorkspaceRoles().size());
    } finally {
      state.tearDown();
    }
  }

  @Test
  void h2State_countsOfAnotherScale_failTheSetupAssertion() throws SQLException {
    H2ResolveState state = new H2ResolveState();
    state.setUp(SMALL);
    try {
      Memberships.Scale other = new Memberships.Scale(2_000, 301, 3);
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> Memberships.verifyCounts(state.dataSource(), other));
      assertEquals("seeded 300 workspaces of acct-bench, expected 301", e.getMessage());
    } finally {
      state.tearDown();
    }
  }

  @Test
  void resolvedBoundState_allowsTheReadWithThePrincipalFromTheDatabase() throws SQLException {
    H2ResolveState database = new H2ResolveState();
    database.setUp(SMALL);
    ResolvedBoundState state = new ResolvedBoundState();
    try {
      state.setUp(database);
      try {
        assertEquals(Set.of(state.workspace), state.principal.explicitWorkspaceRoles().keySet());
        assertEquals(state.workspace, CurrentPrincipal.workspace().orElseThrow());
        assertEquals(Callers.COUNT, benchmark.guardAfterResolve(state));
        assertThrows(AccessDeniedException.class, () -> state.rolegate.delete(state.workspace, 1));
      } finally {
        state.tearDown();
      }
      assertFalse(CurrentPrincipal.get().isPresent());
    } finally {
      database.tearDown();
    }
  }

  @Test
  void postgresState_resolvesTheUserInOneWorkspaceOnly() throws SQLException {
    PostgresResolveState state = new PostgresResolveState();
    state.setUp(SMALL);
    try {
      ResolvePrincipalPostgresBenchmark postgres = new ResolvePrincipalPostgresBenchmark();
      Principal principal = assertInstanceOf(Principal.class, postgres.rolegate(state));
      assertEquals(Set.of(state.workspaces[0]), principal.explicitWorkspaceRoles().keySet());
      HandWrittenMembershipQuery.Resolved resolved =
          assertInstanceOf(HandWrittenMembershipQuery.Resolved.class, postgres.handWritten(state));
      assertEquals(Memberships.wideRole(state.indexes[1]), resolved.explicitRole().name());
    } finally {
      state.tearDown();
    }
  }
}
