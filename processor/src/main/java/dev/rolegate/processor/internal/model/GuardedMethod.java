package dev.rolegate.processor.internal.model;

import java.util.Optional;
import javax.lang.model.element.ExecutableElement;

/**
 * One method a guard implements: its requirement (empty for {@code @Unguarded}) and the index of
 * its {@code @WorkspaceId} parameter (-1 for none, then the bound workspace applies).
 */
public record GuardedMethod(
    ExecutableElement element,
    String operation,
    Optional<RequirementSpec> requirement,
    int workspaceParameter) {}
