package dev.rolegate.samples;

import dev.rolegate.runtime.Decision;
import dev.rolegate.runtime.DecisionListener;
import java.io.PrintStream;

/**
 * The app's {@code --audit} log: a {@link DecisionListener} that prints one line per guard
 * decision, such as {@code audit: allowed user runner-user DeploymentService.run in ws-prod needs
 * RUN_DEPLOYMENTS; granted by RUNNER in ws-prod}; a call that names an account and no workspace
 * says {@code in account acct-acme}.
 */
final class AuditLine {
  /** The start of every audit line. */
  static final String PREFIX = "audit: ";

  private AuditLine() {}

  /**
   * Returns a listener printing each decision to {@code out}, except those of the sample data's
   * set-up (made as {@value SampleData#SEEDER} through the same guards, for every fresh set of
   * services the table uses): they are not calls of the table.
   */
  static DecisionListener printingTo(PrintStream out) {
    return decision -> {
      if (!SampleData.SEEDER.equals(decision.principalId())) {
        out.println(format(decision));
      }
    };
  }

  /** Returns the decision as one line. */
  static String format(Decision d) {
    StringBuilder line = new StringBuilder(PREFIX).append(d.allowed() ? "allowed " : "denied ");
    line.append(
        d.principalKind() == null ? "(nobody)" : d.principalKind().word() + " " + d.principalId());
    line.append(' ').append(d.operation());
    if (d.workspace() != null) {
      line.append(" in ").append(d.workspaceForLog());
    } else if (d.account() != null) {
      line.append(" in account ").append(d.accountForLog());
    }
    line.append(" needs ")
        .append(d.permissions().size() > 1 && d.anyOf() ? "one of " : "")
        .append(String.join(d.anyOf() ? ", " : " and ", d.permissions()));
    if (d.allowed()) {
      line.append("; granted by ").append(d.grantedBy());
    } else {
      line.append("; would allow ")
          .append(d.wouldAllow().isEmpty() ? "no role" : String.join(", ", d.wouldAllow()));
    }
    return line.toString();
  }
}
