package dev.rolegate.processor.internal.diff;

import dev.rolegate.processor.internal.matrix.CompiledMatrix;
import dev.rolegate.processor.internal.matrix.Level;
import dev.rolegate.processor.internal.matrix.PermissionRow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What changes between an old and a new matrix, for the built-in roles: per role, the permissions
 * it gains and loses after closure and, when guarded methods are given, the methods it gains and
 * loses; permissions added to or removed from the matrix; a change of default account role.
 * Everything is listed in a fixed order (roles workspace first, each level in the new file's order,
 * then the roles the new file removes in the old file's order; permissions in file order; methods
 * in the report's order), so the same inputs always give the same diff.
 */
public record AccessDiff(
    Side oldSide,
    Side newSide,
    Optional<Report> report,
    List<String> permissionsAdded,
    List<String> permissionsRemoved,
    List<PermissionChange> permissionsChanged,
    Optional<DefaultChange> defaultAccountRole,
    List<RoleChange> roles,
    List<String> notes) {
  public AccessDiff {
    permissionsAdded = List.copyOf(permissionsAdded);
    permissionsRemoved = List.copyOf(permissionsRemoved);
    permissionsChanged = List.copyOf(permissionsChanged);
    roles = List.copyOf(roles);
    notes = List.copyOf(notes);
  }

  /** One matrix file: the name it was given by and its title. */
  public record Side(String file, String title) {}

  /** An access report: the name it was given by and its guarded methods. */
  public record Report(String file, List<GuardedOperation> methods) {
    public Report {
      methods = List.copyOf(methods);
    }
  }

  /** How a role differs: defined by the new matrix only, the old only, or both. */
  public enum Status {
    ADDED,
    REMOVED,
    CHANGED;

    /** Returns the lower-case word used in the output. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A guarded method, named by its service type and its operation. */
  public record Method(String type, String operation) {}

  /**
   * A change of the workspace role an account role holds everywhere ({@code old} or {@code now}
   * empty for none).
   */
  public record EverywhereChange(Optional<String> old, Optional<String> now) {}

  /** One role's changes; a role that did not change is not listed. */
  public record RoleChange(
      RoleKey role,
      Status status,
      Optional<EverywhereChange> everywhere,
      List<String> permissionsGained,
      List<String> permissionsLost,
      List<Method> methodsGained,
      List<Method> methodsLost) {
    public RoleChange {
      permissionsGained = List.copyOf(permissionsGained);
      permissionsLost = List.copyOf(permissionsLost);
      methodsGained = List.copyOf(methodsGained);
      methodsLost = List.copyOf(methodsLost);
    }

    /** Returns whether the role gains a permission or a method. */
    public boolean widens() {
      return !permissionsGained.isEmpty() || !methodsGained.isEmpty();
    }
  }

  /**
   * A permission in both matrices whose level, direct includes or scope changed ({@code level} and
   * {@code scope} empty when unchanged; a scope of {@code ""} is none). Custom roles are built from
   * permission names and scope strings and bring what those include, so an added include, a scope
   * given or remapped, or another level widens every custom role holding it.
   */
  public record PermissionChange(
      String name,
      Optional<Change> level,
      List<String> includesAdded,
      List<String> includesRemoved,
      Optional<Change> scope) {
    public PermissionChange {
      includesAdded = List.copyOf(includesAdded);
      includesRemoved = List.copyOf(includesRemoved);
    }

    /** Returns whether the change can let a custom role's holder do more. */
    public boolean widens() {
      return level.isPresent()
          || !includesAdded.isEmpty()
          || scope.map(change -> !change.now().isEmpty()).orElse(false);
    }
  }

  /** An old and a new value. */
  public record Change(String old, String now) {}

  /**
   * Another account role marked default: what members with no other account role gain and lose (the
   * permissions of the new default in the new matrix against the old default's in the old).
   */
  public record DefaultChange(
      Optional<String> old,
      Optional<String> now,
      List<String> permissionsGained,
      List<String> permissionsLost) {
    public DefaultChange {
      permissionsGained = List.copyOf(permissionsGained);
      permissionsLost = List.copyOf(permissionsLost);
    }
  }

  /**
   * Returns whether access is widened: a role gains a permission or a method (a role added with
   * permissions included), a permission gains an include, a scope or another level, or members gain
   * permissions through another default account role.
   */
  public boolean widened() {
    return roles.stream().anyMatch(RoleChange::widens)
        || permissionsChanged.stream().anyMatch(PermissionChange::widens)
        || defaultAccountRole.map(change -> !change.permissionsGained().isEmpty()).orElse(false);
  }

  /** Returns whether nothing changed for any role, permission or method. */
  public boolean isEmpty() {
    return roles.isEmpty()
        && permissionsAdded.isEmpty()
        && permissionsRemoved.isEmpty()
        && permissionsChanged.isEmpty()
        && defaultAccountRole.isEmpty();
  }

  /**
   * Compares {@code oldMatrix} with {@code newMatrix}, and, when {@code report} is present, who may
   * call each of its methods under one and the other.
   */
  public static AccessDiff compare(
      Side oldSide,
      CompiledMatrix oldMatrix,
      Side newSide,
      CompiledMatrix newMatrix,
      Optional<Report> report) {
    RoleAccess before = new RoleAccess(oldMatrix);
    RoleAccess after = new RoleAccess(newMatrix);
    List<GuardedOperation> methods = report.map(Report::methods).orElse(List.of());
    List<Set<RoleKey>> callersBefore = new ArrayList<>();
    List<Set<RoleKey>> callersAfter = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (GuardedOperation method : methods) {
      callersBefore.add(before.callers(method));
      callersAfter.add(after.callers(method));
      unknown(notes, method, before, oldSide);
      unknown(notes, method, after, newSide);
    }
    List<RoleChange> changes = new ArrayList<>();
    for (RoleKey role : order(before, after)) {
      boolean inOld = before.roles().contains(role);
      boolean inNew = after.roles().contains(role);
      Status status = !inOld ? Status.ADDED : !inNew ? Status.REMOVED : Status.CHANGED;
      List<String> oldPermissions = before.permissions(role);
      List<String> newPermissions = after.permissions(role);
      List<Method> gained = new ArrayList<>();
      List<Method> lost = new ArrayList<>();
      for (int i = 0; i < methods.size(); i++) {
        boolean was = callersBefore.get(i).contains(role);
        boolean is = callersAfter.get(i).contains(role);
        if (was != is) {
          Method method = new Method(methods.get(i).type(), methods.get(i).operation());
          (is ? gained : lost).add(method);
        }
      }
      Optional<EverywhereChange> everywhere = Optional.empty();
      if (role.level() == Level.ACCOUNT
          && inOld
          && inNew
          && !before.everywhere(role).equals(after.everywhere(role))) {
        everywhere =
            Optional.of(new EverywhereChange(before.everywhere(role), after.everywhere(role)));
      }
      RoleChange change =
          new RoleChange(
              role,
              status,
              everywhere,
              minus(newPermissions, oldPermissions),
              minus(oldPermissions, newPermissions),
              gained,
              lost);
      if (status != Status.CHANGED
          || everywhere.isPresent()
          || !change.permissionsGained().isEmpty()
          || !change.permissionsLost().isEmpty()
          || !gained.isEmpty()
          || !lost.isEmpty()) {
        changes.add(change);
      }
    }
    Optional<DefaultChange> defaultChange = Optional.empty();
    Optional<String> oldDefault = before.defaultAccountRole();
    Optional<String> newDefault = after.defaultAccountRole();
    if (!oldDefault.equals(newDefault)) {
      List<String> oldHeld =
          oldDefault
              .map(name -> before.permissions(new RoleKey(Level.ACCOUNT, name)))
              .orElse(List.of());
      List<String> newHeld =
          newDefault
              .map(name -> after.permissions(new RoleKey(Level.ACCOUNT, name)))
              .orElse(List.of());
      defaultChange =
          Optional.of(
              new DefaultChange(
                  oldDefault, newDefault, minus(newHeld, oldHeld), minus(oldHeld, newHeld)));
    }
    return new AccessDiff(
        oldSide,
        newSide,
        report,
        minus(names(newMatrix), names(oldMatrix)),
        minus(names(oldMatrix), names(newMatrix)),
        permissionChanges(oldMatrix, newMatrix),
        defaultChange,
        changes,
        notes);
  }

  /** The permissions of both matrices whose level, includes or scope changed, in the new order. */
  private static List<PermissionChange> permissionChanges(
      CompiledMatrix oldMatrix, CompiledMatrix newMatrix) {
    List<PermissionChange> changes = new ArrayList<>();
    for (PermissionRow now : newMatrix.permissions()) {
      Optional<PermissionRow> old = oldMatrix.permission(now.name());
      if (old.isEmpty()) {
        continue;
      }
      PermissionRow was = old.get();
      Optional<Change> level =
          was.level() == now.level()
              ? Optional.empty()
              : Optional.of(new Change(was.level().word(), now.level().word()));
      String scopeThen = was.scope().trim();
      String scopeNow = now.scope().trim();
      Optional<Change> scope =
          scopeThen.equals(scopeNow)
              ? Optional.empty()
              : Optional.of(new Change(scopeThen, scopeNow));
      PermissionChange change =
          new PermissionChange(
              now.name(),
              level,
              minus(now.includes(), was.includes()),
              minus(was.includes(), now.includes()),
              scope);
      if (level.isPresent()
          || scope.isPresent()
          || !change.includesAdded().isEmpty()
          || !change.includesRemoved().isEmpty()) {
        changes.add(change);
      }
    }
    return changes;
  }

  private static void unknown(
      List<String> notes, GuardedOperation method, RoleAccess access, Side side) {
    List<String> unknown = access.unknown(method.permissions());
    if (!unknown.isEmpty()) {
      notes.add(
          method.type()
              + ": "
              + method.operation()
              + " requires "
              + String.join(", ", unknown)
              + ", which "
              + side.file()
              + " does not define: no role holds "
              + (unknown.size() == 1 ? "it" : "them")
              + " there, and the service does not compile against it");
    }
  }

  /** Workspace roles, then account roles: each in the new order, then the removed ones. */
  private static Set<RoleKey> order(RoleAccess before, RoleAccess after) {
    Set<RoleKey> order = new LinkedHashSet<>();
    for (Level level : Level.values()) {
      for (RoleKey role : after.roles()) {
        if (role.level() == level) {
          order.add(role);
        }
      }
      for (RoleKey role : before.roles()) {
        if (role.level() == level) {
          order.add(role);
        }
      }
    }
    return order;
  }

  private static List<String> names(CompiledMatrix matrix) {
    return matrix.permissions().stream().map(p -> p.name()).toList();
  }

  private static List<String> minus(List<String> from, List<String> taken) {
    Set<String> remove = Set.copyOf(taken);
    return from.stream().filter(name -> !remove.contains(name)).toList();
  }
}
