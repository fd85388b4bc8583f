package dev.rolegate.processor.internal.model;

import java.util.Optional;
import javax.lang.model.element.ExecutableElement;

/**
 * One method a guard implements: its requirement (empty for {@code @Unguarded}) and the argument
 * that names its workspace (empty when none does: the method needs only account-level
 * permissions, or acts on the bound workspace with {@code @BoundWorkspace}).
 */
public record GuardedMethod(
    ExecutableElement element,
    String operation,
    Optional<RequirementSpec> requirement,
    Optional<WorkspaceArgument> workspace) {}
