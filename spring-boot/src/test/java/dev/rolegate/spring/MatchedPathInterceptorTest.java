package dev.rolegate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The check that the account and workspace a handler is routed are the bound ones, whatever
 * normalization the handler mapping applied to the path.
 */
class MatchedPathInterceptorTest {
  private final MatchedPathInterceptor check = new MatchedPathInterceptor("workspace", "account");

  @Test
  void routedAnotherWorkspace_refused400_beforeTheHandler() throws Exception {
    MockHttpServletRequest request =
        request("acct-a", "ws-a", Map.of("account", "acct-a", "workspace", "ws-b"));
    MockHttpServletResponse response = new MockHttpServletResponse();
    assertThat(check.preHandle(request, response, new Object())).isFalse();
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString())
        .contains("\"type\":\"urn:rolegate:problem:path-mismatch\"")
        .contains(
            "the workspace the path names as written (\\\"ws-a\\\") is not the one it is"
                + " routed to (\\\"ws-b\\\")")
        .contains("\"bound\":\"ws-a\"")
        .contains("\"routed\":\"ws-b\"");
  }

  @Test
  void routedAnotherAccount_refused400() throws Exception {
    MockHttpServletRequest request =
        request("acct-a", "ws-a", Map.of("account", "acct-b", "workspace", "ws-a"));
    MockHttpServletResponse response = new MockHttpServletResponse();
    assertThat(check.preHandle(request, response, new Object())).isFalse();
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString())
        .contains(
            "the account the path names as written (\\\"acct-a\\\") is not the one it is"
                + " routed to (\\\"acct-b\\\")");
  }

  @Test
  void routedAWorkspace_whereNoneIsBound_onAPathNotNormalized_refused400() throws Exception {
    MockHttpServletRequest request = request("acct-a", null, Map.of("workspace", "ws-b"));
    request.setRequestURI("/api/accounts/acct-a/workspaces//ws-b/deployments");
    MockHttpServletResponse response = new MockHttpServletResponse();
    assertThat(check.preHandle(request, response, new Object())).isFalse();
    assertThat(response.getContentAsString())
        .contains("as written (none) is not the one it is routed to (\\\"ws-b\\\")")
        .contains("\"bound\":\"\"");
  }

  @Test
  void routedTheBoundOnes_orNoVariable_passes() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    assertThat(
            check.preHandle(
                request("acct-a", "ws-a", Map.of("account", "acct-a", "workspace", "ws-a")),
                response,
                new Object()))
        .isTrue();
    assertThat(check.preHandle(request("acct-a", "ws-a", Map.of("id", "x")), response, null))
        .isTrue();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentAsString()).isEmpty();
  }

  @Test
  void routedAWorkspace_whereNoneIsBound_onANormalizedPath_passes() throws Exception {
    MockHttpServletRequest request = request("acct-a", null, Map.of("workspace", "ws-b"));
    request.setRequestURI("/admin/workspaces/ws-b");
    MockHttpServletResponse response = new MockHttpServletResponse();
    assertThat(check.preHandle(request, response, null)).isTrue();
    assertThat(response.getContentAsString()).isEmpty();
  }

  @Test
  void normalized_refusesEmptyDotAndEncodedSegments() {
    assertThat(MatchedPathInterceptor.normalized("/api/accounts/a/workspaces/w/x")).isTrue();
    assertThat(MatchedPathInterceptor.normalized("/api/a;jsessionid=1/w")).isTrue();
    assertThat(MatchedPathInterceptor.normalized("/api/a...b/w")).isTrue();
    assertThat(MatchedPathInterceptor.normalized("/api//w")).isFalse();
    assertThat(MatchedPathInterceptor.normalized("/api/./w")).isFalse();
    assertThat(MatchedPathInterceptor.normalized("/api/w/..")).isFalse();
    assertThat(MatchedPathInterceptor.normalized("/api/%2E%2e/w")).isFalse();
    assertThat(MatchedPathInterceptor.normalized("/api/..;x=1/w")).isFalse();
    assertThat(MatchedPathInterceptor.normalized("/api/a%2Fb")).isFalse();
    assertThat(MatchedPathInterceptor.normalized("/api/a%5cb")).isFalse();
    assertThat(MatchedPathInterceptor.normalized("/api/a\\b")).isFalse();
  }

  @Test
  void nothingBound_passes_theGuardsAnswer() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setAttribute(
        HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("workspace", "ws-b"));
    assertThat(check.preHandle(request, new MockHttpServletResponse(), null)).isTrue();
  }

  @Test
  void noAccountVariable_checksTheWorkspaceOnly() throws Exception {
    MatchedPathInterceptor workspaceOnly = new MatchedPathInterceptor("workspace", null);
    MockHttpServletResponse response = new MockHttpServletResponse();
    assertThat(
            workspaceOnly.preHandle(
                request(null, "ws-a", Map.of("account", "acct-b", "workspace", "ws-a")),
                response,
                null))
        .isTrue();
    assertThat(
            workspaceOnly.preHandle(
                request(null, "ws-a", Map.of("workspace", "ws-b")), response, null))
        .isFalse();
    assertThat(response.getStatus()).isEqualTo(400);
  }

  private static MockHttpServletRequest request(
      String account, String workspace, Map<String, String> routed) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setAttribute(
        PrincipalBindingFilter.BOUND, new PrincipalBindingFilter.BoundPath(account, workspace));
    request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, routed);
    return request;
  }
}
