package dev.rolegate.processor.internal.diff;

import dev.rolegate.processor.internal.diff.AccessDiff.DefaultChange;
import dev.rolegate.processor.internal.diff.AccessDiff.EverywhereChange;
import dev.rolegate.processor.internal.diff.AccessDiff.Method;
import dev.rolegate.processor.internal.diff.AccessDiff.PermissionChange;
import dev.rolegate.processor.internal.diff.AccessDiff.Report;
import dev.rolegate.processor.internal.diff.AccessDiff.RoleChange;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders an {@link AccessDiff} as JSON for tools, in one stable shape (version 1): every key is
 * always present, in this order, with {@code null} for an absent value; lists of names stay on one
 * line.
 *
 * <pre>{@code
 * {
 *   "version": 1,
 *   "old": {"file": "old.md", "title": "Acme"},
 *   "new": {"file": "new.md", "title": "Acme"},
 *   "report": {"file": "access-report.json", "methods": 12} | null,
 *   "widened": true | false,
 *   "customRoles": "Custom roles are defined at run time, ...",
 *   "permissionsAdded": ["ARCHIVE_ORDERS"],
 *   "permissionsRemoved": [],
 *   "permissionsChanged": [
 *     {"name": "EDIT_ORDERS", "widens": true,
 *      "level": null | {"old": "account", "new": "workspace"},
 *      "includesAdded": ["VIEW_BILLING"], "includesRemoved": [],
 *      "scope": null | {"old": "orders:write" | "", "new": "orders:*" | ""}}
 *   ],
 *   "defaultAccountRole": null | {"old": "MEMBER" | null, "new": "GUEST" | null,
 *                                 "permissionsGained": [], "permissionsLost": ["VIEW_BILLING"]},
 *   "roles": [
 *     {
 *       "level": "workspace" | "account",
 *       "name": "CLERK",
 *       "change": "added" | "removed" | "changed",
 *       "everywhere": null | {"old": "MANAGER" | null, "new": "CLERK" | null},
 *       "permissionsGained": ["EDIT_ORDERS"],
 *       "permissionsLost": [],
 *       "methodsGained": [{"type": "com.acme.Orders", "operation": "Orders.edit(String)"}],
 *       "methodsLost": []
 *     }
 *   ],
 *   "notes": []
 * }
 * }</pre>
 *
 * <p>{@code everywhere} is set only for an account role in both matrices whose workspace role
 * everywhere changed; {@code methodsGained} and {@code methodsLost} are empty without a report.
 */
public final class DiffJson {
  /** The shape's version; raise it when a key changes meaning or goes away. */
  public static final int VERSION = 1;

  private DiffJson() {}

  /** Returns the whole document, ending with a newline. */
  public static String render(AccessDiff diff) {
    StringBuilder out = new StringBuilder();
    out.append("{\n  \"version\": ")
        .append(VERSION)
        .append(",\n")
        .append("  \"old\": ")
        .append(side(diff.oldSide()))
        .append(",\n")
        .append("  \"new\": ")
        .append(side(diff.newSide()))
        .append(",\n")
        .append("  \"report\": ")
        .append(report(diff.report()))
        .append(",\n")
        .append("  \"widened\": ")
        .append(diff.widened())
        .append(",\n")
        .append("  \"customRoles\": ")
        .append(Json.quote(DiffText.CUSTOM_ROLES))
        .append(",\n")
        .append("  \"permissionsAdded\": ")
        .append(Json.strings(diff.permissionsAdded()))
        .append(",\n")
        .append("  \"permissionsRemoved\": ")
        .append(Json.strings(diff.permissionsRemoved()))
        .append(",\n")
        .append("  \"permissionsChanged\": ")
        .append(permissions(diff.permissionsChanged()))
        .append(",\n")
        .append("  \"defaultAccountRole\": ")
        .append(defaultRole(diff.defaultAccountRole()))
        .append(",\n")
        .append("  \"roles\": ")
        .append(array(diff.roles(), "  ", DiffJson::role))
        .append(",\n")
        .append("  \"notes\": ")
        .append(array(diff.notes(), "  ", Json::quote))
        .append("\n}\n");
    return out.toString();
  }

