package dev.rolegate.spring;

import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalContext;
import dev.rolegate.runtime.PrincipalScope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the request's principal, and the workspace its path names, with {@link
 * CurrentPrincipal#bind(Principal, String)} for the rest of the request, and always unbinds it.
 * Credentials that describe no valid principal are refused with HTTP 401 before anything runs; a
 * request without a principal runs with nobody bound ({@link PrincipalContext#none()}), so that a
 * guarded call answers 401 even if the thread carries a binding leaked by other code.
 */
public class PrincipalBindingFilter extends OncePerRequestFilter {
  private static final System.Logger LOG = System.getLogger("dev.rolegate.spring");

  private final PrincipalResolver resolver;
  private final WorkspacePath workspacePath;

  /** Creates the filter. */
  public PrincipalBindingFilter(PrincipalResolver resolver, WorkspacePath workspacePath) {
    this.resolver = resolver;
    this.workspacePath = workspacePath;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Principal principal;
    try {
      principal = resolver.resolve(request);
    } catch (PrincipalMappingException e) {
      Problems.write(
          response,
          HttpServletResponse.SC_UNAUTHORIZED,
          Problems.INVALID_PRINCIPAL,
          "Invalid principal",
          e.getMessage());
      return;
    } catch (RuntimeException e) {
      // Fail closed: a resolver that breaks must not let the request through unchecked.
      LOG.log(System.Logger.Level.WARNING, "resolving the principal failed", e);
      Problems.write(
          response,
          HttpServletResponse.SC_UNAUTHORIZED,
          Problems.INVALID_PRINCIPAL,
          "Invalid principal",
          "the request's principal could not be resolved");
      return;
    }
    if (principal == null) {
      anonymous(request, response, chain);
      return;
    }
    String workspace = workspacePath.workspace(request).orElse(null);
    try (PrincipalScope scope = CurrentPrincipal.bind(principal, workspace)) {
      chain.doFilter(request, response);
    }
  }

  /** Runs the rest of the request with nobody bound, whatever this thread carries. */
  private static void anonymous(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      PrincipalContext.none().call(() -> {
        chain.doFilter(request, response);
        return null;
      });
    } catch (ServletException | IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException(e);
    }
  }
}
