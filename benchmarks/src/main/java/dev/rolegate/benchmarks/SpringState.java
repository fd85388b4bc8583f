package dev.rolegate.benchmarks;

import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Spring Security's method security in a started {@link SpringSecurityConfig} context, with the
 * caller of {@link Callers} authenticated on the benchmark thread ({@code SecurityContextHolder}'s
 * default thread-local strategy): the hand-written caller as principal, {@code ROLE_RUNNER} as its
 * authority.
 */
@State(Scope.Thread)
public class SpringState {
  public String workspace;
  public int deploymentId;
  public DeploymentApi secured;
  public DeploymentApi preAuthorize;

  private AnnotationConfigApplicationContext context;

  /** Starts the context, authenticates the caller, and proves both services check. */
  @Setup(Level.Trial)
  public void setUp() {
    workspace = Callers.WORKSPACE;
    deploymentId = 1;
    context = new AnnotationConfigApplicationContext(SpringSecurityConfig.class);
    secured = context.getBean("securedDeployments", DeploymentApi.class);
    preAuthorize = context.getBean("preAuthorizeDeployments", DeploymentApi.class);
    SecurityContext security = SecurityContextHolder.createEmptyContext();
    security.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            Callers.handWritten(),
            null,
            List.of(new SimpleGrantedAuthority("ROLE_" + Callers.ROLE))));
    SecurityContextHolder.setContext(security);
    verify("Spring @Secured", secured);
    verify("Spring @PreAuthorize", preAuthorize);
  }

  private void verify(String name, DeploymentApi api) {
    if (api instanceof SpringSecuredDeployments || api instanceof SpringPreAuthorizeDeployments) {
      throw new IllegalStateException(name + ": the bean is not proxied by method security");
    }
    Expect.allowed(name, () -> api.count(workspace));
    Expect.denied(
        name, AuthorizationDeniedException.class, () -> api.delete(workspace, deploymentId));
  }

  /** Clears the security context and closes the application context. */
  @TearDown(Level.Trial)
  public void tearDown() {
    SecurityContextHolder.clearContext();
    context.close();
  }
}
