package dev.rolegate.spring;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Reads the workspace id of a request from its path, with a pattern such as {@code
 * /w/{workspace}/**}.
 */
public final class WorkspacePath {
  private final PathVariableReader reader;

  /**
   * Creates the reader.
   *
   * @throws IllegalArgumentException if the pattern does not parse or lacks the variable
   */
  public WorkspacePath(String pattern, String variable) {
    this.reader = new PathVariableReader("rolegate.web.workspace-path", pattern, variable);
  }

  /** Returns the workspace the request's path names, if it matches the pattern. */
  public Optional<String> workspace(HttpServletRequest request) {
    return reader.read(request);
  }

  /** Returns the name of the pattern's variable that holds the workspace id. */
  String variable() {
    return reader.variable();
  }

  @Override
  public String toString() {
    return reader.toString();
  }
}
