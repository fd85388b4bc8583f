package dev.rolegate.spring;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Reads the workspace id of a request from its path, with a pattern such as {@code
 * /w/{workspace}/**}.
 */
public final class WorkspacePath {
  private final PathPattern pattern;
  private final String variable;

  /**
   * Creates the reader.
   *
   * @throws IllegalArgumentException if the pattern does not parse or lacks the variable
   */
  public WorkspacePath(String pattern, String variable) {
    this.pattern = PathPatternParser.defaultInstance.parse(pattern);
    this.variable = variable;
    if (!pattern.contains("{" + variable + "}")) {
      throw new IllegalArgumentException(
          "rolegate.web.workspace-path \"" + pattern + "\" has no variable {" + variable + "}");
    }
  }

  /** Returns the workspace the request's path names, if it matches the pattern. */
  public Optional<String> workspace(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    PathPattern.PathMatchInfo match = pattern.matchAndExtract(PathContainer.parsePath(path));
    if (match == null) {
      return Optional.empty();
    }
    Map<String, String> variables = match.getUriVariables();
    String workspace = variables.get(variable);
    return workspace == null || workspace.isBlank() ? Optional.empty() : Optional.of(workspace);
  }

  @Override
  public String toString() {
    return pattern.getPatternString();
  }
}
