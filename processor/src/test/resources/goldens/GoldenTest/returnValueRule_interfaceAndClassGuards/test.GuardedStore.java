package test;

import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.PrincipalSource;
import dev.rolegate.runtime.internal.Requirement;
import dev.rolegate.runtime.internal.RolegateGenerated;

/**
 * Guards {@link Store}: each guarded method checks the caller's permissions, read from
 * {@link CurrentPrincipal}, before it runs. Create it with the constructors of {@link Store}.
 */
@RolegateGenerated
public final class GuardedStore extends Store {
  private static final PrincipalSource SOURCE = CurrentPrincipal.source();

  private static final Requirement EDIT_ACCOUNT = Requirement.allOf(MatrixCapabilityTable.EDIT_ACCOUNT);

  public GuardedStore() {
    super();
  }

  @Override
  public Store copy() {
    EDIT_ACCOUNT.checkInBoundAccount(SOURCE, "Store.copy");
    Store result = super.copy();
    if (result != null && !(result instanceof GuardedStore)) {
      throw new IllegalStateException("Store.copy returned a Store that is not a GuardedStore, which would reach the caller unguarded. Create instances with new GuardedStore(...), never new Store(...), or return this");
    }
    return result;
  }

  @Override
  public Store clone() throws CloneNotSupportedException {
    EDIT_ACCOUNT.checkInBoundAccount(SOURCE, "Store.clone");
    Store result = super.clone();
    if (result != null && !(result instanceof GuardedStore)) {
      throw new IllegalStateException("Store.clone returned a Store that is not a GuardedStore, which would reach the caller unguarded. Create instances with new GuardedStore(...), never new Store(...), or return this");
    }
    return result;
  }

  @Override
  public String name() {
    EDIT_ACCOUNT.checkInBoundAccount(SOURCE, "Store.name");
    return super.name();
  }
}
