package test;

import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.PrincipalSource;
import dev.rolegate.runtime.internal.Requirement;
import dev.rolegate.runtime.internal.RolegateGenerated;
import java.io.IOException;
import java.util.List;

/**
 * Guards {@link Ledger}: each guarded method checks the caller's permissions, read from
 * {@link CurrentPrincipal}, before it runs. Create it with the constructors of {@link Ledger}.
 */
@RolegateGenerated
public final class GuardedLedger<T> extends Ledger<T> {
  private static final PrincipalSource SOURCE_ = CurrentPrincipal.source();

  private static final Requirement VIEW_THINGS = Requirement.allOf(MatrixCapabilityTable.VIEW_THINGS);

  private static final Requirement EDIT_THINGS = Requirement.allOf(MatrixCapabilityTable.EDIT_THINGS);

  private static final Requirement EDIT_ACCOUNT = Requirement.allOf(MatrixCapabilityTable.EDIT_ACCOUNT);

  public GuardedLedger(String name, String... tags) {
    super(name, tags);
  }

  protected <S extends CharSequence> GuardedLedger(S id) throws IOException {
    super(id);
  }

  @Override
  public List<T> entries(String workspace, int limit) {
    VIEW_THINGS.check(SOURCE_, workspace, "Ledger.entries");
    List<T> result = super.entries(workspace, limit);
    if ((Object) result instanceof Ledger<?>) {
      throw new IllegalStateException("Ledger.entries returned a Ledger as a List, which would reach the caller unguarded. Return data or a guard instead");
    }
    return result;
  }

  @Override
  protected void post(ThingRef ref, T entry) throws IOException {
    String workspace;
    try {
      workspace = ref == null ? null : ref.workspace();
    } catch (RuntimeException e) {
      throw EDIT_THINGS.workspaceFailed("Ledger.post", e);
    }
    EDIT_THINGS.check(SOURCE_, workspace, "Ledger.post");
    super.post(ref, entry);
  }

  @Override
  int audit(String SOURCE) {
    EDIT_ACCOUNT.checkInAccount(SOURCE_, SOURCE, "Ledger.audit");
    return super.audit(SOURCE);
  }
}
