package dev.rolegate.spring;

import dev.rolegate.runtime.internal.Names;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Objects;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses, with HTTP 400 ({@code urn:rolegate:problem:path-mismatch}) before the handler runs, a
 * request whose handler mapping matched an account or workspace other than the one {@link
 * PrincipalBindingFilter} bound. The filter reads the raw request path; the handler mapping may
 * read it normalized ({@code ant_path_matcher} resolves {@code ..} segments, drops {@code ;}
 * parameters, decodes), so without this check {@code /workspaces/ws-a/../ws-b/...} would bind
 * ws-a while the controller acts on ws-b.
 *
 * <p>A handler's URI template variable counts when its name is the workspace (or account) path's
 * variable; a handler that matched no such variable is not checked. A request the filter bound
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
    if (accountVariable != null && matched.containsKey(accountVariable)) {
      Object value = matched.get(accountVariable);
      if (!Objects.equals(value, bound.account())) {
        refuse(response, "account", bound.account(), value);
        return false;
      }
    }
    if (matched.containsKey(workspaceVariable)) {
      Object value = matched.get(workspaceVariable);
      if (!Objects.equals(value, bound.workspace())) {
        refuse(response, "workspace", bound.workspace(), value);
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
        "the " + what + " the path names as written (" + describe(bound)
            + ") is not the one it is routed to (" + describe(handlerValue) + "); send the path"
            + " normalized (no empty, . or .. segments, no encoded separators)",
        Problems.field("bound", bound == null ? "" : Names.escaped(bound)),
        Problems.field("routed", handlerValue == null ? "" : Names.escaped(handlerValue)));
  }

  private static String describe(String id) {
    return id == null ? "none" : Names.quoted(id);
  }
}
