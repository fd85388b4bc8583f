package dev.rolegate.processor.internal.report;

import dev.rolegate.processor.internal.matrix.CompiledMatrix;
import dev.rolegate.processor.internal.matrix.Level;
import dev.rolegate.processor.internal.model.GuardedMethod;
import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.IdArgument;
import dev.rolegate.processor.internal.model.MatrixHandle;
import dev.rolegate.processor.internal.model.RequirementSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable guard index of one compilation ({@value #PATH}): one {@code type} line per
 * guarded type, sorted by binary name, each followed by one {@code method} line per method its
 * guard implements, in the guard's order. The runtime's {@code GuardIndex} reads it; the format is
 * documented in {@code docs/guard-index.md}. Lines are computed when a service is added, so only
 * strings are kept across rounds.
 */
final class GuardIndex {
  /** The index's path in the class output. */
  static final String PATH = "META-INF/rolegate/guard-index";

  /** The first line, naming the format and its version. */
  static final String HEADER = "rolegate-guard-index 1";

  private final Map<String, List<String>> byType = new TreeMap<>();

  /** Records the lines of {@code service}, checked against {@code matrix}. */
  void add(GuardedService service, MatrixHandle matrix) {
    List<String> lines = new ArrayList<>();
    String binary = service.binaryName();
    lines.add(
        "type "
            + binary
            + " "
            + service.guardName().reflectionName()
            + " "
            + (service.isClass() ? "class" : "interface")
            + " "
            + oneLine(matrix.matrix().title()));
    for (GuardedMethod method : service.methods()) {
      lines.add(method(method, matrix.matrix()));
    }
    byType.put(binary, List.copyOf(lines));
  }

  boolean isEmpty() {
    return byType.isEmpty();
  }

  /** Returns the index text: the header, then each type's lines; "\n" line ends. */
  String render() {
    StringBuilder text = new StringBuilder();
    text.append("# rolegate guard index: generated, do not edit (format: docs/guard-index.md)\n");
    text.append(HEADER).append('\n');
    for (List<String> lines : byType.values()) {
      for (String line : lines) {
        text.append(line).append('\n');
      }
    }
    return text.toString();
  }

  private static String method(GuardedMethod method, CompiledMatrix matrix) {
    List<String> parameters = method.text().erasedTypes();
    String mode;
    String permissions;
    String workspace;
    if (method.requirement().isEmpty()) {
      mode = "unguarded";
      permissions = "-";
      workspace = "none";
    } else {
      RequirementSpec requirement = method.requirement().get();
      mode = requirement.any() ? "anyOf" : "allOf";
      permissions = String.join(",", requirement.permissions());
      boolean workspaceLevel =
          requirement.permissions().stream()
              .map(
                  name ->
                      matrix
                          .permission(name)
                          .orElseThrow(
                              () ->
                                  new IllegalStateException(
                                      "validated permission " + name + " is not in the matrix")))
              .anyMatch(permission -> permission.level() == Level.WORKSPACE);
      workspace = workspaceLevel ? workspace(method) : "none";
    }
    return "method "
        + method.text().name()
        + " "
        + (parameters.isEmpty() ? "-" : String.join(",", parameters))
        + " "
        + mode
        + " "
        + permissions
        + " "
        + workspace;
  }

  /**
   * Where the guard of a method with a workspace permission reads the workspace, as the access
   * report says, but by parameter index: a {@code @WorkspaceId} parameter, a carrier's accessor, or
   * (no workspace argument: {@code @BoundWorkspace}) the bound workspace.
   */
  private static String workspace(GuardedMethod method) {
    if (method.workspace().isPresent()) {
      IdArgument argument = method.workspace().get();
      return argument
          .accessorText()
          .map(accessor -> "carrier:" + argument.parameter() + ":" + accessor.name())
          .orElse("parameter:" + argument.parameter());
    }
    return "bound";
  }

  /** Returns {@code text} with each run of whitespace (regex {@code \s}) one space, trimmed. */
  static String oneLine(String text) {
    StringBuilder line = new StringBuilder(text.length());
    boolean inSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean space = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
      if (!space) {
        line.append(c);
      } else if (!inSpace) {
        line.append(' ');
      }
      inSpace = space;
    }
    return line.toString().trim();
  }
}
