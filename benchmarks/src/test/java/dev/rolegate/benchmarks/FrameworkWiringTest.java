package dev.rolegate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.shiro.UnavailableSecurityManagerException;
import org.apache.shiro.authz.UnauthorizedException;
import org.apache.shiro.util.ThreadContext;
import org.casbin.jcasbin.main.Enforcer;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Checks that the Spring Security, Shiro and jCasbin variants really check (their setup passes); no
 * timings.
 */
class FrameworkWiringTest {
  private final FrameworkBenchmark benchmark = new FrameworkBenchmark();

  @Test
  void springState_securedAndPreAuthorize_allowTheReadAndDenyTheDelete() {
    SpringState state = new SpringState();
    state.setUp();
    try {
      assertTrue(AopUtils.isAopProxy(state.secured));
      assertTrue(AopUtils.isAopProxy(state.preAuthorize));
      assertEquals(Callers.COUNT, benchmark.springSecuredAllowed(state));
      assertEquals(Callers.COUNT, benchmark.springPreAuthorizeAllowed(state));
      assertInstanceOf(AuthorizationDeniedException.class, benchmark.springSecuredDenied(state));
      assertInstanceOf(
          AuthorizationDeniedException.class, benchmark.springPreAuthorizeDenied(state));
    } finally {
      state.tearDown();
    }
    assertNull(SecurityContextHolder.getContext().getAuthentication());
  }

  @Test
  void springState_preAuthorize_checksTheWorkspaceArgument() {
    SpringState state = new SpringState();
    state.setUp();
    try {
      // The caller is VIEWER in ws-0 and holds no role in ws-unknown.
      assertEquals(Callers.COUNT, state.preAuthorize.count("ws-0"));
      assertThrows(
          AuthorizationDeniedException.class, () -> state.preAuthorize.count("ws-unknown"));
    } finally {
      state.tearDown();
    }
    assertThrows(
        AuthenticationCredentialsNotFoundException.class,
        () -> state.secured.count(Callers.WORKSPACE));
  }

  @Test
  void shiroState_requiresPermissions_allowsTheReadAndDeniesTheDelete() {
    ShiroState state = new ShiroState();
    state.setUp();
    try {
      assertTrue(AopUtils.isAopProxy(state.shiro));
      assertEquals(Callers.COUNT, benchmark.shiroAllowed(state));
      UnauthorizedException denial =
          assertInstanceOf(UnauthorizedException.class, benchmark.shiroDenied(state));
      assertTrue(denial.getMessage().contains("DELETE_DEPLOYMENTS"), denial.getMessage());
    } finally {
      state.tearDown();
    }
    assertNull(ThreadContext.getSubject());
    assertThrows(
        UnavailableSecurityManagerException.class, () -> state.shiro.count(Callers.WORKSPACE));
  }

  @Test
  void casbinState_enforcer_allowsTheReadAndDeniesTheDelete() {
    CasbinState state = new CasbinState();
    state.setUp();
    try {
      assertEquals(Callers.COUNT, benchmark.casbinAllowed(state));
      HandWrittenDeniedException denial =
          assertInstanceOf(HandWrittenDeniedException.class, benchmark.casbinDenied(state));
      assertEquals(
          "access denied: user bench may not call DeploymentApi.delete, which requires"
              + " delete deployments in workspace \"ws-prod\"; bench holds [RUNNER] there",
          denial.getMessage());
      assertEquals(Callers.USER, denial.principalId());
      assertEquals(CasbinDeployments.DELETE, denial.operation());
      assertEquals(Callers.WORKSPACE, denial.workspace());
      // The caller is VIEWER in ws-0 and holds no role in another account's workspace.
      assertEquals(Callers.COUNT, state.casbin.count("ws-0"));
      assertThrows(HandWrittenDeniedException.class, () -> state.casbin.delete("ws-0", 1));
      assertThrows(HandWrittenDeniedException.class, () -> state.casbin.count("other-ws-prod"));
    } finally {
      state.tearDown();
    }
    SecurityException unbound =
        assertThrows(SecurityException.class, () -> state.casbin.count(Callers.WORKSPACE));
    assertEquals("no caller bound for DeploymentApi.count", unbound.getMessage());
  }

  @Test
  void casbinEnforcer_decidesWhatTheMatrixDecidesForTheCaller_inEveryWorkspace() {
    Enforcer enforcer = CasbinState.enforcer();
    HandWritten.Caller caller = Callers.handWritten();
    int allowed = 0;
    for (String workspace : Callers.accounts().keySet()) {
      HandWritten.Role role = caller.roleIn(workspace);
      for (HandPermission permission : HandPermission.values()) {
        boolean expected = role != null && role.permissions().contains(permission);
        String object = CasbinState.object(permission);
        String action = CasbinState.action(permission);
        assertEquals(
            expected,
            enforcer.enforce(Callers.USER, workspace, object, action),
            permission + " in " + workspace);
        allowed += expected ? 1 : 0;
      }
    }
    int viewer = Callers.permissionsOf("VIEWER").size();
    int runner = Callers.permissionsOf("RUNNER").size();
    assertEquals(20 * viewer + runner, allowed);
  }

  @Test
  void casbinPolicy_grantsEachRoleWhatTheMatrixGrants_inEveryWorkspaceOfTheDirectory() {
    List<List<String>> policy = CasbinState.policy();
    int perWorkspace =
        Callers.WORKSPACE_ROLES.stream().mapToInt(role -> Callers.permissionsOf(role).size()).sum();
    assertEquals(Callers.accounts().size() * perWorkspace, policy.size());
    assertEquals(Set.copyOf(policy).size(), policy.size());
    assertTrue(
        policy.contains(List.of("RUNNER", "ws-prod", "deployments", "view")), "RUNNER reads");
    assertTrue(
        !policy.contains(List.of("RUNNER", "ws-prod", "deployments", "delete")),
        "RUNNER does not delete");
    assertTrue(
        policy.contains(List.of("DEVELOPER", "other-ws-0", "deployments", "delete")),
        "DEVELOPER deletes");
    assertEquals(
        List.of(List.of("bench", "VIEWER", "ws-0"), List.of("bench", "RUNNER", "ws-prod")),
        List.of(CasbinState.roles().get(0), CasbinState.roles().get(20)));
    assertEquals(21, CasbinState.roles().size());
    Set<List<String>> requests = new HashSet<>();
    for (HandPermission permission : HandPermission.values()) {
      requests.add(List.of(CasbinState.object(permission), CasbinState.action(permission)));
    }
    assertEquals(HandPermission.values().length, requests.size(), "one request per permission");
  }

  @Test
  void shiroRoleDefinitions_grantWhatTheMatrixGrants() {
    String definitions = ShiroState.roleDefinitions();
    assertTrue(
        definitions.contains(
            "RUNNER = VIEW_AUTOMATIONS, VIEW_BLOCKS, VIEW_DEPLOYMENTS, RUN_DEPLOYMENTS,"),
        definitions);
    assertEquals(5, definitions.lines().count());
  }
}
