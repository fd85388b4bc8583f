package dev.rolegate.spring;

import dev.rolegate.runtime.internal.Names;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses, with HTTP 400 ({@code urn:rolegate:problem:path-mismatch}) before the handler runs, a
 * request whose handler mapping matched an account or workspace other than the one {@link
 * PrincipalBindingFilter} bound. The filter reads the raw request path; the handler mapping may
 * read it normalized ({@code ant_path_matcher} resolves {@code ..} segments, drops {@code ;}
 * parameters, decodes), so without this check {@code /workspaces/ws-a/../ws-b/...} would bind ws-a
 * while the controller acts on ws-b.
 *
 * <p>A handler's URI template variable counts when its name is the workspace (or account) path's
 * variable; a handler that matched no such variable is not checked. A routed variable where the
 * filter bound none is refused only when the raw path is not normalized. A request the filter bound
 * nothing for (no principal) is not checked: the guards answer it 401.
 */
final class MatchedPathInterceptor implements HandlerInterceptor {
  private final String workspaceVariable;
  private final String accountVariable;

  /**
   * Creates the check.
   *
   * @param workspaceVariable the workspace path's variable name
   * @param accountVariable the account path's variable name, or null when no account is bound
   */
  MatchedPathInterceptor(String workspaceVariable, String accountVariable) {
    this.workspaceVariable = workspaceVariable;
    this.accountVariable = accountVariable;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    if (!(request.getAttribute(PrincipalBindingFilter.BOUND)
        instanceof PrincipalBindingFilter.BoundPath bound)) {
      return true;
    }
    if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
        instanceof Map<?, ?> matched)) {
      return true;
    }
    if (accountVariable != null
        && differs(request, bound.account(), matched.get(accountVariable))) {
      refuse(response, "account", bound.account(), matched.get(accountVariable));
      return false;
    }
    if (differs(request, bound.workspace(), matched.get(workspaceVariable))) {
      refuse(response, "workspace", bound.workspace(), matched.get(workspaceVariable));
      return false;
    }
    return true;
  }

  /**
   * Returns whether the routed value contradicts the bound one: both present and unequal, or routed
   * where nothing is bound while the raw path is not normalized (a normalized path outside the
   * configured patterns, such as {@code /admin/workspaces/{workspace}}, binds nothing and is let
   * through: its guarded calls check the workspace they name).
   */
  private static boolean differs(HttpServletRequest request, String bound, Object routed) {
    if (routed == null) {
      return false;
    }
    if (bound == null) {
      return !normalized(request.getRequestURI().substring(request.getContextPath().length()));
    }
    return !bound.equals(routed.toString());
  }

  /**
   * Returns whether a raw path has no empty, {@code .} or {@code ..} segment (also percent-encoded)
   * and no encoded or literal separator other than {@code /}.
   */
  static boolean normalized(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.contains("//")
        || lower.contains("\\")
        || lower.contains("%2f")
        || lower.contains("%5c")) {
      return false;
    }
    for (String segment : lower.split("/", -1)) {
      int parameters = segment.indexOf(';');
      String name =
          (parameters < 0 ? segment : segment.substring(0, parameters)).replace("%2e", ".");
      if (name.equals(".") || name.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private static void refuse(
      HttpServletResponse response, String what, String bound, Object matched) throws Exception {
    String handlerValue = matched == null ? null : matched.toString();
    Problems.write(
        response,
        HttpServletResponse.SC_BAD_REQUEST,
        Problems.PATH_MISMATCH,
        "Path mismatch",
        "the "
            + what
            + " the path names as written ("
            + describe(bound)
            + ") is not the one it is routed to ("
            + describe(handlerValue)
            + "); send the path"
            + " normalized (no empty, . or .. segments, no encoded separators)",
        Problems.field("bound", bound == null ? "" : Names.escaped(bound)),
        Problems.field("routed", handlerValue == null ? "" : Names.escaped(handlerValue)));
  }

  private static String describe(String id) {
    return id == null ? "none" : Names.quoted(id);
  }
}
