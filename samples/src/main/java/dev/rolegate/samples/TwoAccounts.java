package dev.rolegate.samples;

import static dev.rolegate.samples.SampleData.ACME;
import static dev.rolegate.samples.SampleData.DEPLOYMENT;
import static dev.rolegate.samples.SampleData.GLOBEX;
import static dev.rolegate.samples.SampleData.GLOBEX_DEPLOYMENT;
import static dev.rolegate.samples.SampleData.GLOBEX_WORKSPACE;
import static dev.rolegate.samples.SampleData.STAGING;
import static dev.rolegate.samples.SampleData.WORKSPACE;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.Permissions;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Decisions;
import dev.rolegate.runtime.Explanation;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.runtime.WorkspaceDefaults;
import dev.rolegate.samples.account.AccountSettings;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's section on accounts, printed after the table: one person in both sample accounts,
 * {@value #ADA} (ADMIN in {@value SampleData#ACME}, MEMBER in {@value SampleData#GLOBEX}), makes
 * calls through the generated guards in each; then a workspace default set on an acme workspace
 * reaches an acme member without a role there ({@value #CAROL}) but not a member of globex only
 * ({@value #GUS}). Each call runs on fresh seeded services; a denial shows its message, which names
 * the account.
 */
final class TwoAccounts {
  /** ADMIN in {@value SampleData#ACME}, MEMBER in {@value SampleData#GLOBEX}. */
  static final String ADA = "ada";

  /** MEMBER of {@value SampleData#ACME}, with no role in any workspace. */
  static final String CAROL = "carol";

  /** MEMBER of {@value SampleData#GLOBEX} only. */
  static final String GUS = "gus";

  private TwoAccounts() {}

  /**
   * One call of the section: what was tried, whether the guard allowed it, and the detail printed
   * under it.
   *
   * @param call what was tried, e.g. {@code ada deletes deployment d-nightly-etl in ws-prod}
   * @param allowed whether the guard let the call through
   * @param detail what granted it (by {@link Decisions#explain}, the guards' rules), or the
   *     denial's message
   */
  record Step(String call, boolean allowed, String detail) {}

  /** Returns {@value #ADA}: ADMIN in acme, MEMBER in globex, no workspace role. */
  static Principal ada(WorkspaceDefaults defaults) {
    return Principal.user(ADA)
        .directory(SampleData.accounts())
        .member(ACME, AccountRoles.ADMIN)
        .member(GLOBEX, AccountRoles.MEMBER)
        .workspaceDefaults(defaults)
        .build();
  }

  /** Returns {@value #CAROL}: MEMBER of acme, no workspace role. */
  static Principal carol(WorkspaceDefaults defaults) {
    return Principal.user(CAROL)
        .directory(SampleData.accounts())
        .member(ACME)
        .workspaceDefaults(defaults)
        .build();
  }

  /** Returns {@value #GUS}: MEMBER of globex only, no workspace role. */
  static Principal gus(WorkspaceDefaults defaults) {
    return Principal.user(GUS)
        .directory(SampleData.accounts())
        .member(GLOBEX)
        .workspaceDefaults(defaults)
        .build();
  }

  /** Returns {@value #ADA}'s calls in both accounts, each on fresh services. */
  static List<Step> adaInBothAccounts() {
    List<Step> steps = new ArrayList<>();
    PrefectServices s = SampleData.seeded();
    Principal ada = ada(s.defaults());
    steps.add(
        step(
            ADA + " deletes deployment " + DEPLOYMENT + " in " + WORKSPACE + " (" + ACME + ")",
            ada,
            () -> s.deployments().delete(WORKSPACE, DEPLOYMENT),
            Decisions.explain(ada, WORKSPACE, Permissions.DELETE_DEPLOYMENTS)));
    steps.add(
        step(
            ADA
                + " deletes deployment "
                + GLOBEX_DEPLOYMENT
                + " in "
                + GLOBEX_WORKSPACE
                + " ("
                + GLOBEX
                + ")",
            ada,
            () -> s.deployments().delete(GLOBEX_WORKSPACE, GLOBEX_DEPLOYMENT),
            Decisions.explain(ada, GLOBEX_WORKSPACE, Permissions.DELETE_DEPLOYMENTS)));
    steps.add(
        step(
            ADA + " reads the settings of " + GLOBEX,
            ada,
            () -> s.account().settings(GLOBEX),
            Decisions.explainInAccount(ada, GLOBEX, Permissions.VIEW_ACCOUNT_SETTINGS)));
    steps.add(
        step(
            ADA + " edits the settings of " + GLOBEX,
            ada,
            () -> s.account().edit(GLOBEX, new AccountSettings("Globex by ada", false)),
            Decisions.explainInAccount(ada, GLOBEX, Permissions.EDIT_ACCOUNT_SETTINGS)));
    return steps;
  }

  /**
   * Returns the workspace-default calls: {@value #ADA} (OWNER in acme's workspaces through her
   * account role) sets VIEWER as the default role of {@value SampleData#WORKSPACE}; then {@value
   * #CAROL} and {@value #GUS} list its deployments.
   */
  static List<Step> defaultStaysInItsAccount() {
    List<Step> steps = new ArrayList<>();
    PrefectServices s = SampleData.seeded();
    Principal ada = ada(s.defaults());
    steps.add(
        step(
            ADA + " sets the default role of " + WORKSPACE + " to " + WorkspaceRoles.VIEWER,
            ada,
            () -> s.members().setDefaultRole(WORKSPACE, WorkspaceRoles.VIEWER),
            Decisions.explain(ada, WORKSPACE, Permissions.SET_DEFAULT_WORKSPACE_ROLE)));
    Principal carol = carol(s.defaults());
    steps.add(
        step(
            CAROL
                + " (MEMBER of "
                + ACME
                + ", no workspace role) lists the deployments of "
                + WORKSPACE,
            carol,
            () -> s.deployments().list(WORKSPACE),
            Decisions.explain(carol, WORKSPACE, Permissions.VIEW_DEPLOYMENTS)));
    Principal gus = gus(s.defaults());
    steps.add(
        step(
            GUS + " (MEMBER of " + GLOBEX + " only) lists the deployments of " + WORKSPACE,
            gus,
            () -> s.deployments().list(WORKSPACE),
            Decisions.explain(gus, WORKSPACE, Permissions.VIEW_DEPLOYMENTS)));
    return steps;
  }

  /** Prints the section. */
  static void print(PrintStream out) {
    out.println(
        "Two accounts: "
            + ACME
            + " (workspaces "
            + WORKSPACE
            + ", "
            + STAGING
            + ") and "
            + GLOBEX
            + " (workspace "
            + GLOBEX_WORKSPACE
            + ").");
    out.println(ADA + " is ADMIN in " + ACME + " and MEMBER in " + GLOBEX + ":");
    adaInBothAccounts().forEach(step -> print(step, out));
    out.println("A workspace default applies to members of the workspace's account only:");
    defaultStaysInItsAccount().forEach(step -> print(step, out));
  }

  private static void print(Step step, PrintStream out) {
    out.println("  " + (step.allowed() ? "allowed: " : "denied:  ") + step.call());
    out.println("    " + step.detail());
  }

  // -Xlint:try: the scope binds the principal for the block and is never read in it.
  @SuppressWarnings("try")
  private static Step step(String call, Principal principal, Runnable action, Explanation why) {
    try (PrincipalScope scope = CurrentPrincipal.bind(principal)) {
      action.run();
      return new Step(
          call,
          true,
          "granted by " + why.grantedBy() + (why.fromDefault() ? " (the workspace default)" : ""));
    } catch (AccessDeniedException denied) {
      return new Step(call, false, denied.getMessage());
    }
  }
}
