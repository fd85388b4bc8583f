package dev.rolegate.benchmarks.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the compile-time benchmark's sources: {@code n} interfaces {@code bench.corpus.Service<i>}
 * of ten guarded methods each (single permissions, an all-of pair and an any-of pair, against the
 * bundled Prefect matrix), and for the hand-written build a guard {@code HandGuardedService<i>} per
 * interface with the code the processor would generate, written out by hand.
 */
final class Corpus {
  static final String PACKAGE = "bench.corpus";

  /** One method of every corpus interface: its shape and what it requires. */
  private record Method(String name, String returns, String params, String args, String annotation,
      String requirement) {}

  private static final List<Method> METHODS = List.of(
      single("readDeployment", "String", ", String id", ", id", "VIEW_DEPLOYMENTS"),
      single("runDeployment", "String", ", String id", ", id", "RUN_DEPLOYMENTS"),
      single("editDeployment", "void", ", String id, String body", ", id, body", "CREATE_EDIT_DEPLOYMENTS"),
      single("deleteDeployment", "boolean", ", String id", ", id", "DELETE_DEPLOYMENTS"),
      single("listFlows", "List<String>", "", "", "VIEW_FLOWS"),
      single("runFlow", "String", ", String id", ", id", "RUN_FLOWS"),
      single("deleteFlows", "int", ", List<String> ids", ", ids", "DELETE_FLOWS"),
      new Method("runOnPool", "String", ", String id, String pool", ", id, pool",
          "@RequiresPermission({RUN_DEPLOYMENTS, VIEW_WORK_POOLS})",
          "Requirement.allOf(PrefectCloudCapabilityTable.RUN_DEPLOYMENTS, PrefectCloudCapabilityTable.VIEW_WORK_POOLS)"),
      new Method("configure", "void", ", String key", ", key",
          "@RequiresPermission(anyOf = {MANAGE_BLOCKS, MANAGE_AUTOMATIONS})",
          "Requirement.anyOf(PrefectCloudCapabilityTable.MANAGE_BLOCKS, PrefectCloudCapabilityTable.MANAGE_AUTOMATIONS)"),
      single("countWorkPools", "long", "", "", "VIEW_WORK_POOLS"));

  private static final List<String> PERMISSIONS = List.of("VIEW_DEPLOYMENTS", "RUN_DEPLOYMENTS",
      "CREATE_EDIT_DEPLOYMENTS", "DELETE_DEPLOYMENTS", "VIEW_FLOWS", "RUN_FLOWS", "DELETE_FLOWS",
      "VIEW_WORK_POOLS", "MANAGE_BLOCKS", "MANAGE_AUTOMATIONS");

  private Corpus() {}

  private static Method single(String name, String returns, String params, String args, String permission) {
    return new Method(name, returns, params, args, "@RequiresPermission(" + permission + ")",
        "Requirement.allOf(PrefectCloudCapabilityTable." + permission + ")");
  }

  /** Returns how many methods each interface has. */
  static int methodsPerService() {
    return METHODS.size();
  }

  /**
   * Writes {@code n} interfaces under {@code root} (and their hand-written guards when {@code
   * handWrittenGuards}); returns the files written.
   */
  static List<Path> write(Path root, int n, boolean handWrittenGuards) throws IOException {
    Path dir = Files.createDirectories(root.resolve(PACKAGE.replace('.', '/')));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      files.add(Files.writeString(dir.resolve("Service" + i + ".java"), service(i), StandardCharsets.UTF_8));
      if (handWrittenGuards) {
        files.add(Files.writeString(dir.resolve("HandGuardedService" + i + ".java"), guard(i), StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  /** Returns the source of interface {@code Service<i>}. */
  static String service(int i) {
    StringBuilder out = new StringBuilder("package " + PACKAGE + ";\n\n");
    for (String permission : PERMISSIONS) {
      out.append("import static dev.rolegate.prefect.Permissions.").append(permission).append(";\n");
    }
    out.append("\nimport dev.rolegate.annotations.RequiresPermission;\n")
        .append("import dev.rolegate.annotations.WorkspaceId;\nimport java.util.List;\n\n")
        .append("/** Corpus service ").append(i).append(". */\npublic interface Service").append(i).append(" {\n");
    for (Method method : METHODS) {
      out.append("  ").append(method.annotation()).append("\n  ").append(method.returns()).append(' ')
          .append(method.name()).append("(@WorkspaceId String workspace").append(method.params()).append(");\n\n");
    }
    out.setLength(out.length() - 1);
    return out.append("}\n").toString();
  }

  /** Returns the source of {@code HandGuardedService<i>}: the generated guard's code, by hand. */
  static String guard(int i) {
    String type = "Service" + i;
    String name = "HandGuarded" + type;
    StringBuilder out = new StringBuilder("package " + PACKAGE + ";\n\n")
        .append("import dev.rolegate.prefect.PrefectCloudCapabilityTable;\n")
        .append("import dev.rolegate.runtime.CurrentPrincipal;\nimport dev.rolegate.runtime.PrincipalSource;\n")
        .append("import dev.rolegate.runtime.internal.Requirement;\nimport java.util.List;\nimport java.util.Objects;\n\n")
        .append("/** Guards {@link ").append(type).append("}, written by hand. */\n")
        .append("public final class ").append(name).append(" implements ").append(type).append(" {\n");
    for (Method method : METHODS) {
      out.append("  private static final Requirement ").append(constant(method)).append(" = ")
          .append(method.requirement()).append(";\n\n");
    }
    out.append("  private final ").append(type).append(" delegate;\n\n  private final PrincipalSource source;\n\n")
        .append("  private ").append(name).append('(').append(type).append(" delegate, PrincipalSource source) {\n")
        .append("    this.delegate = delegate;\n    this.source = source;\n  }\n\n")
        .append("  public static ").append(type).append(" wrap(").append(type).append(" delegate) {\n")
        .append("    return wrap(delegate, CurrentPrincipal.source());\n  }\n\n")
        .append("  public static ").append(type).append(" wrap(").append(type)
        .append(" delegate, PrincipalSource source) {\n")
        .append("    Objects.requireNonNull(delegate, \"delegate\");\n    Objects.requireNonNull(source, \"source\");\n")
        .append("    return new ").append(name).append("(delegate, source);\n  }\n");
    for (Method method : METHODS) {
      out.append(delegating(type, method));
    }
    return out.append("}\n").toString();
  }

  private static String delegating(String type, Method method) {
    String call = "this.delegate." + method.name() + "(workspace" + method.args() + ");\n";
    return "\n  @Override\n  public " + method.returns() + " " + method.name() + "(String workspace"
        + method.params() + ") {\n    " + constant(method) + ".check(this.source, workspace, \""
        + type + "." + method.name() + "\");\n    " + (method.returns().equals("void") ? "" : "return ")
        + call + "  }\n";
  }

  private static String constant(Method method) {
    return method.name().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
  }
}
