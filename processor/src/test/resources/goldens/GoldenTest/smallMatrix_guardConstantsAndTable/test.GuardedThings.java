package test;

import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.PrincipalSource;
import dev.rolegate.runtime.internal.Requirement;
import dev.rolegate.runtime.internal.RolegateGenerated;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Guards {@link Things}: checks the caller's permissions before each call reaches the delegate.
 */
@RolegateGenerated
public final class GuardedThings<T> implements Things<T> {
  private static final Requirement VIEW_THINGS = Requirement.allOf(MatrixCapabilityTable.VIEW_THINGS);

  private static final Requirement EDIT_THINGS_AND_VIEW_SECRETS = Requirement.allOf(MatrixCapabilityTable.EDIT_THINGS,
      MatrixCapabilityTable.VIEW_SECRETS);

  private static final Requirement VIEW_SECRETS_OR_EDIT_ACCOUNT = Requirement.anyOf(MatrixCapabilityTable.VIEW_SECRETS,
      MatrixCapabilityTable.EDIT_ACCOUNT);

  private static final Requirement DELETE_THINGS = Requirement.allOf(MatrixCapabilityTable.DELETE_THINGS);

  private static final Requirement EDIT_ACCOUNT = Requirement.allOf(MatrixCapabilityTable.EDIT_ACCOUNT);

  private static final Requirement DELETE_THINGS_AND_EDIT_ACCOUNT = Requirement.allOf(MatrixCapabilityTable.DELETE_THINGS,
      MatrixCapabilityTable.EDIT_ACCOUNT);

  private static final Requirement VIEW_ACCOUNT = Requirement.allOf(MatrixCapabilityTable.VIEW_ACCOUNT);

  private final Things<T> delegate;

  private final PrincipalSource source;

  private GuardedThings(Things<T> delegate, PrincipalSource source) {
    this.delegate = delegate;
    this.source = source;
  }

  /**
   * Returns {@code delegate} guarded, with the caller read from {@link CurrentPrincipal}.
   */
  public static <T> Things<T> wrap(Things<T> delegate) {
    return wrap(delegate, CurrentPrincipal.source());
  }

  /**
   * Returns {@code delegate} guarded, with the caller read from {@code source}.
   */
  public static <T> Things<T> wrap(Things<T> delegate, PrincipalSource source) {
    Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(source, "source");
    return new GuardedThings<>(delegate, source);
  }

  @Override
  public List<T> list(String workspace, int... limits) {
    VIEW_THINGS.check(this.source, workspace, "Things.list");
    List<T> result = this.delegate.list(workspace, limits);
    if ((Object) result instanceof Things<?>) {
      throw new IllegalStateException("Things.list returned its implementation or another Things as a List, which would reach the caller unguarded. Return data or a guard instead");
    }
    return result;
  }

  @Override
  public void edit(String workspace, T thing) throws IOException {
    EDIT_THINGS_AND_VIEW_SECRETS.check(this.source, workspace, "Things.edit");
    this.delegate.edit(workspace, thing);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <R> R secret(String delegate, Function<String, R> source) {
    VIEW_SECRETS_OR_EDIT_ACCOUNT.check(this.source, "Things.secret");
    R result = this.delegate.secret(delegate, source);
    if (result == this.delegate) {
      return (R) this;
    }
    if (result instanceof Things<?> && !(result instanceof GuardedThings<?>)) {
      return (R) GuardedThings.wrap((Things<?>) result, this.source);
    }
    return result;
  }

  @Override
  public boolean delete(ThingRef ref) {
    String workspace;
    try {
      workspace = ref == null ? null : ref.workspace();
    } catch (RuntimeException e) {
      throw DELETE_THINGS.workspaceFailed("Things.delete", e);
    }
    DELETE_THINGS.check(this.source, workspace, "Things.delete");
    return this.delegate.delete(ref);
  }

  @Override
  public void rename(UUID account, String workspace) {
    EDIT_ACCOUNT.checkInAccount(this.source, account == null ? null : account.toString(), "Things.rename");
    this.delegate.rename(account, workspace);
  }

  @Override
  public boolean purge(AccountRef account, ThingRef e) {
    String workspace;
    try {
      workspace = e == null ? null : e.workspace();
    } catch (RuntimeException e_) {
      throw DELETE_THINGS_AND_EDIT_ACCOUNT.workspaceFailed("Things.purge", e_);
    }
    UUID account_;
    try {
      account_ = account == null ? null : account.account();
    } catch (RuntimeException e_) {
      throw DELETE_THINGS_AND_EDIT_ACCOUNT.accountFailed("Things.purge", e_);
    }
    DELETE_THINGS_AND_EDIT_ACCOUNT.checkInAccount(this.source, account_ == null ? null : account_.toString(), workspace, "Things.purge");
    return this.delegate.purge(account, e);
  }

  @Override
  public String plan() {
    VIEW_ACCOUNT.checkInBoundAccount(this.source, "Things.plan");
    return this.delegate.plan();
  }

  @Override
  public String ping() {
    return this.delegate.ping();
  }
}
