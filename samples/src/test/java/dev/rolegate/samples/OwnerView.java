package dev.rolegate.samples;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * The seeded services as the OWNER of both sample accounts sees them, for tests that look at the
 * state behind a guard after a call: each call binds that OWNER and goes through the same generated
 * guard. The services have no unguarded form to read from (their implementations are
 * package-private), and account OWNER holds every permission in its account, so nothing in the
 * sample accounts' workspaces is denied here.
 */
final class OwnerView {
  /** The OWNER of both sample accounts the tests read as. */
  static final Principal OWNER =
      Principal.user("test-reader")
          .directory(SampleData.accounts())
          .member(SampleData.ACME, AccountRoles.OWNER)
          .member(SampleData.GLOBEX, AccountRoles.OWNER)
          .build();

  private OwnerView() {}

  /** Returns {@code services} with every call made as {@link #OWNER}. */
  static PrefectServices of(PrefectServices s) {
    return new PrefectServices(
        asOwner(s.deployments()),
        asOwner(s.flows()),
        asOwner(s.blocks()),
        asOwner(s.workPools()),
        asOwner(s.automations()),
        asOwner(s.notifications()),
        asOwner(s.concurrencyLimits()),
        asOwner(s.workspace()),
        asOwner(s.members()),
        asOwner(s.account()),
        asOwner(s.accountMembers()),
        asOwner(s.serviceAccounts()),
        asOwner(s.workspaces()),
        s.defaults());
  }

  /**
   * Returns {@code service} (of its one service interface) with every call made as {@link #OWNER}.
   */
  @SuppressWarnings("unchecked")
  static <T> T asOwner(T service) {
    Class<?> type = service.getClass().getInterfaces()[0];
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("equals")
                    ? self == args[0]
                    : method.getName().equals("hashCode")
                        ? System.identityHashCode(self)
                        : "owner view of " + type.getSimpleName();
              }
              try (PrincipalScope scope = CurrentPrincipal.bind(OWNER)) {
                return method.invoke(service, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
