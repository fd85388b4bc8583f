package dev.rolegate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.shiro.UnavailableSecurityManagerException;
import org.apache.shiro.authz.UnauthorizedException;
import org.apache.shiro.util.ThreadContext;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Checks that the Spring Security and Shiro variants really check (their setup passes); no timings. */
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
      assertInstanceOf(AuthorizationDeniedException.class, benchmark.springPreAuthorizeDenied(state));
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
      assertThrows(AuthorizationDeniedException.class, () -> state.preAuthorize.count("ws-unknown"));
    } finally {
      state.tearDown();
    }
    assertThrows(AuthenticationCredentialsNotFoundException.class, () -> state.secured.count(Callers.WORKSPACE));
  }

  @Test
  void shiroState_requiresPermissions_allowsTheReadAndDeniesTheDelete() {
    ShiroState state = new ShiroState();
    state.setUp();
    try {
      assertTrue(AopUtils.isAopProxy(state.shiro));
      assertEquals(Callers.COUNT, benchmark.shiroAllowed(state));
      UnauthorizedException denial = assertInstanceOf(UnauthorizedException.class, benchmark.shiroDenied(state));
      assertTrue(denial.getMessage().contains("DELETE_DEPLOYMENTS"), denial.getMessage());
    } finally {
      state.tearDown();
    }
    assertNull(ThreadContext.getSubject());
    assertThrows(UnavailableSecurityManagerException.class, () -> state.shiro.count(Callers.WORKSPACE));
  }

  @Test
  void shiroRoleDefinitions_grantWhatTheMatrixGrants() {
    String definitions = ShiroState.roleDefinitions();
    assertTrue(definitions.contains("RUNNER = VIEW_AUTOMATIONS, VIEW_BLOCKS, VIEW_DEPLOYMENTS, RUN_DEPLOYMENTS,"),
        definitions);
    assertEquals(5, definitions.lines().count());
  }
}
