package dev.rolegate.samples;

import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.PrincipalScope;
import java.io.PrintStream;

/**
 * The sample command-line app: calls every operation of the guarded Prefect-like services as each
 * workspace role (in {@value SampleData#WORKSPACE}) and each account role, and prints who may do
 * what, then one full denial message. {@code --csv} prints the same table as CSV and nothing else.
 */
public final class App {
  static final String USAGE =
      "usage: java -jar rolegate-samples.jar [--csv]\n"
          + "  (no argument)  print the access table and an example denial\n"
          + "  --csv          print the access table as CSV only\n"
          + "  --help         print this help";

  private App() {}

  /** Runs the app; exits with status 2 on an unknown argument. */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    System.out.flush();
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the app, writing to {@code out} and {@code err}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    boolean csv = false;
    for (String arg : args) {
      switch (arg) {
        case "--csv" -> csv = true;
        case "-h", "--help" -> {
          out.println(USAGE);
          return 0;
        }
        default -> {
          err.println("unknown argument: " + arg);
          err.println(USAGE);
          return 2;
        }
      }
    }
    AccessTable table = AccessTableBuilder.standard();
    if (csv) {
      out.print(TablePrinter.csv(table));
      return 0;
    }
    out.println("Who may call what in workspace " + SampleData.WORKSPACE
        + " (Prefect Cloud matrix, enforced by the generated guards)");
    out.println("Workspace-role columns: account MEMBER with that role in " + SampleData.WORKSPACE
        + "; ACCOUNT_* columns: that account role and no workspace role.");
    out.println();
    out.print(TablePrinter.text(table));
    out.println();
    out.println("A RUNNER deleting a deployment is denied with:");
    out.println("  " + runnerDeletesDeployment());
    return 0;
  }

  /** Returns the message of the denial a RUNNER gets when deleting a deployment. */
  static String runnerDeletesDeployment() {
    PrefectServices services = SampleData.seeded().guarded();
    RoleColumn runner = RoleColumn.workspaceRole(SampleData.WORKSPACE, WorkspaceRoles.RUNNER);
    try (PrincipalScope scope = CurrentPrincipal.bind(runner.principal())) {
      services.deployments().delete(SampleData.WORKSPACE, SampleData.DEPLOYMENT);
      return "(not denied: the guard let a RUNNER delete a deployment)";
    } catch (AccessDeniedException denied) {
      return denied.getMessage();
    }
  }
}
