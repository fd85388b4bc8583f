package test;

import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.PrincipalSource;
import dev.rolegate.runtime.internal.Requirement;
import dev.rolegate.runtime.internal.RolegateGenerated;
import java.util.Objects;

/**
 * Guards {@link Tagged}: checks the caller's permissions before each call reaches the delegate.
 */
@RolegateGenerated
public final class GuardedTagged<T> implements Tagged<T> {
  private static final Requirement EDIT_THINGS = Requirement.allOf(MatrixCapabilityTable.EDIT_THINGS);

  private static final Requirement VIEW_THINGS = Requirement.allOf(MatrixCapabilityTable.VIEW_THINGS);

  private final Tagged<T> delegate;

  private final PrincipalSource source;

  private GuardedTagged(Tagged<T> delegate, PrincipalSource source) {
    this.delegate = delegate;
    this.source = source;
  }

  /**
   * Returns {@code delegate} guarded, with the caller read from {@link CurrentPrincipal}.
   */
  public static <T> Tagged<T> wrap(Tagged<T> delegate) {
    return wrap(delegate, CurrentPrincipal.source());
  }

  /**
   * Returns {@code delegate} guarded, with the caller read from {@code source}.
   */
  public static <T> Tagged<T> wrap(Tagged<T> delegate, PrincipalSource source) {
    Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(source, "source");
    return new GuardedTagged<>(delegate, source);
  }

  @Override
  public Tagged<T> withTag(String workspace, T result) {
    EDIT_THINGS.check(this.source, workspace, "Tagged.withTag");
    Tagged<T> result_ = this.delegate.withTag(workspace, result);
    if (result_ == this.delegate) {
      return this;
    }
    if (result_ != null && !(result_ instanceof GuardedTagged<?>)) {
      return GuardedTagged.wrap(result_, this.source);
    }
    return result_;
  }

  @Override
  public Object self() {
    Object result = this.delegate.self();
    if (result == this.delegate) {
      return this;
    }
    if (result instanceof Tagged<?> && !(result instanceof GuardedTagged<?>)) {
      return GuardedTagged.wrap((Tagged<?>) result, this.source);
    }
    return result;
  }

  @Override
  public String name(String workspace) {
    VIEW_THINGS.check(this.source, workspace, "Tagged.name");
    return this.delegate.name(workspace);
  }
}
