package dev.rolegate.spring;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Reads one variable of a request's path with a pattern: what {@link WorkspacePath} and {@link
 * AccountPath} share.
 */
final class PathVariableReader {
  private final PathPattern pattern;
  private final String variable;

  /**
   * Creates the reader.
   *
   * @param property the property the pattern comes from, for the message
   * @throws IllegalArgumentException if the pattern does not parse or lacks the variable
   */
  PathVariableReader(String property, String pattern, String variable) {
    this.pattern = PathPatternParser.defaultInstance.parse(pattern);
    this.variable = variable;
    if (!pattern.contains("{" + variable + "}")) {
      throw new IllegalArgumentException(
          property + " \"" + pattern + "\" has no variable {" + variable + "}");
    }
  }

  /** Returns the variable's value (decoded) when the request's path matches and it is not blank. */
  Optional<String> read(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    PathPattern.PathMatchInfo match = pattern.matchAndExtract(PathContainer.parsePath(path));
    if (match == null) {
      return Optional.empty();
    }
    String value = match.getUriVariables().get(variable);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** Returns the name of the variable read. */
  String variable() {
    return variable;
  }

  @Override
  public String toString() {
    return pattern.getPatternString();
  }
}
