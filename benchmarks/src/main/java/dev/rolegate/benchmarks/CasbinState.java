package dev.rolegate.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * jCasbin with its documented "RBAC with domains" model, a domain being a workspace: the policy
 * grants each workspace role what the matrix grants it, in every workspace of the directory ({@link
 * Callers#accounts()}), one line per role, workspace and permission; the caller holds its role in
 * each of its workspaces ({@code g, bench, RUNNER, ws-prod}). A permission is an action on an
 * object: {@code VIEW_DEPLOYMENTS} is action {@code view} on object {@code deployments}. jCasbin
 * knows no accounts: the caller's roles are those of a member of the workspaces' account.
 *
 * <p>jCasbin logs every decision at INFO unless its log is off, building the text before the
 * logger's level check; the state turns it off ({@link Enforcer#enableLog}), as an application that
 * does not want a log line per check would.
 */
@State(Scope.Thread)
public class CasbinState {
  /** jCasbin's "RBAC with domains" model as its documentation gives it. */
  static final String MODEL =
      """
      [request_definition]
      r = sub, dom, obj, act

      [policy_definition]
      p = sub, dom, obj, act

      [role_definition]
      g = _, _, _

      [policy_effect]
      e = some(where (p.eft == allow))

      [matchers]
      m = g(r.sub, p.sub, r.dom) && r.dom == p.dom && r.obj == p.obj && r.act == p.act
      """;

  public String workspace;
  public int deploymentId;
  public DeploymentApi casbin;
  Enforcer enforcer;

  /** Builds the enforcer and the guarded service, binds the caller, and proves the guard checks. */
  @Setup(Level.Trial)
  public void setUp() {
    workspace = Callers.WORKSPACE;
    deploymentId = 1;
    enforcer = enforcer();
    casbin = new CasbinDeployments(enforcer, new CountingDeployments());
    CasbinDeployments.CURRENT.set(Callers.USER);
    Expect.allowed("jCasbin RBAC with domains", () -> casbin.count(workspace));
    Expect.denied(
        "jCasbin RBAC with domains",
        HandWrittenDeniedException.class,
        () -> casbin.delete(workspace, deploymentId));
  }

  /** Returns an enforcer of {@link #MODEL} holding {@link #policy()} and {@link #roles()}. */
  static Enforcer enforcer() {
    Enforcer enforcer = new Enforcer(Model.newModelFromString(MODEL));
    enforcer.enableLog(false);
    enforcer.addPolicies(policy());
    enforcer.addGroupingPolicies(roles());
    return enforcer;
  }

  /**
   * Returns the policy lines {@code role, workspace, object, action}: for every workspace of the
   * directory in its order, every workspace role, every permission the matrix grants it.
   */
  static List<List<String>> policy() {
    List<List<String>> lines = new ArrayList<>();
    for (String workspace : Callers.accounts().keySet()) {
      for (String role : Callers.WORKSPACE_ROLES) {
        for (HandPermission permission : Callers.permissionsOf(role)) {
          lines.add(List.of(role, workspace, object(permission), action(permission)));
        }
      }
    }
    return lines;
  }

  /** Returns the caller's role lines {@code user, role, workspace}, one per workspace it is in. */
  static List<List<String>> roles() {
    List<List<String>> lines = new ArrayList<>();
    Callers.workspaceRoles()
        .forEach((workspace, role) -> lines.add(List.of(Callers.USER, role, workspace)));
    return lines;
  }

  /** Returns the object of {@code permission}: its name after the first word, in lower case. */
  static String object(HandPermission permission) {
    String name = permission.name();
    return name.substring(name.indexOf('_') + 1).toLowerCase(Locale.ROOT);
  }

  /** Returns the action of {@code permission}: the first word of its name, in lower case. */
  static String action(HandPermission permission) {
    String name = permission.name();
    return name.substring(0, name.indexOf('_')).toLowerCase(Locale.ROOT);
  }

  /** Unbinds the caller. */
  @TearDown(Level.Trial)
  public void tearDown() {
    CasbinDeployments.CURRENT.remove();
  }
}
