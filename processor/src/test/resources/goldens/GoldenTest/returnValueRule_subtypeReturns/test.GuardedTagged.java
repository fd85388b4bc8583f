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
  public Special<T> special(String workspace) {
    VIEW_THINGS.check(this.source, workspace, "Tagged.special");
    Special<T> result = this.delegate.special(workspace);
    if (result != null && (result == this.delegate || !(result instanceof GuardedSpecial<?>))) {
      throw new IllegalStateException("Tagged.special returned its implementation or a Special that is not a guard of Special, which would reach the caller unguarded: GuardedTagged cannot stand in for a Special. Return a guard of Special (GuardedSpecial.wrap(...)) or data instead");
    }
    return result;
  }

  @Override
  public Plain plain(String workspace) {
    VIEW_THINGS.check(this.source, workspace, "Tagged.plain");
    Plain result = this.delegate.plain(workspace);
    if (result != null) {
      throw new IllegalStateException("Tagged.plain returned its implementation or a Plain that is not a guard of Plain, which would reach the caller unguarded: GuardedTagged cannot stand in for a Plain. Return a guard of Plain (GuardedPlain.wrap(...), once Plain carries @RequiresPermission) or data instead");
    }
    return result;
  }
}
