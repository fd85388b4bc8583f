package dev.rolegate.processor.internal.model;

import java.util.Optional;
import javax.lang.model.element.ExecutableElement;

/**
 * One method a guard implements: its requirement (empty for {@code @Unguarded}), the argument that
 * names its workspace (empty when none does: the method needs only account-level permissions, or
 * acts on the bound workspace with {@code @BoundWorkspace}), how it names its account (an
 * {@code @AccountId} {@code account} argument, {@code boundAccount} for {@code @BoundAccount}, or
 * neither: the call acts in the account of the workspace it names) and, when it returns a proper
 * subtype of the guarded type, that {@link Narrowing}. {@code unguardedReason} is the
 * {@code @Unguarded} reason as written (empty text where it sets none), present exactly for an
 * {@code @Unguarded} method.
 */
public record GuardedMethod(
    ExecutableElement element,
    String operation,
    Optional<RequirementSpec> requirement,
    Optional<IdArgument> workspace,
    Optional<IdArgument> account,
    boolean boundAccount,
    Optional<Narrowing> narrowing,
    Optional<String> unguardedReason) {
  public GuardedMethod {
    if (account.isPresent() && boundAccount) {
      throw new IllegalArgumentException("an @AccountId argument and @BoundAccount both");
    }
    if (unguardedReason.isPresent() == requirement.isPresent()) {
      throw new IllegalArgumentException("a requirement and an @Unguarded reason both, or neither");
    }
  }

  /**
   * Creates the model of a method whose return type is not a proper subtype of its type and that
   * acts in the account of its workspace.
   */
  public GuardedMethod(
      ExecutableElement element,
      String operation,
      Optional<RequirementSpec> requirement,
      Optional<IdArgument> workspace) {
    this(
        element,
        operation,
        requirement,
        workspace,
        Optional.empty(),
        false,
        Optional.empty(),
        requirement.isPresent() ? Optional.empty() : Optional.of(""));
  }

  /** Returns this method with {@code narrowing}. */
  public GuardedMethod withNarrowing(Optional<Narrowing> narrowing) {
    return new GuardedMethod(
        element,
        operation,
        requirement,
        workspace,
        account,
        boundAccount,
        narrowing,
        unguardedReason);
  }
}
