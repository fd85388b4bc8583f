package dev.rolegate.jdbc;

import dev.rolegate.prefect.PrefectCloudCapabilityTable;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.PrincipalSource;
import java.util.Objects;

/**
 * Hands out the administration services on a {@link JdbcMembershipStore}, only ever behind their
 * generated guards: the implementations are package-private, so no caller holds them unchecked. The
 * acting principal is the one the guard checks: {@link CurrentPrincipal}'s, or {@code source}'s.
 */
public final class JdbcAdministration {
  private JdbcAdministration() {}

  /** Returns the account administration, guarded, acting as the principal bound to the thread. */
  public static AccountAdministration accounts(JdbcMembershipStore store) {
    return accounts(store, CurrentPrincipal.source());
  }

  /** Returns the account administration, guarded, acting as {@code source}'s principal. */
  public static AccountAdministration accounts(JdbcMembershipStore store, PrincipalSource source) {
    requirePrefect(store);
    Objects.requireNonNull(source, "source");
    return GuardedAccountAdministration.wrap(new JdbcAccounts(store, source), source);
  }

  /** Returns the workspace administration, guarded, acting as the principal bound to the thread. */
  public static WorkspaceAdministration workspaces(JdbcMembershipStore store) {
    return workspaces(store, CurrentPrincipal.source());
  }

  /** Returns the workspace administration, guarded, acting as {@code source}'s principal. */
  public static WorkspaceAdministration workspaces(
      JdbcMembershipStore store, PrincipalSource source) {
    requirePrefect(store);
    Objects.requireNonNull(source, "source");
    return GuardedWorkspaceAdministration.wrap(new JdbcWorkspaces(store, source), source);
  }

  private static void requirePrefect(JdbcMembershipStore store) {
    Objects.requireNonNull(store, "store");
    if (store.matrix() != PrefectCloudCapabilityTable.matrix()) {
      throw new IllegalArgumentException(
          "the administration services are guarded by the bundled Prefect Cloud matrix, but the"
              + " store reads roles against matrix "
              + store.matrix().name()
              + "; create the"
              + " store with PrefectCloudCapabilityTable.matrix()");
    }
  }
}
