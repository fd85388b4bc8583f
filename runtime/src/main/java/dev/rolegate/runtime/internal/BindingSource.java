package dev.rolegate.runtime.internal;

import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalSource;

/**
 * A principal source that can hand a guard's check the whole {@link Binding} in one read, so that
 * a call on the bound workspace is decided without finding the role again.
 *
 * <p>Not API: {@code CurrentPrincipal.source()} is the one implementation.
 */
public abstract class BindingSource implements PrincipalSource {
  /** Returns this thread's binding, or null when nothing is bound. */
  public abstract Binding binding();

  @Override
  public final Principal current() {
    Binding binding = binding();
    return binding == null ? null : binding.principal();
  }

  @Override
  public final String currentWorkspace() {
    Binding binding = binding();
    return binding == null ? null : binding.workspace();
  }
}
