package dev.rolegate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CustomRoles;
import dev.rolegate.runtime.InMemoryAccountDirectory;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalKind;
import dev.rolegate.runtime.WorkspaceDefaults;
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
  private static final Matrix MATRIX = Matrix.load();

  /** acct-a holds ws-1 and ws-2, acct-b holds ws-b. */
  private final InMemoryAccountDirectory accounts =
      new InMemoryAccountDirectory().add("acct-a", "ws-1", "ws-2").add("acct-b", "ws-b");

  private final DefaultPrincipalMapper mapper = new DefaultPrincipalMapper(MATRIX, accounts);

  /** A single-account application: every workspace is acme's. */
  private final DefaultPrincipalMapper single =
      new DefaultPrincipalMapper(
          MATRIX, AccountDirectory.singleAccount("acme"), "acme", null, List.of());

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
  void authorities_giveMembershipsAndWorkspaceRoles() {
    Principal principal =
        mapper.map(
            user(
                "ROLE_USER",
                "account:acct-a:ADMIN",
                "account:acct-b:MEMBER",
                "workspace:ws-1:DEVELOPER"));
    assertThat(principal.id()).isEqualTo("alice");
    assertThat(principal.kind()).isEqualTo(PrincipalKind.USER);
    assertThat(principal.directory()).isSameAs(accounts);
    assertThat(principal.accounts()).containsOnlyKeys("acct-a", "acct-b");
    assertThat(principal.accountRole("acct-a").name()).isEqualTo(AccountRoles.ADMIN);
    assertThat(principal.accountRole("acct-b").name()).isEqualTo(AccountRoles.MEMBER);
    assertThat(principal.explicitWorkspaceRoles()).containsOnlyKeys("ws-1");
    assertThat(principal.workspaceRole("ws-1").name()).isEqualTo(WorkspaceRoles.DEVELOPER);
  }

  @Test
  void accountIdWithColons_takesTheRoleAfterTheLastColon() {
    Principal principal = mapper.map(user("account:urn:acct:7:OWNER"));
    assertThat(principal.accountRole("urn:acct:7").name()).isEqualTo(AccountRoles.OWNER);
  }

  @Test
  void noAccountAuthority_isNoMembership_withSeveralAccounts() {
    Principal principal = mapper.map(user("ROLE_USER"));
    assertThat(principal.accounts()).isEmpty();
    assertThat(principal.workspaceRole("ws-1")).isNull();
  }

  @Test
  void workspaceIdWithColons_takesTheRoleAfterTheLastColon() {
    Principal principal = mapper.map(user("account:acct-a:MEMBER", "workspace:urn:ws:7:RUNNER"));
    assertThat(principal.explicitWorkspaceRoles().get("urn:ws:7").name())
        .isEqualTo(WorkspaceRoles.RUNNER);
  }

  @Test
  void serviceAccountAuthority_givesAServiceAccountOfItsOneAccount() {
    Principal principal =
        mapper.map(
            user("principal:service-account", "account:acct-a:MEMBER", "workspace:ws-1:WORKER"));
    assertThat(principal.kind()).isEqualTo(PrincipalKind.SERVICE_ACCOUNT);
    assertThat(principal.accounts()).containsOnlyKeys("acct-a");
  }

  @Test
  void serviceAccount_inNoAccountOrTwo_failsClosed() {
    assertThatThrownBy(() -> mapper.map(user("principal:service-account")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessage(
            "the credentials describe a service account in 0 accounts; a service account belongs"
                + " to exactly one account: name it once (\"account:<account-id>:<ROLE>\")");
    assertThatThrownBy(
            () ->
                mapper.map(
                    user(
                        "principal:service-account",
                        "account:acct-a:MEMBER",
                        "account:acct-b:MEMBER")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageStartingWith("the credentials describe a service account in 2 accounts");
    assertThatThrownBy(
            () ->
                mapper.map(jwt(Map.of("principal_type", "service_account", "accounts", Map.of()))))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageContaining("exactly one account");
  }

  @Test
  void serviceAccount_withARoleInAnotherAccountsWorkspace_failsClosed() {
    assertThatThrownBy(
            () ->
                mapper.map(
                    user(
                        "principal:service-account",
                        "account:acct-a:MEMBER",
                        "workspace:ws-b:DEVELOPER")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessage(
            "the credentials give a role in workspace \"ws-b\" of account \"acct-b\", but no"
                + " membership of that account: a workspace role is held only by members of the"
                + " workspace's account (add \"account:acct-b:<ROLE>\")");
  }

  @Test
  void jwtClaims_giveMembershipsRolesAndKind() {
    Principal principal =
        mapper.map(
            jwt(
                Map.of(
                    "accounts", Map.of("acct-a", "OWNER"),
                    "workspace_roles", Map.of("ws-1", "VIEWER", "ws-2", "WORKER"),
                    "principal_type", "service_account")));
    assertThat(principal.id()).isEqualTo("bob");
    assertThat(principal.kind()).isEqualTo(PrincipalKind.SERVICE_ACCOUNT);
    assertThat(principal.accountRole("acct-a").name()).isEqualTo(AccountRoles.OWNER);
    assertThat(principal.explicitWorkspaceRoles()).containsOnlyKeys("ws-1", "ws-2");
  }

  @Test
  void legacyForms_withoutAnAccount_areRefusedWithSeveralAccounts_namingTheNewForm() {
    assertThatThrownBy(() -> mapper.map(user("account:ADMIN")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessage(
            "an authority \"account:<ROLE>\" names no account, which only a single-account"
                + " application (rolegate.single-account) accepts; name the account:"
                + " \"account:<account-id>:<ROLE>\" (the claim \"accounts\": {\"<account-id>\":"
                + " \"<ROLE>\"})");
    assertThatThrownBy(() -> mapper.map(jwt(Map.of("account_role", "OWNER"))))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageStartingWith("the claim account_role names no account")
        .hasMessageContaining("account:<account-id>:<ROLE>");
  }

  @Test
  void singleAccount_legacyFormsAreTheRoleInIt_andEveryoneIsAMember() {
    Principal admin = single.map(user("account:ADMIN", "workspace:ws-1:DEVELOPER"));
    assertThat(admin.accounts()).containsOnlyKeys("acme");
    assertThat(admin.accountRole("acme").name()).isEqualTo(AccountRoles.ADMIN);
    assertThat(single.map(user("workspace:ws-1:VIEWER")).accountRole("acme").name())
        .isEqualTo(AccountRoles.MEMBER);
    assertThat(single.map(user("account:acme:OWNER")).accountRole("acme").name())
        .isEqualTo(AccountRoles.OWNER);
    assertThat(single.map(jwt(Map.of("account_role", "OWNER"))).accountRole("acme").name())
        .isEqualTo(AccountRoles.OWNER);
    assertThat(single.map(user("principal:service-account")).accounts()).containsOnlyKeys("acme");
  }

  @Test
  void singleAccount_legacyAndNewFormDisagreeing_failsClosed() {
    assertThatThrownBy(() -> single.map(user("account:ADMIN", "account:acme:MEMBER")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessage("the credentials name two roles for account \"acme\"");
  }

  @Test
  void singleAccount_anotherAccount_failsClosed() {
    assertThatThrownBy(() -> single.map(user("account:globex:ADMIN")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageStartingWith("the authentication does not describe a valid principal");
  }

  @Test
  void uuidAccount_isOneAccountInEitherLetterCase() {
    String lower = "0b7a7c1e-1d2f-4e3a-9b8c-7d6e5f4a3b2c";
    InMemoryAccountDirectory byUuid = new InMemoryAccountDirectory().add(lower, "ws-u");
    DefaultPrincipalMapper uuids = new DefaultPrincipalMapper(MATRIX, byUuid);
    Principal principal =
        uuids.map(user("account:" + lower.toUpperCase() + ":ADMIN", "workspace:ws-u:VIEWER"));
    assertThat(principal.accountRole(lower).name()).isEqualTo(AccountRoles.ADMIN);
    assertThatThrownBy(
            () ->
                uuids.map(
                    user(
                        "account:" + lower + ":ADMIN",
                        "account:" + lower.toUpperCase() + ":MEMBER")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageStartingWith("the credentials name two roles for account");
  }

  @Test
  void anonymousOrMissing_isNoPrincipal() {
    assertThat(mapper.map(null)).isNull();
    assertThat(
            mapper.map(
                new AnonymousAuthenticationToken(
                    "key",
                    "anonymousUser",
                    AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS", "account:acct-a:OWNER"))))
        .isNull();
    assertThat(mapper.map(UsernamePasswordAuthenticationToken.unauthenticated("alice", "pw")))
        .isNull();
  }

  @Test
  void unknownAccountRole_failsClosed_namingIt() {
    assertThatThrownBy(() -> mapper.map(user("account:acct-a:SUPERUSER")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessage(
            "the credentials name account role (in account \"acct-a\") \"SUPERUSER\", which matrix"
                + " Prefect Cloud does not have (role names are case-sensitive)");
  }

  @Test
  void lowerCaseRole_isUnknown() {
    assertThatThrownBy(() -> mapper.map(user("account:acct-a:MEMBER", "workspace:ws-1:developer")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageContaining("workspace role (in workspace ws-1) \"developer\"");
  }

  @Test
  void unknownRoleInJwt_failsClosed_andOddTextIsNotEchoed() {
    assertThatThrownBy(
            () ->
                mapper.map(
                    jwt(
                        Map.of(
                            "accounts", Map.of("acct-a", "MEMBER"),
                            "workspace_roles", Map.of("ws-1", "ROOT\n<script>")))))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageContaining("(not shown)")
        .hasMessageNotContaining("script");
  }

  @Test
  void badAccountId_failsClosed_withoutEchoingIt() {
    assertThatThrownBy(() -> mapper.map(user("account:acct\u202Eevil:ADMIN")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessage(
            "the credentials name an account id that is empty, blank or holds a character that"
                + " cannot be shown (not shown)");
    assertThatThrownBy(() -> mapper.map(jwt(Map.of("accounts", Map.of(" ", "ADMIN")))))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageContaining("account id that is empty, blank")
        .hasMessageNotContaining("\u202E");
    assertThatThrownBy(() -> mapper.map(user("account:a\nb:ADMIN", "account:a\nb:MEMBER")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessage("the credentials name two roles for account (not shown)");
  }

  @Test
  void accountRoleAsWorkspaceRole_isUnknown() {
    assertThatThrownBy(() -> mapper.map(user("account:acct-a:MEMBER", "workspace:ws-1:ADMIN")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageContaining("\"ADMIN\"");
  }

  @Test
  void conflictingRoles_failClosed() {
    assertThatThrownBy(() -> mapper.map(user("account:acct-a:ADMIN", "account:acct-a:MEMBER")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessage("the credentials name two roles for account \"acct-a\"");
    assertThatThrownBy(
            () ->
                mapper.map(
                    user("account:acct-a:ADMIN", "workspace:ws-1:VIEWER", "workspace:ws-1:OWNER")))
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
    assertThatThrownBy(() -> mapper.map(user("account::ADMIN")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessage(
            "an authority \"account:<account-id>:<ROLE>\" lacks its account id or its role");
    assertThatThrownBy(() -> mapper.map(user("account:acct-a:")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageContaining("lacks its account id or its role");
    assertThatThrownBy(() -> mapper.map(jwt(Map.of("workspace_roles", List.of("VIEWER")))))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageContaining("workspace_roles");
    assertThatThrownBy(() -> mapper.map(jwt(Map.of("accounts", List.of("acct-a")))))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessage("the claim accounts is not an object of account id to role");
    assertThatThrownBy(() -> mapper.map(jwt(Map.of("accounts", Map.of("acct-a", 7)))))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessage("the claim accounts is not an object of account id to role");
    assertThatThrownBy(() -> single.map(jwt(Map.of("account_role", List.of("OWNER")))))
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
            "eve\nforged",
            "n/a",
            AuthorityUtils.createAuthorityList("account:acct-a:MEMBER", "workspace:ws-1:VIEWER"));
    assertThatThrownBy(() -> mapper.map(odd))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageNotContaining("eve");
  }

  @Test
  void directoryThatFails_failsClosed_withoutItsMessage() {
    DefaultPrincipalMapper broken =
        new DefaultPrincipalMapper(
            MATRIX,
            workspace -> {
              throw new IllegalStateException("db down, password=s3cr3t");
            });
    assertThatThrownBy(() -> broken.map(user("account:acct-a:MEMBER", "workspace:ws-1:VIEWER")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessage("the account of a workspace in the credentials could not be found");
  }

  @Test
  void customRoles_ofTheWorkspacesAccount_resolve_andOfAnotherAccount_failClosed() {
    CustomRoles ofA = new CustomRoles(MATRIX, "acct-a");
    ofA.define("deployer", WorkspaceRoles.RUNNER, "CREATE_EDIT_DEPLOYMENTS");
    DefaultPrincipalMapper withCustom =
        new DefaultPrincipalMapper(MATRIX, accounts, null, null, List.of(ofA));
    Principal deployer = withCustom.map(user("account:acct-a:MEMBER", "workspace:ws-1:deployer"));
    assertThat(deployer.workspaceRole("ws-1").name()).isEqualTo("deployer");
    assertThatThrownBy(
            () ->
                withCustom.map(
                    user(
                        "account:acct-a:MEMBER",
                        "account:acct-b:MEMBER",
                        "workspace:ws-b:deployer")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessage(
            "the credentials give custom role \"deployer\" of another account in workspace"
                + " \"ws-b\" of account \"acct-b\": a custom role is held only in its own"
                + " account's workspaces");
    // Without the custom roles, the name is an unknown role.
    assertThatThrownBy(() -> mapper.map(user("account:acct-a:MEMBER", "workspace:ws-1:deployer")))
        .isInstanceOf(PrincipalMappingException.class)
        .hasMessageContaining("\"deployer\", which matrix Prefect Cloud does not have");
  }

  @Test
  void workspaceDefaults_applyToMembersOfTheWorkspacesAccountOnly() {
    WorkspaceDefaults defaults = new WorkspaceDefaults(MATRIX);
    defaults.setDefaultRole("ws-2", WorkspaceRoles.VIEWER);
    DefaultPrincipalMapper withDefaults =
        new DefaultPrincipalMapper(MATRIX, accounts, null, defaults, List.of());
    assertThat(withDefaults.map(user("account:acct-a:MEMBER")).workspaceRole("ws-2").name())
        .isEqualTo(WorkspaceRoles.VIEWER);
    assertThat(withDefaults.map(user("account:acct-b:MEMBER")).workspaceRole("ws-2")).isNull();
  }

  @Test
  void claimsOfAnythingButAResourceServerJwt_grantNoRoles() {
    // An OpenID Connect login's user is a ClaimAccessor too, and its claims may carry profile
    // attributes the user can edit: only a Jwt validated by the resource server counts.
    org.springframework.security.oauth2.core.ClaimAccessor oidcLike =
        () ->
            Map.of(
                "sub", "mallory",
                "accounts", Map.of("acct-a", AccountRoles.OWNER),
                "workspace_roles", Map.of("ws-1", WorkspaceRoles.OWNER));
    Authentication login =
        UsernamePasswordAuthenticationToken.authenticated(
            oidcLike, "n/a", AuthorityUtils.createAuthorityList("ROLE_USER"));
    Principal principal = mapper.map(login);
    assertThat(principal.accounts()).isEmpty();
    assertThat(principal.explicitWorkspaceRoles()).isEmpty();
    Principal viaJwt = mapper.map(jwt(Map.of("accounts", Map.of("acct-a", AccountRoles.OWNER))));
    assertThat(viaJwt.accountRole("acct-a").name()).isEqualTo(AccountRoles.OWNER);
  }
}
