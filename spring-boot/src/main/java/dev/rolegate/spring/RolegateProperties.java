package dev.rolegate.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code rolegate.*} properties. */
@ConfigurationProperties("rolegate")
public class RolegateProperties {
  private final Guards guards = new Guards();
  private final Web web = new Web();

  /** Returns {@code rolegate.guards.*}. */
  public Guards getGuards() {
    return guards;
  }

  /** Returns {@code rolegate.web.*}. */
  public Web getWeb() {
    return web;
  }

  /** {@code rolegate.guards.*}: wrapping beans in their generated guards. */
  public static class Guards {
    /** Whether beans of guarded types are created as, or wrapped in, their generated guard. */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** {@code rolegate.web.*}: binding the principal and workspace of each HTTP request. */
  public static class Web {
    /** The path pattern (Spring's PathPattern syntax) whose variable names the workspace. */
    private String workspacePath = "/api/accounts/{account}/workspaces/{workspace}/**";

    /** The name of the variable in {@link #workspacePath} that holds the workspace id. */
    private String workspaceVariable = "workspace";

    /**
     * The order of the filter that binds the principal; it must run after Spring Security's filter
     * chain (order -100 by default).
     */
    private int filterOrder = 0;

    public String getWorkspacePath() {
      return workspacePath;
    }

    public void setWorkspacePath(String workspacePath) {
      this.workspacePath = workspacePath;
    }

    public String getWorkspaceVariable() {
      return workspaceVariable;
    }

    public void setWorkspaceVariable(String workspaceVariable) {
      this.workspaceVariable = workspaceVariable;
    }

    public int getFilterOrder() {
      return filterOrder;
    }

    public void setFilterOrder(int filterOrder) {
      this.filterOrder = filterOrder;
    }
  }
}