  private static String side(AccessDiff.Side side) {
    return "{\"file\": "
        + Json.quote(side.file())
        + ", \"title\": "
        + Json.quote(side.title())
        + "}";
  }

  private static String report(Optional<Report> report) {
    return report
        .map(
            r ->
                "{\"file\": " + Json.quote(r.file()) + ", \"methods\": " + r.methods().size() + "}")
        .orElse("null");
  }

  private static String defaultRole(Optional<DefaultChange> change) {
    return change
        .map(
            c ->
                "{\"old\": "
                    + Json.quoteOrNull(c.old().orElse(null))
                    + ", \"new\": "
                    + Json.quoteOrNull(c.now().orElse(null))
                    + ", \"permissionsGained\": "
                    + Json.strings(c.permissionsGained())
                    + ", \"permissionsLost\": "
                    + Json.strings(c.permissionsLost())
                    + "}")
        .orElse("null");
  }

  private static String role(RoleChange role) {
    String indent = "      ";
    return new StringBuilder("{\n")
        .append(indent)
        .append("\"level\": ")
        .append(Json.quote(role.role().level().word()))
        .append(",\n")
        .append(indent)
        .append("\"name\": ")
        .append(Json.quote(role.role().name()))
        .append(",\n")
        .append(indent)
        .append("\"change\": ")
        .append(Json.quote(role.status().word()))
        .append(",\n")
        .append(indent)
        .append("\"everywhere\": ")
        .append(everywhere(role.everywhere()))
        .append(",\n")
        .append(indent)
        .append("\"permissionsGained\": ")
        .append(Json.strings(role.permissionsGained()))
        .append(",\n")
        .append(indent)
        .append("\"permissionsLost\": ")
        .append(Json.strings(role.permissionsLost()))
        .append(",\n")
        .append(indent)
        .append("\"methodsGained\": ")
        .append(methods(role.methodsGained()))
        .append(",\n")
        .append(indent)
        .append("\"methodsLost\": ")
        .append(methods(role.methodsLost()))
        .append("\n    }")
        .toString();
  }

  private static String permissions(List<PermissionChange> changes) {
    return array(changes, "  ", DiffJson::permission);
  }

  private static String permission(PermissionChange change) {
    return new StringBuilder()
        .append("{\"name\": ")
        .append(Json.quote(change.name()))
        .append(", \"widens\": ")
        .append(change.widens())
        .append(", \"level\": ")
        .append(change(change.level()))
        .append(", \"includesAdded\": ")
        .append(Json.strings(change.includesAdded()))
        .append(", \"includesRemoved\": ")
        .append(Json.strings(change.includesRemoved()))
        .append(", \"scope\": ")
        .append(change(change.scope()))
        .append('}')
        .toString();
  }

  private static String change(Optional<AccessDiff.Change> change) {
    return change
        .map(c -> "{\"old\": " + Json.quote(c.old()) + ", \"new\": " + Json.quote(c.now()) + "}")
        .orElse("null");
  }

  private static String everywhere(Optional<EverywhereChange> change) {
    return change
        .map(
            c ->
                "{\"old\": "
                    + Json.quoteOrNull(c.old().orElse(null))
                    + ", \"new\": "
                    + Json.quoteOrNull(c.now().orElse(null))
                    + "}")
        .orElse("null");
  }

  private static String methods(List<Method> methods) {
    return array(
        methods,
        "      ",
        method ->
            "{\"type\": "
                + Json.quote(method.type())
                + ", \"operation\": "
                + Json.quote(method.operation())
                + "}");
  }

  /**
   * Returns {@code items} as a JSON array: {@code []} when empty, else one item a line, each at
   * {@code indent} and two spaces, the closing bracket at {@code indent}.
   */
  private static <T> String array(List<T> items, String indent, Function<T, String> item) {
    if (items.isEmpty()) {
      return "[]";
    }
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      out.append(i == 0 ? "\n" : ",\n")
          .append(indent)
          .append("  ")
          .append(item.apply(items.get(i)));
    }
    return out.append('\n').append(indent).append(']').toString();
  }
}
