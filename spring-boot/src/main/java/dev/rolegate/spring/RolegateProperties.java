package dev.rolegate.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code rolegate.*} properties. */
@ConfigurationProperties("rolegate")
public class RolegateProperties {
  private final Guards guards = new Guards();
  private final Web web = new Web();
  private final Metrics metrics = new Metrics();
  private final Jdbc jdbc = new Jdbc();

  /**
   * The account of a single-account application: the starter's {@link
   * dev.rolegate.runtime.AccountDirectory} is then {@code AccountDirectory.singleAccount} of it
   * (unless the application declares one), and the credentials' forms without an account ({@code
   * account:<ROLE>}, the claim {@code account_role}) mean the role in it.
   */
  private String singleAccount;

  /** Returns {@code rolegate.single-account}, or null when not set. */
  public String getSingleAccount() {
    return singleAccount;
  }

  public void setSingleAccount(String singleAccount) {
    this.singleAccount = singleAccount;
  }

  /** Returns {@code rolegate.guards.*}. */
  public Guards getGuards() {
    return guards;
  }

  /** Returns {@code rolegate.web.*}. */
  public Web getWeb() {
    return web;
  }

  /** Returns {@code rolegate.metrics.*}. */
  public Metrics getMetrics() {
    return metrics;
  }

  /** Returns {@code rolegate.jdbc.*}. */
  public Jdbc getJdbc() {
    return jdbc;
  }

  /** {@code rolegate.jdbc.*}: memberships in a database, with rolegate-jdbc and a DataSource. */
  public static class Jdbc {
    /**
     * Whether memberships come from the database (with rolegate-jdbc on the class path and a
     * DataSource bean): the store, its account directory, the principal of each request resolved
     * from the database, and the guarded administration services.
     */
    private boolean enabled = true;

    /**
     * Whether rolegate's schema is migrated at startup. Its migrations keep their own Flyway
     * history table (rolegate_schema_history), so they run beside an application's own migrations
     * without version clashes.
     */
    private boolean migrate = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public boolean isMigrate() {
      return migrate;
    }

    public void setMigrate(boolean migrate) {
      this.migrate = migrate;
    }
  }

  /** {@code rolegate.metrics.*}: counting decisions in Micrometer. */
  public static class Metrics {
    /**
     * Whether guards' decisions are counted as the meter rolegate.decisions (with Micrometer and a
     * MeterRegistry present).
     */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
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

  /** {@code rolegate.web.*}: binding the principal, account and workspace of each HTTP request. */
  public static class Web {
    /** The path pattern (Spring's PathPattern syntax) whose variable names the workspace. */
    private String workspacePath = "/api/accounts/{account}/workspaces/{workspace}/**";

    /** The name of the variable in {@link #workspacePath} that holds the workspace id. */
    private String workspaceVariable = "workspace";

    /**
     * The path pattern (Spring's PathPattern syntax) whose variable names the account; empty binds
     * no account from the path.
     */
    private String accountPath = "/api/accounts/{account}/**";

    /** The name of the variable in {@link #accountPath} that holds the account id. */
    private String accountVariable = "account";

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

    public String getAccountPath() {
      return accountPath;
    }

    public void setAccountPath(String accountPath) {
      this.accountPath = accountPath;
    }

    public String getAccountVariable() {
      return accountVariable;
    }

    public void setAccountVariable(String accountVariable) {
      this.accountVariable = accountVariable;
    }

    public int getFilterOrder() {
      return filterOrder;
    }

    public void setFilterOrder(int filterOrder) {
      this.filterOrder = filterOrder;
    }
  }
}
