package dev.rolegate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What {@link PrincipalBindingFilter} binds in the dispatches after a request's first: an async
 * dispatch runs with the binding of the request's first dispatch (not resolved again), an error
 * dispatch with nobody, whatever the servlet thread carries.
 */
class PrincipalBindingFilterDispatchTest {
  private static final String PATH = "/api/accounts/acme/workspaces/ws-1/flows";

  private final Principal caller = Principals.in("VIEWER");
  private final Principal leaked =
      Principal.user("mallory")
          .directory(AccountDirectory.singleAccount("acme"))
          .accountRole(AccountRoles.OWNER)
          .build();
  private final AtomicInteger resolved = new AtomicInteger();
  private final PrincipalBindingFilter filter =
      new PrincipalBindingFilter(
          request -> {
            resolved.incrementAndGet();
            return request.getHeader("Authorization") == null ? null : caller;
          },
          new WorkspacePath("/api/accounts/{account}/workspaces/{workspace}/**", "workspace"),
          new AccountPath("/api/accounts/{account}/**", "account"));

  /** What the chain saw bound, once per dispatch: principal id, account, workspace. */
  private final List<String> seen = new ArrayList<>();

  @Test
  void asyncDispatch_runsWithTheFirstDispatchsBinding_notResolvedAgain() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", PATH);
    request.addHeader("Authorization", "token");
    dispatch(request, DispatcherType.REQUEST);
    try (PrincipalScope scope = CurrentPrincipal.bind(leaked)) {
      dispatch(request, DispatcherType.ASYNC);
      assertThat(CurrentPrincipal.get()).containsSame(leaked);
    }
    assertThat(seen).containsExactly("alice acme ws-1", "alice acme ws-1");
    assertThat(resolved).hasValue(1);
    assertThat(CurrentPrincipal.get()).isEmpty();
  }

  @Test
  void asyncDispatch_ofARequestWithoutCredentials_runsAsNobody_onAThreadCarryingAPrincipal()
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", PATH);
    dispatch(request, DispatcherType.REQUEST);
    try (PrincipalScope scope = CurrentPrincipal.bind(leaked)) {
      dispatch(request, DispatcherType.ASYNC);
      assertThat(CurrentPrincipal.get()).containsSame(leaked);
    }
    assertThat(seen).containsExactly("nobody", "nobody");
  }

  @Test
  void asyncDispatch_thatTheFilterDidNotBind_runsAsNobody() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", PATH);
    request.addHeader("Authorization", "token");
    try (PrincipalScope scope = CurrentPrincipal.bind(leaked)) {
      dispatch(request, DispatcherType.ASYNC);
    }
    assertThat(seen).containsExactly("nobody");
    assertThat(resolved).hasValue(0);
  }

  @Test
  void errorDispatch_runsAsNobody_onAThreadCarryingAPrincipal() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", PATH);
    request.addHeader("Authorization", "token");
    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, PATH);
    try (PrincipalScope scope = CurrentPrincipal.bind(leaked)) {
      dispatch(request, DispatcherType.ERROR);
      assertThat(CurrentPrincipal.get()).containsSame(leaked);
    }
    assertThat(seen).containsExactly("nobody");
    assertThat(resolved).hasValue(0);
  }

  private void dispatch(MockHttpServletRequest request, DispatcherType type) throws Exception {
    request.setDispatcherType(type);
    filter.doFilter(
        request,
        new MockHttpServletResponse(),
        (req, res) -> {
          Optional<Principal> principal = CurrentPrincipal.get();
          seen.add(
              principal.isEmpty()
                  ? "nobody"
                  : principal.get().id()
                      + " "
                      + CurrentPrincipal.account().orElse("-")
                      + " "
                      + CurrentPrincipal.workspace().orElse("-"));
        });
  }
}
