package dev.rolegate.processor.internal.model;

import java.util.List;

/** What one method requires: all of {@code permissions}, or any one of them. */
public record RequirementSpec(boolean any, List<String> permissions) {
  public RequirementSpec {
    permissions = List.copyOf(permissions);
  }

  /**
   * Returns the constant name a guard gives this requirement, e.g. {@code
   * RUN_DEPLOYMENTS_AND_VIEW_WORK_POOLS}.
   */
  public String constantName() {
    return String.join(any ? "_OR_" : "_AND_", permissions);
  }
}
