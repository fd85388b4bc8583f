package dev.rolegate.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.test.WithPrincipal;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The resolution rules through MockMvc: the authenticated name's roles from the database (the
 * credentials' authorities ignored), the path's workspace, the guarded beans.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MappingRulesTest {
  private static final String WS = "/api/accounts/acct-acme/workspaces/ws-acme-prod";

  @Autowired MockMvc mvc;
  @Autowired ApplicationContext context;
  @Autowired DataSource dataSource;

  /**
   * The filter unbinds after each request; @WithPrincipal's own binding is its extension's to undo.
   */
  @AfterEach
  void nothingLeftBound(TestInfo test) {
    if (!test.getTestMethod().orElseThrow().isAnnotationPresent(WithPrincipal.class)) {
      assertThat(CurrentPrincipal.get()).isEmpty();
    }
  }

  @Test
  void beans_areTheirGuards() {
    assertThat(context.getBean(Blocks.class)).isExactlyInstanceOf(GuardedBlocks.class);
    assertThat(context.getBean(AccountSettings.class))
        .isExactlyInstanceOf(GuardedAccountSettings.class);
    assertThat(context.getBean(DeploymentCatalog.class))
        .isExactlyInstanceOf(GuardedDeploymentCatalog.class);
  }

  @Test
  void databaseRole_appliesToThePathWorkspace() throws Exception {
    // viewer: VIEWER in ws-acme-prod; in ws-acme-dev only its default role, VIEWER.
    mvc.perform(get(WS + "/blocks").with(user("viewer")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0]").value("warehouse"));
    mvc.perform(
            get("/api/accounts/acct-acme/workspaces/ws-acme-dev/blocks/warehouse/secret")
                .with(user("viewer")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.workspace").value("ws-acme-dev"))
        .andExpect(jsonPath("$.account").value("acct-acme"));
  }

  @Test
  void accountAdminInTheDatabase_isWorkspaceOwnerAnywhere() throws Exception {
    mvc.perform(
            get("/api/accounts/acct-acme/workspaces/ws-acme-dev/blocks/none/secret")
                .with(user("admin")))
        .andExpect(status().isOk());
  }

  /** Roles come from the database only: the credentials' authorities grant nothing. */
  @Test
  void credentialAuthorities_areIgnored_theDatabaseDecides() throws Exception {
    mvc.perform(
            delete(WS + "/deployments/d-etl")
                .with(
                    user("member")
                        .authorities(
                            AuthorityUtils.createAuthorityList(
                                "account:acct-acme:OWNER", "workspace:ws-acme-prod:OWNER"))))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("urn:rolegate:problem:access-denied"));
    mvc.perform(get(WS + "/deployments").with(user("u").roles("ADMIN", "OWNER")))
        .andExpect(status().isForbidden());
  }

  @Test
  void unknownRoleInTheDatabase_isRefused_401() throws Exception {
    ForeignRows.typo(dataSource);
    mvc.perform(get(WS + "/deployments").with(user("typo")))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:rolegate:problem:invalid-principal"))
        .andExpect(jsonPath("$.detail").value(containsString("workspace role \"Developer\"")));
  }

  @Test
  void nameThatCouldNeverBeStored_isRefused_401_namingTheRule() throws Exception {
    mvc.perform(get("/api/ping").with(user("bob smith")))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.type").value("urn:rolegate:problem:invalid-principal"))
        .andExpect(jsonPath("$.detail").value(containsString("letters, digits and")));
  }

  @Test
  void noAuthentication_guardedCall_401() throws Exception {
    mvc.perform(delete(WS + "/deployments/d-etl"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.operation").value("DeploymentCatalog.delete"));
    mvc.perform(get("/api/ping")).andExpect(status().isOk());
  }

  @Test
  @WithPrincipal(
      id = "dev",
      account = "acct-acme",
      workspace = "ws-acme-prod",
      role = WorkspaceRoles.DEVELOPER)
  void aRequestWithoutCredentials_runsAsNobody_evenOnAThreadThatCarriesAPrincipal()
      throws Exception {
    // MockMvc runs on the test's thread, which @WithPrincipal bound: as a pooled thread carrying a
    // leaked binding would be. An anonymous request must not act as it.
    mvc.perform(get(WS + "/blocks/warehouse/secret"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.type").value("urn:rolegate:problem:unauthenticated"));
    assertThat(CurrentPrincipal.get()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("dev"));
  }

  @Test
  @WithPrincipal(
      id = "dev",
      account = "acct-acme",
      workspace = "ws-acme-prod",
      role = WorkspaceRoles.DEVELOPER)
  void requestCredentials_replaceWithPrincipal_forTheRequestOnly() throws Exception {
    mvc.perform(get(WS + "/blocks/warehouse/secret").with(user("viewer")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.permissions[0]").value("VIEW_SECRET_BLOCK_DATA"));
    assertThat(CurrentPrincipal.get()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("dev"));
    assertThat(CurrentPrincipal.account()).contains("acct-acme");
  }
}
