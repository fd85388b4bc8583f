package dev.rolegate.spring;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/** The problem types rolegate answers with, and a writer for filters (which have no MVC). */
final class Problems {
  static final URI UNAUTHENTICATED = URI.create("urn:rolegate:problem:unauthenticated");
  static final URI ACCESS_DENIED = URI.create("urn:rolegate:problem:access-denied");
  static final URI INVALID_PRINCIPAL = URI.create("urn:rolegate:problem:invalid-principal");
  static final URI WORKSPACE_OUTSIDE_ACCOUNT =
      URI.create("urn:rolegate:problem:workspace-outside-account");
  static final URI PATH_MISMATCH = URI.create("urn:rolegate:problem:path-mismatch");

  private Problems() {}

  /** An extra member of a problem: a name and a string value. */
  record Field(String name, String value) {}

  /** Returns an extra member of a problem. */
  static Field field(String name, String value) {
    return new Field(name, value);
  }

  /** Writes an {@code application/problem+json} response with these fields. */
  static void write(
      HttpServletResponse response,
      int status,
      URI type,
      String title,
      String detail,
      Field... fields)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String body =
        "{\"type\":"
            + quote(type.toString())
            + ",\"title\":"
            + quote(title)
            + ",\"status\":"
            + status
            + ",\"detail\":"
            + quote(detail);
    for (Field field : fields) {
      body += "," + quote(field.name()) + ":" + quote(field.value());
    }
    body += "}";
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns {@code text} as a JSON string literal. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
