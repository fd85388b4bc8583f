package dev.rolegate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Permission;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.Role;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written variants check the same data as rolegate. */
class HandWrittenDataTest {
  private final Matrix matrix = Matrix.load();

  @Test
  void handPermission_listsTheMatrixPermissionsInOrder() {
    List<String> matrixNames = matrix.permissions().stream().map(Permission::name).toList();
    List<String> enumNames = Arrays.stream(HandPermission.values()).map(Enum::name).toList();
    assertEquals(matrixNames, enumNames);
  }

  @Test
  void handWrittenCaller_holdsInEveryWorkspaceWhatTheRolegatePrincipalHolds() {
    Principal principal = Callers.rolegate();
    HandWritten.Caller caller = Callers.handWritten();
    assertEquals(Callers.workspaceRoles().keySet(), caller.roles().keySet());
    for (String workspace : Callers.workspaceRoles().keySet()) {
      Role role = principal.workspaceRole(workspace);
      HandWritten.Role hand = caller.roles().get(workspace);
      assertEquals(role.name(), hand.name());
      for (Permission permission : matrix.permissions()) {
        HandPermission same = HandPermission.valueOf(permission.name());
        assertEquals(
            role.holds(permission), (hand.mask() & same.bit()) != 0, workspace + " " + permission);
        assertEquals(
            role.holds(permission),
            hand.permissions().contains(same),
            workspace + " " + permission);
      }
    }
  }

  @Test
  void handWrittenRules_nameTheRolesThatHoldThePermission() {
    assertEquals(
        rolesHolding(HandPermission.VIEW_DEPLOYMENTS), HandWrittenGuard.COUNT.allowedRoles());
    assertEquals(
        rolesHolding(HandPermission.DELETE_DEPLOYMENTS), HandWrittenGuard.DELETE.allowedRoles());
  }

  private String rolesHolding(HandPermission permission) {
    return String.join(
        ", ",
        matrix
            .rolesHolding(
                matrix.permission(permission.name()).orElseThrow(),
                dev.rolegate.runtime.Level.WORKSPACE)
            .stream()
            .map(Role::name)
            .toList());
  }

  @Test
  void runner_mayReadButNotDeleteDeployments() {
    HandWritten.Role runner = Callers.handWrittenRole(Callers.ROLE);
    assertTrue(runner.permissions().contains(HandPermission.VIEW_DEPLOYMENTS));
    assertFalse(runner.permissions().contains(HandPermission.DELETE_DEPLOYMENTS));
  }
}
