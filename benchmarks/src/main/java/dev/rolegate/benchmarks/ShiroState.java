package dev.rolegate.benchmarks;

import java.util.stream.Collectors;
import org.apache.shiro.authz.UnauthorizedException;
import org.apache.shiro.mgt.DefaultSecurityManager;
import org.apache.shiro.mgt.DefaultSessionStorageEvaluator;
import org.apache.shiro.mgt.DefaultSubjectDAO;
import org.apache.shiro.realm.text.TextConfigurationRealm;
import org.apache.shiro.spring.security.interceptor.AuthorizationAttributeSourceAdvisor;
import org.apache.shiro.subject.SimplePrincipalCollection;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.util.ThreadContext;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.aop.framework.ProxyFactory;

/**
 * Apache Shiro's {@code @RequiresPermissions} through its real AOP interceptor: shiro-spring's
 * {@link AuthorizationAttributeSourceAdvisor} on a Spring {@link ProxyFactory} proxy, a realm
 * granting each workspace role what the matrix grants it, and the caller (RUNNER) bound to the
 * benchmark thread as an authenticated subject without a session.
 */
@State(Scope.Thread)
public class ShiroState {
  public String workspace;
  public int deploymentId;
  public DeploymentApi shiro;

  private DefaultSecurityManager manager;

  /** Builds the realm and the proxy, binds the subject, and proves the proxy checks. */
  @Setup(Level.Trial)
  public void setUp() {
    workspace = Callers.WORKSPACE;
    deploymentId = 1;
    TextConfigurationRealm realm = new TextConfigurationRealm();
    realm.setRoleDefinitions(roleDefinitions());
    realm.setUserDefinitions(Callers.USER + " = unused, " + Callers.ROLE);
    realm.init();
    manager = new DefaultSecurityManager(realm);
    DefaultSubjectDAO subjects = (DefaultSubjectDAO) manager.getSubjectDAO();
    ((DefaultSessionStorageEvaluator) subjects.getSessionStorageEvaluator())
        .setSessionStorageEnabled(false);
    Subject subject =
        new Subject.Builder(manager)
            .principals(new SimplePrincipalCollection(Callers.USER, realm.getName()))
            .authenticated(true)
            .sessionCreationEnabled(false)
            .buildSubject();
    ThreadContext.bind(manager);
    ThreadContext.bind(subject);
    AuthorizationAttributeSourceAdvisor advisor = new AuthorizationAttributeSourceAdvisor();
    advisor.setSecurityManager(manager);
    ProxyFactory factory = new ProxyFactory(new ShiroDeployments(new CountingDeployments()));
    factory.addAdvisor(advisor);
    shiro = (DeploymentApi) factory.getProxy();
    Expect.allowed("Shiro @RequiresPermissions", () -> shiro.count(workspace));
    Expect.denied(
        "Shiro @RequiresPermissions",
        UnauthorizedException.class,
        () -> shiro.delete(workspace, deploymentId));
  }

  /** Returns "ROLE = PERMISSION, ..." lines, one per workspace role, from the matrix. */
  static String roleDefinitions() {
    return Callers.WORKSPACE_ROLES.stream()
        .map(
            role ->
                role
                    + " = "
                    + Callers.permissionsOf(role).stream()
                        .map(Enum::name)
                        .collect(Collectors.joining(", ")))
        .collect(Collectors.joining("\n"));
  }

  /** Unbinds the subject and destroys the security manager. */
  @TearDown(Level.Trial)
  public void tearDown() {
    ThreadContext.unbindSubject();
    ThreadContext.unbindSecurityManager();
    manager.destroy();
  }
}
