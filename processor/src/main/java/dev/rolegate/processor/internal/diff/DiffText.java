package dev.rolegate.processor.internal.diff;

import dev.rolegate.processor.internal.diff.AccessDiff.DefaultChange;
import dev.rolegate.processor.internal.diff.AccessDiff.EverywhereChange;
import dev.rolegate.processor.internal.diff.AccessDiff.Method;
import dev.rolegate.processor.internal.diff.AccessDiff.PermissionChange;
import dev.rolegate.processor.internal.diff.AccessDiff.RoleChange;
import java.util.List;
import java.util.Optional;

/**
 * Renders an {@link AccessDiff} for people: a header naming the files, the permissions added,
 * removed and changed, then one block per changed role with one line per permission or method
 * gained ({@code +}) or lost ({@code -}), then the verdict. Every line ends with {@code \n},
 * whatever the platform.
 */
public final class DiffText {
  /** What the diff cannot see, said in every output. */
  public static final String CUSTOM_ROLES =
      "Custom roles are defined at run time, not in a matrix"
          + " file, so none is listed; one built on a base role holds what its base holds in the"
          + " matrix in force, and changes as its base does.";

  private DiffText() {}

  /** Returns the whole text, ending with a newline. */
  public static String render(AccessDiff diff) {
    StringBuilder out = new StringBuilder();
    line(out, "Matrix diff: " + side(diff.oldSide()) + " -> " + side(diff.newSide()));
    diff.report()
        .ifPresent(
            report ->
                line(
                    out, "Guarded methods: " + report.methods().size() + " from " + report.file()));
    line(out, CUSTOM_ROLES);
    line(out, "");
    for (String name : diff.permissionsAdded()) {
      line(out, "permission " + name + ": added");
    }
    for (String name : diff.permissionsRemoved()) {
      line(out, "permission " + name + ": removed");
    }
    for (PermissionChange change : diff.permissionsChanged()) {
      line(
          out,
          "permission "
              + change.name()
              + ": changed"
              + (change.widens() ? " (custom roles holding it widen)" : ""));
      change
          .level()
          .ifPresent(level -> line(out, "  level: " + level.old() + " -> " + level.now()));
      for (String name : change.includesAdded()) {
        line(out, "  + includes " + name);
      }
      for (String name : change.includesRemoved()) {
        line(out, "  - includes " + name);
      }
      change
          .scope()
          .ifPresent(
              scope ->
                  line(
                      out, "  scope: " + scopeName(scope.old()) + " -> " + scopeName(scope.now())));
    }
    diff.defaultAccountRole().ifPresent(change -> defaultRole(out, change));
    for (RoleChange role : diff.roles()) {
      role(out, role);
    }
    for (String note : diff.notes()) {
      line(out, "note: " + note);
    }
    if (!diff.isEmpty() || !diff.notes().isEmpty()) {
      line(out, "");
    }
    line(
        out,
        diff.widened()
            ? "Result: access widened."
            : diff.isEmpty() ? "Result: no changes." : "Result: access not widened.");
    return out.toString();
  }

  private static void defaultRole(StringBuilder out, DefaultChange change) {
    line(out, "default account role: " + name(change.old()) + " -> " + name(change.now()));
    permissions(out, change.permissionsGained(), change.permissionsLost());
  }

  private static void role(StringBuilder out, RoleChange role) {
    line(out, role.role().describe() + ": " + role.status().word());
    role.everywhere()
        .ifPresent(
            (EverywhereChange change) ->
                line(
                    out,
                    "  workspace role everywhere: "
                        + name(change.old())
                        + " -> "
                        + name(change.now())));
    permissions(out, role.permissionsGained(), role.permissionsLost());
    methods(out, "+", role.methodsGained());
    methods(out, "-", role.methodsLost());
  }

  private static void permissions(StringBuilder out, List<String> gained, List<String> lost) {
    for (String name : gained) {
      line(out, "  + permission " + name);
    }
    for (String name : lost) {
      line(out, "  - permission " + name);
    }
  }

  private static void methods(StringBuilder out, String sign, List<Method> methods) {
    for (Method method : methods) {
      line(out, "  " + sign + " method " + method.type() + ": " + method.operation());
    }
  }

  private static String scopeName(String scope) {
    return scope.isEmpty() ? "none" : scope;
  }

  private static String side(AccessDiff.Side side) {
    return side.file() + " (" + side.title() + ")";
  }

  private static String name(Optional<String> role) {
    return role.orElse("none");
  }

  private static void line(StringBuilder out, String text) {
    out.append(text).append('\n');
  }
}
