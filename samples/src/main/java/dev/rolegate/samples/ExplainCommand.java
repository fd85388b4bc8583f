package dev.rolegate.samples;

import dev.rolegate.runtime.Decisions;
import dev.rolegate.runtime.Explanation;
import dev.rolegate.runtime.Level;
import dev.rolegate.runtime.Permission;
import dev.rolegate.runtime.Principal;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The app's {@code explain <who> <workspace> <permission>} subcommand: why one of the access
 * table's columns may or may not use a permission in a workspace, by {@link Decisions#explain}, the
 * same rules the guards apply. {@code <who>} is a column name in any case; {@code <permission>} a
 * permission name or a Prefect scope string. Column principals are members of {@value
 * SampleData#ACME} and hold their roles in {@value SampleData#WORKSPACE} only, and no workspace
 * default role is set; the workspace's account is the sample directory's answer.
 */
final class ExplainCommand {
  private ExplainCommand() {}

  /** Runs the subcommand on its arguments (after {@code explain}); returns the exit status. */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.size() != 3) {
      err.println("explain takes 3 arguments, <who> <workspace> <permission>; got " + args.size());
      err.println(App.USAGE);
      return 2;
    }
    String who = args.get(0);
    String workspace = args.get(1);
    String permission = args.get(2);
    Optional<RoleColumn> column = RoleColumn.standard(SampleData.WORKSPACE, who);
    if (column.isEmpty()) {
      err.println(
          "unknown <who> \""
              + who
              + "\"; use one of the table's columns (any case): "
              + String.join(", ", columnNames()));
      return 2;
    }
    Principal principal = column.get().principal(SampleData.seeded().defaults());
    Explanation explanation;
    try {
      explanation = Decisions.explain(principal, workspace, permission);
    } catch (IllegalArgumentException unknown) {
      err.println(
          "unknown <permission>: " + unknown.getMessage() + suggestion(principal, permission));
      return 2;
    }
    print(explanation, principal, permission, out);
    return 0;
  }

  /** Returns "; did you mean X?" when only the case of {@code asked} is wrong, else "". */
  private static String suggestion(Principal principal, String asked) {
    for (String candidate :
        List.of(asked.toUpperCase(Locale.ROOT), asked.toLowerCase(Locale.ROOT))) {
      Optional<Permission> found =
          principal
              .matrix()
              .permission(candidate)
              .or(() -> principal.matrix().permissionByScope(candidate));
      if (found.isPresent()) {
        return "; did you mean " + candidate + "?";
      }
    }
    return "";
  }

  private static List<String> columnNames() {
    return RoleColumn.standard(SampleData.WORKSPACE).stream().map(RoleColumn::label).toList();
  }

  private static void print(Explanation e, Principal principal, String asked, PrintStream out) {
    Permission permission = principal.matrix().resolvePermission(asked);
    String scope =
        permission.scope().isEmpty() ? "no Prefect scope" : "scope " + permission.scope();
    out.println(e.sentence());
    field(out, "allowed", String.valueOf(e.allowed()));
    field(out, "principal", principal.toString());
    field(out, "account", e.account());
    field(
        out,
        "workspace",
        e.level() == Level.ACCOUNT && e.workspace() != null
            ? e.workspace() + " (not used: an account permission)"
            : e.workspace());
    field(
        out,
        "permission",
        e.permission() + " (" + e.level().word() + " permission, " + scope + ")");
    field(out, "role there", e.roleThere());
    field(out, "from default", String.valueOf(e.fromDefault()));
    field(out, "account role", e.accountRole());
    field(out, "granted by", e.grantedBy());
    field(out, "granting roles", String.join(", ", e.grantingRoles()));
  }

  private static void field(PrintStream out, String name, String value) {
    String shown = value == null || value.isEmpty() ? "-" : value;
    out.println("  " + name + ":" + " ".repeat(16 - name.length()) + shown);
  }
}
