package dev.rolegate.processor.internal.diff;

import dev.rolegate.processor.internal.report.JsonReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON (RFC 8259) reader and string writer, for the access report the diff reads and
 * the JSON it prints (the processor has no JSON library). Objects are read as {@code
 * LinkedHashMap}s, arrays as {@code List}s, numbers as {@code Double}s; malformed input is an
 * {@link IllegalArgumentException} naming the offset.
 */
final class Json {
  /** How deep arrays and objects may nest; an access report needs five levels. */
  private static final int MAX_DEPTH = 64;

  private final String text;
  private int at;

  private Json(String text) {
    this.text = text;
  }

  /** Parses {@code text}, which must hold exactly one value (whitespace around it allowed). */
  static Object parse(String text) {
    Json parser = new Json(text);
    Object value = parser.value(0);
    parser.space();
    if (parser.at != text.length()) {
      throw parser.error("text after the value");
    }
    return value;
  }

  private Object value(int depth) {
    space();
    if (at >= text.length()) {
      throw error("end of input where a value was expected");
    }
    char c = text.charAt(at);
    if (c == '{' || c == '[') {
      if (depth >= MAX_DEPTH) {
        throw error("nested more than " + MAX_DEPTH + " levels deep");
      }
      return c == '{' ? object(depth + 1) : array(depth + 1);
    }
    if (c == '"') {
      return string();
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return number();
    }
    if (text.startsWith("true", at)) {
      at += 4;
      return Boolean.TRUE;
    }
    if (text.startsWith("false", at)) {
      at += 5;
      return Boolean.FALSE;
    }
    if (text.startsWith("null", at)) {
      at += 4;
      return null;
    }
    throw error("unexpected character");
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> members = new LinkedHashMap<>();
    at++;
    space();
    if (peek() == '}') {
      at++;
      return members;
    }
    while (true) {
      space();
      if (peek() != '"') {
        throw error("a member name (a string) expected");
      }
      String name = string();
      if (members.containsKey(name)) {
        throw error("member \"" + name + "\" given twice");
      }
      space();
      expect(':');
      members.put(name, value(depth));
      space();
      if (peek() == ',') {
        at++;
      } else {
        expect('}');
        return members;
      }
    }
  }

  private List<Object> array(int depth) {
    List<Object> items = new ArrayList<>();
    at++;
    space();
    if (peek() == ']') {
      at++;
      return items;
    }
    while (true) {
      items.add(value(depth));
      space();
      if (peek() == ',') {
        at++;
      } else {
        expect(']');
        return items;
      }
    }
  }

  private String string() {
    at++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (at >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at >= text.length()) {
        throw error("unterminated escape");
      }
      char e = text.charAt(at++);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw error("short \\u escape");
          }
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(at + i), 16);
            if (digit < 0) {
              throw error("bad \\u escape");
            }
            code = code * 16 + digit;
          }
          at += 4;
          out.append((char) code);
        }
        default -> throw error("bad escape \\" + e);
      }
    }
  }

  private Double number() {
    int start = at;
    if (peek() == '-') {
      at++;
    }
    if (peek() == '0') {
      at++;
    } else if (digits() == 0) {
      throw error("a digit expected");
    }
    if (peek() == '.') {
      at++;
      if (digits() == 0) {
        throw error("a digit expected after the decimal point");
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      at++;
      if (peek() == '+' || peek() == '-') {
        at++;
      }
      if (digits() == 0) {
        throw error("a digit expected in the exponent");
      }
    }
    return Double.valueOf(text.substring(start, at));
  }

  private int digits() {
    int start = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    return at - start;
  }

  private void space() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      at++;
    }
  }

  private char peek() {
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("'" + c + "' expected");
    }
    at++;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("malformed JSON at offset " + at + ": " + what);
  }

  /**
   * Returns {@code value} as a JSON string literal, escaped by the access report's one rule ({@link
   * JsonReport#string}).
   */
  static String quote(String value) {
    return JsonReport.string(value);
  }

  /** Returns {@code value} quoted, or {@code null} for none. */
  static String quoteOrNull(String value) {
    return value == null ? "null" : quote(value);
  }

  /** Returns {@code values} as a JSON array of strings on one line. */
  static String strings(List<String> values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
    }
    return out.append(']').toString();
  }
}
