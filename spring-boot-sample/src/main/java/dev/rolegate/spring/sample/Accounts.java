package dev.rolegate.spring.sample;

import dev.rolegate.prefect.Permissions;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CustomRoles;
import dev.rolegate.runtime.InMemoryAccountDirectory;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.WorkspaceDefaults;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sample's two accounts and what the starter's default mapping reads besides the credentials:
 * which workspace is in which account, the workspaces' default roles, and acme's custom role.
 *
 * <ul>
 *   <li>{@code acct-acme}: workspaces {@code ws-acme-prod} and {@code ws-acme-dev} (whose members
 *       are VIEWER by default), and the custom role {@code acme-deployer} (RUNNER plus
 *       CREATE_EDIT_DEPLOYMENTS);
 *   <li>{@code acct-globex}: workspace {@code ws-globex}.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class Accounts {
  /** The account of acme. */
  public static final String ACME = "acct-acme";

  /** The account of globex. */
  public static final String GLOBEX = "acct-globex";

  @Bean
  AccountDirectory accountDirectory() {
    return new InMemoryAccountDirectory()
        .add(ACME, "ws-acme-prod", "ws-acme-dev")
        .add(GLOBEX, "ws-globex");
  }

  @Bean
  WorkspaceDefaults workspaceDefaults(Matrix matrix) {
    WorkspaceDefaults defaults = new WorkspaceDefaults(matrix);
    defaults.setDefaultRole("ws-acme-dev", WorkspaceRoles.VIEWER);
    return defaults;
  }

  @Bean
  CustomRoles acmeRoles(Matrix matrix) {
    CustomRoles roles = new CustomRoles(matrix, ACME);
    roles.define("acme-deployer", WorkspaceRoles.RUNNER, Permissions.CREATE_EDIT_DEPLOYMENTS);
    return roles;
  }
}
