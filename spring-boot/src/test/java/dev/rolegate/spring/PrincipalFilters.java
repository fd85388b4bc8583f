package dev.rolegate.spring;

import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockFilterChain;

/**
 * The principal filter a context registers, and a chain behind it that records what the filter
 * bound for each request that reaches it.
 */
final class PrincipalFilters {
  private PrincipalFilters() {}

  /** Returns the filter that {@code context} registers as {@code rolegatePrincipalFilter}. */
  static PrincipalBindingFilter filterOf(ApplicationContext context) {
    return (PrincipalBindingFilter)
        ((FilterRegistrationBean<?>) context.getBean("rolegatePrincipalFilter")).getFilter();
  }

  /**
   * Returns a chain that adds to {@code seen}, for each request reaching it, the bound principal's
   * id, account and workspace as {@code id@account/workspace}, or {@code nobody}, {@code -} and
   * {@code nowhere} for what is not bound.
   */
  static MockFilterChain chainRecording(List<String> seen) {
    return new MockFilterChain() {
      @Override
      public void doFilter(ServletRequest request, ServletResponse response) {
        seen.add(
            CurrentPrincipal.get().map(Principal::id).orElse("nobody")
                + "@"
                + CurrentPrincipal.account().orElse("-")
                + "/"
                + CurrentPrincipal.workspace().orElse("nowhere"));
      }
    };
  }
}
