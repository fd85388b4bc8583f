package dev.rolegate.processor.internal.model;

import java.util.Optional;
import javax.lang.model.element.ExecutableElement;

/**
 * One method a guard implements: its requirement (empty for {@code @Unguarded}), the argument
 * that names its workspace (empty when none does: the method needs only account-level
 * permissions, or acts on the bound workspace with {@code @BoundWorkspace}) and, when it returns
 * a proper subtype of the guarded type, that {@link Narrowing}.
 */
public record GuardedMethod(
    ExecutableElement element,
    String operation,
    Optional<RequirementSpec> requirement,
    Optional<WorkspaceArgument> workspace,
    Optional<Narrowing> narrowing) {

  /** Creates the model of a method whose return type is not a proper subtype of its type. */
  public GuardedMethod(ExecutableElement element, String operation,
      Optional<RequirementSpec> requirement, Optional<WorkspaceArgument> workspace) {
    this(element, operation, requirement, workspace, Optional.empty());
  }

  /** Returns this method with {@code narrowing}. */
  public GuardedMethod withNarrowing(Optional<Narrowing> narrowing) {
    return new GuardedMethod(element, operation, requirement, workspace, narrowing);
  }
}
