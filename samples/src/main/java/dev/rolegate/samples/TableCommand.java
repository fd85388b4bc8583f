package dev.rolegate.samples;

import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.DecisionListener;
import dev.rolegate.runtime.Decisions;
import dev.rolegate.runtime.PrincipalScope;
import java.io.PrintStream;

/**
 * The app's default subcommand: the who-can-do-what table, as text with an example denial and the
 * {@link TwoAccounts} section, or as CSV alone; with {@code --audit}, one line per guard decision
 * on stderr while the table is built.
 */
final class TableCommand {
  private TableCommand() {}

  /** Prints the table; {@code audit} logs decisions to {@code err} meanwhile. */
  static int run(boolean csv, boolean audit, PrintStream out, PrintStream err) {
    AccessTable table = audit ? audited(err) : AccessTableBuilder.standard();
    if (csv) {
      out.print(TablePrinter.csv(table));
      return 0;
    }
    out.println(
        "Who may call what in workspace "
            + SampleData.WORKSPACE
            + " of account "
            + SampleData.ACME
            + " (Prefect Cloud matrix, enforced by the generated guards)");
    out.println(
        "Workspace-role columns: account MEMBER with that role in "
            + SampleData.WORKSPACE
            + "; WORKER is service account "
            + SampleData.WORKER_KEY
            + ".");
    out.println(
        SampleRoles.DEPLOYER
            + " is a custom role defined at run time: "
            + SampleRoles.DEPLOYER_ROLE.describe()
            + ".");
    out.println(
        "ACCOUNT_* columns: that account role in "
            + SampleData.ACME
            + " and no workspace role; account-level rows act in "
            + SampleData.ACME
            + ".");
    out.println();
    out.print(TablePrinter.text(table));
    out.println();
    out.println("A RUNNER deleting a deployment is denied with:");
    out.println("  " + runnerDeletesDeployment());
    out.println();
    TwoAccounts.print(out);
    return 0;
  }

  /** Builds the table with a listener printing to {@code log}, then restores the previous one. */
  private static AccessTable audited(PrintStream log) {
    DecisionListener previous = Decisions.listener();
    Decisions.setListener(AuditLine.printingTo(log));
    try {
      return AccessTableBuilder.standard();
    } finally {
      Decisions.setListener(previous);
    }
  }

  /** Returns the message of the denial a RUNNER gets when deleting a deployment. */
  // -Xlint:try: the scope binds the principal for the block and is never read in it.
  @SuppressWarnings("try")
  static String runnerDeletesDeployment() {
    PrefectServices services = SampleData.seeded();
    RoleColumn runner = RoleColumn.workspaceRole(SampleData.WORKSPACE, WorkspaceRoles.RUNNER);
    try (PrincipalScope scope = CurrentPrincipal.bind(runner.principal(services.defaults()))) {
      services.deployments().delete(SampleData.WORKSPACE, SampleData.DEPLOYMENT);
      return "(not denied: the guard let a RUNNER delete a deployment)";
    } catch (AccessDeniedException denied) {
      return denied.getMessage();
    }
  }
}
