package dev.rolegate.benchmarks;

import java.io.Serializable;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.core.Authentication;

/**
 * Answers {@code hasPermission(#workspace, 'PERMISSION')} as the hand-written check does: the
 * {@code Authentication}'s principal is a {@link HandWritten.Caller}, its role in the workspace
 * comes from a map, then one bit test.
 */
final class WorkspacePermissionEvaluator implements PermissionEvaluator {
  @Override
  public boolean hasPermission(Authentication authentication, Object workspace, Object permission) {
    if (!(authentication.getPrincipal() instanceof HandWritten.Caller caller)
        || !(workspace instanceof String id)) {
      return false;
    }
    HandWritten.Role role = caller.roleIn(id);
    return role != null && (role.mask() & HandPermission.valueOf((String) permission).bit()) != 0;
  }

  @Override
  public boolean hasPermission(
      Authentication authentication, Serializable targetId, String targetType, Object permission) {
    return false;
  }
}
