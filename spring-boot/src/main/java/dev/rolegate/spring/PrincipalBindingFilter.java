package dev.rolegate.spring;

import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalContext;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.runtime.internal.Names;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the request's principal, and the account and workspace its path names, with {@link
 * CurrentPrincipal#bind(Principal, String, String)} for the rest of the request, and always unbinds
 * it. Credentials that describe no valid principal are refused with HTTP 401 before anything runs;
 * a request without a principal runs with nobody bound ({@link PrincipalContext#none()}), so that a
 * guarded call answers 401 even if the thread carries a binding leaked by other code.
 *
 * <p>A path that names an account and a workspace the principal's directory does not place in that
 * account (another account's workspace, or one it does not know) is refused with HTTP 403 ({@code
 * urn:rolegate:problem:workspace-outside-account}) before anything runs. What the filter binds is
 * read from the raw request path; {@link MatchedPathInterceptor} refuses a request whose handler
 * mapping matched another account or workspace.
 *
 * <p>An async dispatch (Spring MVC's second pass over a request whose {@code Callable}, {@code
 * DeferredResult} or other async result has completed) runs with the binding the request's first
 * pass made, taken from the request, not resolved again; a request that had nobody bound, or none
 * made by this filter, runs it with nobody bound. An error dispatch (the container's error page)
 * runs with nobody bound: it renders an error and calls no guarded code.
 */
public class PrincipalBindingFilter extends OncePerRequestFilter {
  private static final System.Logger LOG = System.getLogger("dev.rolegate.spring");

  /** The request attribute holding the binding an async dispatch runs with. */
  private static final String BOUND_CONTEXT =
      PrincipalBindingFilter.class.getName() + ".BOUND_CONTEXT";

  /**
   * The request attribute that holds the {@link BoundPath} the filter bound, for {@link
   * MatchedPathInterceptor} to compare with what the handler mapping matched.
   */
  static final String BOUND = PrincipalBindingFilter.class.getName() + ".BOUND";

  /** The account and workspace (each null for none) bound for a request. */
  record BoundPath(String account, String workspace) {}

  private final PrincipalResolver resolver;
  private final WorkspacePath workspacePath;
  private final AccountPath accountPath;

  /** Creates the filter that binds no account from the path. */
  public PrincipalBindingFilter(PrincipalResolver resolver, WorkspacePath workspacePath) {
    this(resolver, workspacePath, AccountPath.none());
  }

  /** Creates the filter. */
  public PrincipalBindingFilter(
      PrincipalResolver resolver, WorkspacePath workspacePath, AccountPath accountPath) {
    this.resolver = resolver;
    this.workspacePath = workspacePath;
    this.accountPath = accountPath;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isAsyncDispatch(request)) {
      PrincipalContext context =
          request.getAttribute(BOUND_CONTEXT) instanceof PrincipalContext bound
              ? bound
              : PrincipalContext.none();
      runWith(context, request, response, chain);
      return;
    }
    if (request.getDispatcherType() == DispatcherType.ERROR) {
      runWith(PrincipalContext.none(), request, response, chain);
      return;
    }
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
    String account = accountPath.account(request).orElse(null);
    if (account != null && workspace != null && !inAccount(principal, workspace, account)) {
      Problems.write(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          Problems.WORKSPACE_OUTSIDE_ACCOUNT,
          "Workspace outside the account",
          "the path names workspace "
              + Names.quoted(workspace)
              + ", which is not a workspace of"
              + " account "
              + Names.quoted(account),
          Problems.field("account", Names.escaped(account)),
          Problems.field("workspace", Names.escaped(workspace)));
      return;
    }
    request.setAttribute(BOUND, new BoundPath(account, workspace));
    try (PrincipalScope scope = CurrentPrincipal.bind(principal, account, workspace)) {
      request.setAttribute(BOUND_CONTEXT, PrincipalContext.capture());
      chain.doFilter(request, response);
    }
  }

  /** Filters async dispatches too: they run with the request's binding (see the class comment). */
  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  /** Filters error dispatches too: they run with nobody bound. */
  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  /**
   * Returns whether the principal's directory places {@code workspace} in {@code account}; a
   * directory that fails answers no (the request is refused, never let through unchecked).
   */
  private static boolean inAccount(Principal principal, String workspace, String account) {
    String owner;
    try {
      owner = principal.accountOf(workspace);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "finding the account of the path's workspace failed", e);
      return false;
    }
    return owner != null && AccountDirectory.sameAccount(owner, account);
  }

  /** Runs the rest of the request with nobody bound, whatever this thread carries. */
  private static void anonymous(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    request.removeAttribute(BOUND_CONTEXT);
    runWith(PrincipalContext.none(), request, response, chain);
  }

  /** Runs the rest of the request with {@code context}'s binding, whatever this thread carries. */
  private static void runWith(
      PrincipalContext context,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain)
      throws ServletException, IOException {
    try {
      context.call(
          () -> {
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
