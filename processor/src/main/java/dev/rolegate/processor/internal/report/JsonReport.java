package dev.rolegate.processor.internal.report;

import dev.rolegate.processor.internal.report.AccessReport.IdSource;
import dev.rolegate.processor.internal.report.AccessReport.MatrixSummary;
import dev.rolegate.processor.internal.report.AccessReport.MethodAccess;
import dev.rolegate.processor.internal.report.AccessReport.ServiceAccess;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders an {@link AccessReport} as JSON, by hand (the processor has no JSON library), in one
 * stable shape: every key is always present, in a fixed order, with {@code null} for an absent
 * value. Objects are indented two spaces; lists of names stay on one line, so a diff shows one
 * changed line per changed row.
 *
 * <pre>{@code
 * {
 *   "version": 1,
 *   "matrix": {"title": ..., "source": ..., "package": ..., "defaultAccountRole": ... | null},
 *   "services": [
 *     {
 *       "type": "com.acme.DeploymentService",
 *       "guard": "com.acme.GuardedDeploymentService",
 *       "methods": [
 *         {
 *           "operation": "DeploymentService.delete(String, String)",
 *           "mode": "allOf" | "anyOf" | "unguarded",
 *           "permissions": ["DELETE_DEPLOYMENTS"],
 *           "reason": null | "the @Unguarded reason",
 *           "workspace": {"source": "parameter" | "carrier" | "bound" | "none",
 *                         "parameter": "workspace" | null, "accessor": "Ref.workspace()" | null},
 *           "account": {"source": "parameter" | "carrier" | "bound" | "workspace" | "none",
 *                       "parameter": "account" | null, "accessor": "Ref.account()" | null},
 *           "workspaceRoles": ["DEVELOPER", "OWNER"],
 *           "accountRoles": ["ADMIN", "OWNER"]
 *         }
 *       ]
 *     }
 *   ]
 * }
 * }</pre>
 *
 * <p>An account of source {@code "workspace"} is the account of the workspace the call names: its
 * {@code parameter} and {@code accessor} name the workspace argument, both null for the bound
 * workspace.
 */
public final class JsonReport {
  /** The shape's version; raise it when a key changes meaning or goes away. */
  static final int VERSION = 1;

  private JsonReport() {}

  /** Returns the whole report, ending with a newline. */
  static String render(AccessReport report) {
    StringBuilder out = new StringBuilder();
    out.append("{\n  \"version\": ").append(VERSION).append(",\n");
    out.append("  \"matrix\": ").append(matrix(report.matrix())).append(",\n");
    out.append("  \"services\": [");
    List<ServiceAccess> services = report.services();
    for (int i = 0; i < services.size(); i++) {
      out.append(i == 0 ? "\n" : ",\n");
      service(out, services.get(i));
    }
    out.append(services.isEmpty() ? "]\n" : "\n  ]\n").append("}\n");
    return out.toString();
  }

  private static String matrix(MatrixSummary matrix) {
    return "{\"title\": "
        + string(matrix.title())
        + ", \"source\": "
        + string(matrix.source())
        + ", \"package\": "
        + string(matrix.packageName())
        + ", \"defaultAccountRole\": "
        + string(matrix.defaultAccountRole())
        + "}";
  }

  private static void service(StringBuilder out, ServiceAccess service) {
    out.append("    {\n")
        .append("      \"type\": ")
        .append(string(service.type()))
        .append(",\n")
        .append("      \"guard\": ")
        .append(string(service.guard()))
        .append(",\n")
        .append("      \"methods\": [");
    List<MethodAccess> methods = service.methods();
    for (int i = 0; i < methods.size(); i++) {
      out.append(i == 0 ? "\n" : ",\n");
      method(out, methods.get(i));
    }
    out.append(methods.isEmpty() ? "]\n" : "\n      ]\n").append("    }");
  }

  private static void method(StringBuilder out, MethodAccess method) {
    String indent = "          ";
    IdSource workspace = method.workspace();
    IdSource account = method.account();
    out.append("        {\n")
        .append(indent)
        .append("\"operation\": ")
        .append(string(method.operation()))
        .append(",\n")
        .append(indent)
        .append("\"mode\": ")
        .append(string(method.mode().json()))
        .append(",\n")
        .append(indent)
        .append("\"permissions\": ")
        .append(strings(method.permissions()))
        .append(",\n")
        .append(indent)
        .append("\"reason\": ")
        .append(string(method.reason()))
        .append(",\n")
        .append(indent)
        .append("\"workspace\": {\"source\": ")
        .append(string(workspace.kind().json()))
        .append(", \"parameter\": ")
        .append(string(workspace.parameter()))
        .append(", \"accessor\": ")
        .append(string(workspace.accessor()))
        .append("},\n")
        .append(indent)
        .append("\"account\": {\"source\": ")
        .append(string(account.kind().json()))
        .append(", \"parameter\": ")
        .append(string(account.parameter()))
        .append(", \"accessor\": ")
        .append(string(account.accessor()))
        .append("},\n")
        .append(indent)
        .append("\"workspaceRoles\": ")
        .append(strings(method.workspaceRoles()))
        .append(",\n")
        .append(indent)
        .append("\"accountRoles\": ")
        .append(strings(method.accountRoles()))
        .append("\n        }");
  }

  private static String strings(List<String> values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(string(values.get(i)));
    }
    return out.append(']').toString();
  }

  private static String string(Optional<String> value) {
    return value.map(JsonReport::string).orElse("null");
  }

  /**
   * Returns {@code value} as a JSON string literal (RFC 8259): quote, backslash and control
   * characters escaped; a lone surrogate, which UTF-8 cannot carry, written as a six-character
   * escape; everything else as is.
   */
  public static String string(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        default:
          if (c < 0x20 || c == 0x7f || loneSurrogate(value, i)) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"').toString();
  }

  private static boolean loneSurrogate(String value, int i) {
    char c = value.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
    }
    return false;
  }
}
