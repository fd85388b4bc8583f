package dev.rolegate.samples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The sample command-line app. Without a subcommand (or with {@code table}) it calls every
 * operation of the guarded Prefect-like services as each role column (the built-in workspace roles
 * in {@value SampleData#WORKSPACE}, the custom role {@value SampleRoles#DEPLOYER}, the account
 * roles, all in account {@value SampleData#ACME}) and prints who may do what, then one full denial
 * message and calls across the two sample accounts ({@link TwoAccounts}); {@code --csv} prints the
 * same table as CSV and nothing else; {@code --audit} logs every guard decision to stderr
 * meanwhile. {@code worker} runs the sample worker; {@code explain} explains one decision.
 */
public final class App {
  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar rolegate-samples.jar [table] [--csv] [--audit]",
          "       java -jar rolegate-samples.jar worker",
          "       java -jar rolegate-samples.jar explain <who> <workspace> <permission>",
          "  table (default)  print the access table, an example denial and calls across two accounts",
          "    --csv          print the access table as CSV only",
          "    --audit        also print one line per guard decision to stderr while the table is built",
          "  worker           run the sample worker (service account "
              + SampleData.WORKER_KEY
              + ", WORKER in "
              + SampleData.WORKSPACE
              + "),",
          "                   then try to delete a deployment with its key",
          "  explain          say why <who> may or may not use <permission> in <workspace>",
          "    <who>          a table column, any case: " + String.join(", ", columns()),
          "    <permission>   a permission name (DELETE_DEPLOYMENTS) or Prefect scope (manage_deployments)",
          "  --help           print this help");

  private static final Set<String> HELP = Set.of("-h", "--help");

  private App() {}

  /** Runs the app; exits with status 2 on bad arguments, 1 if the worker demonstration failed. */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    System.out.flush();
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the app, writing to {@code out} and {@code err}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> list = Arrays.asList(args);
    if (list.stream().anyMatch(HELP::contains)) {
      out.println(USAGE);
      return 0;
    }
    String command = list.isEmpty() ? "table" : list.get(0);
    List<String> rest = list.isEmpty() ? list : list.subList(1, list.size());
    return switch (command) {
      case "worker" ->
          rest.isEmpty()
              ? WorkerCommand.run(out, err)
              : usageError(err, "worker takes no argument");
      case "explain" -> ExplainCommand.run(rest, out, err);
      case "table" -> table(rest, out, err);
      default -> table(list, out, err);
    };
  }

  private static int table(List<String> options, PrintStream out, PrintStream err) {
    boolean csv = false;
    boolean audit = false;
    for (String option : options) {
      switch (option) {
        case "--csv" -> csv = true;
        case "--audit" -> audit = true;
        default -> {
          return usageError(err, "unknown argument: " + option);
        }
      }
    }
    return TableCommand.run(csv, audit, out, err);
  }

  private static int usageError(PrintStream err, String problem) {
    err.println(problem);
    err.println(USAGE);
    return 2;
  }

  private static List<String> columns() {
    return RoleColumn.standard(SampleData.WORKSPACE).stream().map(RoleColumn::label).toList();
  }
}
