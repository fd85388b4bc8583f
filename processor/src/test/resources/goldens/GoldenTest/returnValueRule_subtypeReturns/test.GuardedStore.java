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
  public Shelf shelf() {
    EDIT_ACCOUNT.checkInBoundAccount(SOURCE, "Store.shelf");
    Shelf result = super.shelf();
    if (result != null) {
      throw new IllegalStateException("Store.shelf returned a Shelf that is not a guard of Shelf, which would reach the caller unguarded: GuardedStore cannot stand in for a Shelf. Return a guard of Shelf (new GuardedShelf(...), once Shelf carries @RequiresPermission) or data instead");
    }
    return result;
  }
}
