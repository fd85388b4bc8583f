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
 * {@code @Unguarded} method; {@code text} is the method as the access report writes it.
 */
public record GuardedMethod(
    ExecutableElement element,
    String operation,
    Optional<RequirementSpec> requirement,
    Optional<IdArgument> workspace,
    Optional<IdArgument> account,
    boolean boundAccount,
    Optional<Narrowing> narrowing,
    Optional<String> unguardedReason,
    MethodText text) {
  public GuardedMethod {
    if (account.isPresent() && boundAccount) {
      throw new IllegalArgumentException("an @AccountId argument and @BoundAccount both");
    }
    if (unguardedReason.isPresent() == requirement.isPresent()) {
      throw new IllegalArgumentException("a requirement and an @Unguarded reason both, or neither");
    }
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
        unguardedReason,
        text);
  }
}
