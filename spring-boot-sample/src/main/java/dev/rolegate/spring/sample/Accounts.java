package dev.rolegate.spring.sample;

import dev.rolegate.jdbc.AccountAdministration;
import dev.rolegate.jdbc.JdbcAdministration;
import dev.rolegate.jdbc.JdbcMembershipStore;
import dev.rolegate.jdbc.JdbcProvisioning;
import dev.rolegate.jdbc.MembershipException;
import dev.rolegate.jdbc.WorkspaceAdministration;
import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.Permissions;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.PrincipalSource;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The sample's two accounts, seeded into the database at startup when {@code acct-acme} is not
 * there yet (a second start, or a second node on the same database, writes nothing). Everything
 * goes through rolegate-jdbc's operations: {@link JdbcProvisioning} makes each account with its
 * first OWNER and acme's custom role, the guarded administration services (acting as that OWNER)
 * add the rest.
 *
 * <ul>
 *   <li>{@code acct-acme} (OWNER {@code owner}): workspaces {@code ws-acme-prod} and {@code
 *       ws-acme-dev} (whose members are VIEWER by default), the custom role {@code acme-deployer}
 *       (RUNNER plus CREATE_EDIT_DEPLOYMENTS), the service account {@code worker} (id {@code
 *       acct-acme/worker});
 *   <li>{@code acct-globex} (OWNER {@code globex-owner}): workspace {@code ws-globex}.
 * </ul>
 *
 * <p>The users and their roles are listed in {@link SecurityConfiguration}.
 */
@Component
public class Accounts implements InitializingBean {
  /** The account of acme. */
  public static final String ACME = "acct-acme";

  /** The account of globex. */
  public static final String GLOBEX = "acct-globex";

  private final JdbcMembershipStore store;

  /** Creates the seed over the starter's store. */
  public Accounts(JdbcMembershipStore store) {
    this.store = store;
  }

  @Override
  public void afterPropertiesSet() {
    if (store.directory().accountOf("ws-acme-prod") != null) {
      return;
    }
    JdbcProvisioning provisioning = new JdbcProvisioning(store);
    try {
      provisioning.createAccount(ACME, "owner");
    } catch (MembershipException e) {
      if (e.reason() == MembershipException.Reason.DUPLICATE) {
        return; // another node, started at the same moment, seeds the database
      }
      throw e;
    }
    provisioning.defineCustomRole(
        ACME, "acme-deployer", WorkspaceRoles.RUNNER, List.of(Permissions.CREATE_EDIT_DEPLOYMENTS));
    AccountAdministration acme = JdbcAdministration.accounts(store, as("owner"));
    WorkspaceAdministration acmeWorkspaces = JdbcAdministration.workspaces(store, as("owner"));
    acme.createWorkspace(ACME, "ws-acme-prod");
    acme.createWorkspace(ACME, "ws-acme-dev");
    acme.addMember(ACME, "admin", AccountRoles.ADMIN);
    acme.addMember(ACME, "both", AccountRoles.ADMIN);
    for (String user : List.of("member", "ws-owner", "developer", "runner", "viewer", "deployer")) {
      acme.addMember(ACME, user, AccountRoles.MEMBER);
    }
    acme.createServiceAccount(ACME, "worker", AccountRoles.MEMBER);
    acmeWorkspaces.setRole("ws-acme-prod", "ws-owner", WorkspaceRoles.OWNER);
    acmeWorkspaces.setRole("ws-acme-prod", "developer", WorkspaceRoles.DEVELOPER);
    acmeWorkspaces.setRole("ws-acme-prod", "runner", WorkspaceRoles.RUNNER);
    acmeWorkspaces.setRole("ws-acme-prod", "viewer", WorkspaceRoles.VIEWER);
    acmeWorkspaces.setRole("ws-acme-prod", "acct-acme/worker", WorkspaceRoles.WORKER);
    acmeWorkspaces.setRole("ws-acme-prod", "deployer", "acme-deployer");
    acmeWorkspaces.setDefaultRole("ws-acme-dev", WorkspaceRoles.VIEWER);

    provisioning.createAccount(GLOBEX, "globex-owner");
    AccountAdministration globex = JdbcAdministration.accounts(store, as("globex-owner"));
    globex.createWorkspace(GLOBEX, "ws-globex");
    globex.addMember(GLOBEX, "globex", AccountRoles.MEMBER);
    globex.addMember(GLOBEX, "both", AccountRoles.MEMBER);
    JdbcAdministration.workspaces(store, as("globex-owner"))
        .setRole("ws-globex", "globex", WorkspaceRoles.DEVELOPER);
  }

  /** Acts as {@code user}, with everything the database gives it at each call. */
  private PrincipalSource as(String user) {
    return () -> store.principal(user);
  }
}
