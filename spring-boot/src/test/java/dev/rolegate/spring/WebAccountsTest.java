package dev.rolegate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolegate.runtime.CurrentPrincipal;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Accounts over HTTP (MockMvc): memberships from the credentials, the account bound from the path,
 * the 403 for a workspace outside the path's account, account-level guards. Two accounts: acme
 * (ws-1, ws-2, ws-9) and globex (ws-g).
 */
@SpringBootTest(classes = WebTestApplication.class)
@AutoConfigureMockMvc
class WebAccountsTest {
  @Autowired MockMvc mvc;

  @AfterEach
  void nothingLeftBound() {
    assertThat(CurrentPrincipal.get()).isEmpty();
  }

  private static RequestPostProcessor as(String... authorities) {
    return user("alice").authorities(AuthorityUtils.createAuthorityList(authorities));
  }

  @Test
  void pathBindsAccountAndWorkspace() throws Exception {
    mvc.perform(get("/api/accounts/acme/workspaces/ws-1/whoami").with(as("account:acme:MEMBER")))
        .andExpect(status().isOk())
        .andExpect(content().string("alice@acme/ws-1"));
    mvc.perform(get("/api/accounts/globex/whoami").with(as("account:globex:MEMBER")))
        .andExpect(status().isOk())
        .andExpect(content().string("alice@globex/nowhere"));
  }

  @Test
  void workspaceOfAnotherAccount_403_fromTheFilter_controllerNotCalled() throws Exception {
    mvc.perform(
            get("/api/accounts/acme/workspaces/ws-g/whoami")
                .with(as("account:acme:OWNER", "account:globex:OWNER")))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:rolegate:problem:workspace-outside-account"))
        .andExpect(jsonPath("$.title").value("Workspace outside the account"))
        .andExpect(jsonPath("$.status").value(403))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "the path names workspace \"ws-g\", which is not a workspace of account"
                        + " \"acme\""))
        .andExpect(jsonPath("$.account").value("acme"))
        .andExpect(jsonPath("$.workspace").value("ws-g"))
        .andExpect(content().string(not(containsString("alice@"))));
  }

  @Test
  void unknownWorkspace_403_fromTheFilter() throws Exception {
    mvc.perform(
            delete("/api/accounts/acme/workspaces/ws-nowhere/deployments/d-1")
                .with(as("account:acme:OWNER")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("urn:rolegate:problem:workspace-outside-account"))
        .andExpect(jsonPath("$.workspace").value("ws-nowhere"));
  }

  @Test
  void pathIdsAreShownEscaped_neverRaw() throws Exception {
    mvc.perform(
            get(URI.create("/api/accounts/ac%E2%80%AEme/workspaces/ws%E2%80%8B1/whoami"))
                .with(as("account:acme:OWNER")))
        .andExpect(status().isForbidden())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "the path names workspace \"ws\\u200b1\", which is not a workspace of account"
                        + " \"ac\\u202eme\""))
        .andExpect(jsonPath("$.account").value("ac\\u202eme"))
        .andExpect(content().string(not(containsString("\u202E"))));
  }

  @Test
  void anonymous_isNotToldWhichWorkspacesAnAccountHas() throws Exception {
    mvc.perform(get("/api/accounts/acme/workspaces/ws-g/deployments"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.type").value("urn:rolegate:problem:unauthenticated"));
  }

  @Test
  void accountAdmin_isOwnerInItsAccountsWorkspaces_notInAnothers() throws Exception {
    mvc.perform(
            delete("/api/accounts/acme/workspaces/ws-2/deployments/d-1")
                .with(as("account:acme:ADMIN", "account:globex:MEMBER")))
        .andExpect(status().isOk());
    mvc.perform(
            delete("/api/accounts/globex/workspaces/ws-g/deployments/d-1")
                .with(as("account:acme:ADMIN", "account:globex:MEMBER")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("urn:rolegate:problem:access-denied"))
        .andExpect(jsonPath("$.account").value("globex"))
        .andExpect(jsonPath("$.workspace").value("ws-g"));
  }

  @Test
  void nonMember_holdsNothingInTheAccountsWorkspaces() throws Exception {
    mvc.perform(
            get("/api/accounts/acme/workspaces/ws-1/deployments").with(as("account:globex:OWNER")))
        .andExpect(status().isForbidden())
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "DeploymentApi.list requires VIEW_DEPLOYMENTS in workspace ws-1, which the"
                        + " caller does not hold there"))
        // A caller who is no member of the workspace's account is not told which account it is.
        .andExpect(jsonPath("$.account").doesNotExist());
  }

  @Test
  void legacyAccountAuthority_withSeveralAccounts_401_namingTheNewForm() throws Exception {
    mvc.perform(get("/api/accounts/acme/whoami").with(as("account:ADMIN")))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.type").value("urn:rolegate:problem:invalid-principal"))
        .andExpect(jsonPath("$.detail").value(containsString("account:<account-id>:<ROLE>")));
  }

  @Test
  void serviceAccountInTwoAccounts_401() throws Exception {
    mvc.perform(
            get("/api/accounts/acme/whoami")
                .with(
                    jwt()
                        .jwt(
                            token ->
                                token
                                    .claim("principal_type", "service_account")
                                    .claim(
                                        "accounts", Map.of("acme", "MEMBER", "globex", "MEMBER")))))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.detail").value(containsString("exactly one account")));
  }

  @Test
  void boundAccount_accountLevelPermission_checkedInThePathsAccount() throws Exception {
    mvc.perform(get("/api/accounts/acme/members").with(as("account:acme:MEMBER")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0]").value("alice"));
    mvc.perform(get("/api/accounts/globex/members").with(as("account:acme:OWNER")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.account").value("globex"))
        .andExpect(jsonPath("$.workspace").value(nullValue()))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "AccountApi.members requires VIEW_ACCOUNT_MEMBERS in account globex, which"
                        + " the caller does not hold there"));
  }

  @Test
  void accountIdArgument_oneRolePerAccount() throws Exception {
    String[] both = {"account:acme:ADMIN", "account:globex:MEMBER"};
    mvc.perform(put("/api/accounts/acme/name?name=Acme").with(as(both)))
        .andExpect(status().isOk())
        .andExpect(content().string("Acme"));
    mvc.perform(put("/api/accounts/globex/name?name=Globex").with(as(both)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.permissions[0]").value("EDIT_ACCOUNT_SETTINGS"))
        .andExpect(jsonPath("$.account").value("globex"));
  }
}
