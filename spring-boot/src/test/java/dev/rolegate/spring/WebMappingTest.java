package dev.rolegate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolegate.runtime.CurrentPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The mapping rules over HTTP (MockMvc): principal, workspace, 401 and 403 problem details. */
@SpringBootTest(
    classes = WebTestApplication.class,
    properties = "management.endpoints.web.exposure.include=rolegate")
@AutoConfigureMockMvc
class WebMappingTest {
  private static final String WS1 = "/api/accounts/acme/workspaces/ws-1";

  @Autowired MockMvc mvc;

  @AfterEach
  void nothingLeftBound() {
    assertThat(CurrentPrincipal.get()).isEmpty();
  }

  /** Returns the authorities of a MEMBER of acme, plus these. */
  private static List<GrantedAuthority> member(String... more) {
    List<GrantedAuthority> authorities =
        new ArrayList<>(AuthorityUtils.createAuthorityList("account:acme:MEMBER"));
    authorities.addAll(AuthorityUtils.createAuthorityList(more));
    return authorities;
  }

  /** Alice, a MEMBER of acme holding workspace role {@code role} in ws-1. */
  private static RequestPostProcessor aliceIn(String role) {
    return user("alice").authorities(member("workspace:ws-1:" + role));
  }

  /** Root, holding account role {@code role} in acme and no workspace role. */
  private static RequestPostProcessor rootAs(String role) {
    return user("root").authorities(AuthorityUtils.createAuthorityList("account:acme:" + role));
  }

  /** Bob's JWT: a MEMBER of acme with workspace role {@code role} in ws-1, in its claims. */
  private static RequestPostProcessor bobWithToken(String role) {
    return jwt()
        .jwt(
            token ->
                token
                    .subject("bob")
                    .claim("accounts", Map.of("acme", "MEMBER"))
                    .claim("workspace_roles", Map.of("ws-1", role)));
  }

  @Test
  void viewer_lists_200() throws Exception {
    mvc.perform(get(WS1 + "/deployments").with(aliceIn("VIEWER")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0]").value("d-1"));
  }

  @Test
  void viewer_deletes_403_problemNamesOperationAndPermission() throws Exception {
    mvc.perform(delete(WS1 + "/deployments/d-1").with(aliceIn("VIEWER")))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(403))
        .andExpect(jsonPath("$.type").value("urn:rolegate:problem:access-denied"))
        .andExpect(jsonPath("$.operation").value("DeploymentApi.delete"))
        .andExpect(jsonPath("$.permissions[0]").value("DELETE_DEPLOYMENTS"))
        .andExpect(jsonPath("$.workspace").value("ws-1"))
        .andExpect(jsonPath("$.account").value("acme"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "DeploymentApi.delete requires DELETE_DEPLOYMENTS in workspace ws-1 of account"
                        + " acme, which the caller does not hold there"))
        .andExpect(content().string(not(containsString("alice"))))
        // The only echo of the request is the path the client sent itself, as the instance.
        .andExpect(jsonPath("$.instance").value(WS1 + "/deployments/d-1"))
        .andExpect(jsonPath("$.detail").value(not(containsString("d-1"))))
        .andExpect(content().string(not(containsString("Exception"))));
  }

  @Test
  void roleInAnotherWorkspace_403() throws Exception {
    mvc.perform(get("/api/accounts/acme/workspaces/ws-2/deployments").with(aliceIn("OWNER")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.workspace").value("ws-2"));
  }

  @Test
  void accountAdmin_isOwnerEverywhere_200() throws Exception {
    mvc.perform(delete("/api/accounts/acme/workspaces/ws-9/deployments/d-1").with(rootAs("ADMIN")))
        .andExpect(status().isOk());
  }

  @Test
  void noAuthentication_401_problem() throws Exception {
    mvc.perform(get(WS1 + "/deployments"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:rolegate:problem:unauthenticated"))
        .andExpect(jsonPath("$.operation").value("DeploymentApi.list"))
        .andExpect(
            jsonPath("$.detail").value("authentication is required to call DeploymentApi.list"));
  }

  @Test
  void unknownRoleInAuthority_401_beforeTheController() throws Exception {
    mvc.perform(get(WS1 + "/whoami").with(aliceIn("SUPERUSER")))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:rolegate:problem:invalid-principal"))
        .andExpect(jsonPath("$.detail").value(containsString("\"SUPERUSER\"")));
  }

  @Test
  void jwtClaims_mapToRoles() throws Exception {
    mvc.perform(delete(WS1 + "/deployments/d-1").with(bobWithToken("DEVELOPER")))
        .andExpect(status().isOk());
    mvc.perform(delete(WS1 + "/deployments/d-1").with(bobWithToken("RUNNER")))
        .andExpect(status().isForbidden());
  }

  @Test
  void jwtWithUnknownRole_401() throws Exception {
    mvc.perform(
            get(WS1 + "/deployments")
                .with(jwt().jwt(token -> token.claim("accounts", Map.of("acme", "GOD")))))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.type").value("urn:rolegate:problem:invalid-principal"))
        .andExpect(
            jsonPath("$.detail")
                .value(containsString("account role (in account \"acme\") \"GOD\"")));
  }

  @Test
  void workspaceFromPath_isBound() throws Exception {
    mvc.perform(get(WS1 + "/whoami").with(aliceIn("VIEWER")))
        .andExpect(status().isOk())
        .andExpect(content().string("alice@acme/ws-1"));
    mvc.perform(get(WS1 + "/ledger").with(aliceIn("VIEWER")))
        .andExpect(status().isOk())
        .andExpect(content().string("3"));
  }

  @Test
  void pathWithoutWorkspace_boundWorkspaceCall_403_evenForAccountOwner() throws Exception {
    mvc.perform(get("/api/ledger").with(rootAs("OWNER")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.operation").value("Ledger.countHere"))
        .andExpect(jsonPath("$.workspace").value(nullValue()))
        .andExpect(jsonPath("$.detail").value(containsString("the call named no workspace")));
  }

  @Test
  void controllerFailure_stillUnbinds() {
    assertThatThrownBy(() -> mvc.perform(get(WS1 + "/boom").with(aliceIn("VIEWER"))))
        .hasRootCauseMessage("boom for alice");
    assertThat(CurrentPrincipal.get()).isEmpty();
  }

  @Test
  void actuatorEndpoint_servesTheAccessReport() throws Exception {
    mvc.perform(get("/actuator/rolegate"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.reports[0].matrix.title").value("Prefect Cloud"))
        .andExpect(content().string(containsString("dev.rolegate.spring.fixtures.DeploymentApi")));
  }
}
