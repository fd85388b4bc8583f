package dev.rolegate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The default mapping from authorities and JWT claims, and every way it fails closed. */
class DefaultPrincipalMapperTest {
  private final DefaultPrincipalMapper mapper = new DefaultPrincipalMapper(Matrix.load());

  private static Authentication user(String... authorities) {
    return UsernamePasswordAuthenticationToken.authenticated(
        "alice", "n/a", AuthorityUtils.createAuthorityList(authorities));
  }

  private static Authentication jwt(Map<String, Object> claims) {
    Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "none").subject("bob");
    claims.forEach(builder::claim);
    return new JwtAuthenticationToken(
        builder.build(), AuthorityUtils.createAuthorityList("SCOPE_read"));
  }

  @Test
  void authorities_giveAccountAndWorkspaceRoles() {
    Principal principal =
        mapper.map(user("ROLE_USER", "account:ADMIN", "workspace:ws-1:DEVELOPER"));
    assertThat(principal.id()).isEqualTo("alice");
    assertThat(principal.kind()).isEqualTo(PrincipalKind.USER);
    assertThat(principal.accountRole().name()).isEqualTo(AccountRoles.ADMIN);
    assertThat(principal.explicitWorkspaceRoles()).containsOnlyKeys("ws-1");
    assertThat(principal.explicitWorkspaceRoles().get("ws-1").name())
        .isEqualTo(WorkspaceRoles.DEVELOPER);
  }

  @Test
  void noAccountAuthority_meansMember() {
    assertThat(mapper.map(user("workspace:ws-1:VIEWER")).accountRole().name())
        .isEqualTo(AccountRoles.MEMBER);
  }

  @Test
  void workspaceIdWithColons_takesTheRoleAfterTheLastColon() {
    Principal principal = mapper.map(user("workspace:urn:ws:7:RUNNER"));
    assertThat(principal.explicitWorkspaceRoles().get("urn:ws:7").name())
        .isEqualTo(WorkspaceRoles.RUNNER);
  }

  @Test
  void serviceAccountAuthority_givesAServiceAccount() {
    assertThat(mapper.map(user("principal:service-account", "workspace:ws-1:WORKER")).kind())
        .isEqualTo(PrincipalKind.SERVICE_ACCOUNT);
  }

  @Test
  void jwtClaims_giveRolesAndKind() {
    Principal principal =
        mapper.map(
            jwt(
                Map.of(
                    "account_role", "OWNER",
                    "workspace_roles", Map.of("ws-1", "VIEWER", "ws-2", "WORKER"),
                    "principal_type", "service_account")));
    assertThat(principal.id()).isEqualTo("bob");
    assertThat(principal.kind()).isEqualTo(PrincipalKind.SERVICE_ACCOUNT);
    assertThat(principal.accountRole().name()).isEqualTo(AccountRoles.OWNER);
    assertThat(principal.explicitWorkspaceRoles()).containsOnlyKeys("ws-1", "ws-2");
  }

  @Test
  void anonymousOrMissing_isNoPrincipal() {
    assertThat(mapper.map(null)).isNull();
    assertThat(
            mapper.map(
                new AnonymousAuthenticationToken(
                    "key",
                    "anonymousUser",
                    AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS", "account:OWNER"))))
        .isNull();
    assertThat(mapper.map(UsernamePasswordAuthenticationToken.unauthenticated("alice", "pw")))
        .isNull();
  }

  @Test
  void unknownAccountRole_failsClosed_namingIt() {
    assertThatThrownBy(() -> mapper.map(user("account:SUPERUSER")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessage(
            "the credentials name account role \"SUPERUSER\", which matrix Prefect Cloud does"
                + " not have (role names are case-sensitive)");
  }

  @Test
  void lowerCaseRole_isUnknown() {
    assertThatThrownBy(() -> mapper.map(user("workspace:ws-1:developer")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageContaining("workspace role (in workspace ws-1) \"developer\"");
  }

  @Test
  void unknownRoleInJwt_failsClosed_andOddTextIsNotEchoed() {
    assertThatThrownBy(
            () -> mapper.map(jwt(Map.of("workspace_roles", Map.of("ws-1", "ROOT\n<script>")))))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageContaining("(not shown)")
        .hasMessageNotContaining("script");
  }

  @Test
  void accountRoleAsWorkspaceRole_isUnknown() {
    assertThatThrownBy(() -> mapper.map(user("workspace:ws-1:ADMIN")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageContaining("\"ADMIN\"");
  }

  @Test
  void conflictingRoles_failClosed() {
    assertThatThrownBy(() -> mapper.map(user("account:ADMIN", "account:MEMBER")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessage("the credentials name two account roles");
    assertThatThrownBy(() -> mapper.map(user("workspace:ws-1:VIEWER", "workspace:ws-1:OWNER")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessage("the credentials name two roles for workspace ws-1");
  }

  @Test
  void malformedAuthorityOrClaims_failClosed() {
    assertThatThrownBy(() -> mapper.map(user("workspace:VIEWER")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageContaining("lacks");
    assertThatThrownBy(() -> mapper.map(user("workspace:ws-1:")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageContaining("lacks");
    assertThatThrownBy(() -> mapper.map(jwt(Map.of("workspace_roles", List.of("VIEWER")))))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageContaining("workspace_roles");
    assertThatThrownBy(() -> mapper.map(jwt(Map.of("account_role", List.of("OWNER")))))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageContaining("account_role");
    assertThatThrownBy(() -> mapper.map(jwt(Map.of("principal_type", "robot"))))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageContaining("principal_type");
  }

  @Test
  void invalidId_failsClosed_withoutEchoingIt() {
    Authentication odd =
        UsernamePasswordAuthenticationToken.authenticated(
            "eve\nforged", "n/a", AuthorityUtils.createAuthorityList("workspace:ws-1:VIEWER"));
    assertThatThrownBy(() -> mapper.map(odd))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageNotContaining("eve");
  }

  @Test
  void claimsOfAnythingButAResourceServerJwt_grantNoRoles() {
    // An OpenID Connect login's user is a ClaimAccessor too, and its claims may carry profile
    // attributes the user can edit: only a Jwt validated by the resource server counts.
    org.springframework.security.oauth2.core.ClaimAccessor oidcLike = () -> Map.of(
        "sub", "mallory",
        "account_role", AccountRoles.OWNER,
        "workspace_roles", Map.of("ws-1", WorkspaceRoles.OWNER));
    Authentication login = UsernamePasswordAuthenticationToken.authenticated(
        oidcLike, "n/a", AuthorityUtils.createAuthorityList("ROLE_USER"));
    Principal principal = mapper.map(login);
    assertThat(principal.accountRole().name()).isEqualTo(AccountRoles.MEMBER);
    assertThat(principal.explicitWorkspaceRoles()).isEmpty();
    Principal viaJwt = mapper.map(jwt(Map.of("account_role", AccountRoles.OWNER)));
    assertThat(viaJwt.accountRole().name()).isEqualTo(AccountRoles.OWNER);
  }
}
