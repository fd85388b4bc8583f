package dev.rolegate.processor.internal.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the guarded methods of an access report ({@code META-INF/rolegate/access-report.json}):
 * each service's type and, per method, its operation, mode and permissions. The report's role lists
 * are left alone: they answer for the matrix it was compiled with, and the diff works them out
 * again for each matrix. Unguarded methods are skipped: no matrix changes who may call them.
 */
public final class ReportReader {
  private ReportReader() {}

  /**
   * Returns the guarded methods of the report in {@code json}, in its order.
   *
   * @throws IllegalArgumentException naming what is wrong, when {@code json} is no access report
   */
  public static List<GuardedOperation> read(String json) {
    Object root = Json.parse(json);
    List<GuardedOperation> operations = new ArrayList<>();
    List<Object> services =
        list(member(object(root, "the report"), "services", "the report"), "\"services\"");
    for (int s = 0; s < services.size(); s++) {
      String where = "services[" + s + "]";
      Map<String, Object> service = object(services.get(s), where);
      String type = string(member(service, "type", where), where + ".type");
      List<Object> methods = list(member(service, "methods", where), where + ".methods");
      for (int m = 0; m < methods.size(); m++) {
        String at = where + ".methods[" + m + "]";
        Map<String, Object> method = object(methods.get(m), at);
        String operation = string(member(method, "operation", at), at + ".operation");
        String mode = string(member(method, "mode", at), at + ".mode");
        List<Object> names = list(member(method, "permissions", at), at + ".permissions");
        List<String> permissions = new ArrayList<>();
        for (int p = 0; p < names.size(); p++) {
          permissions.add(string(names.get(p), at + ".permissions[" + p + "]"));
        }
        switch (mode) {
          case "unguarded" -> {}
          case "allOf", "anyOf" -> {
            if (permissions.isEmpty()) {
              throw new IllegalArgumentException(
                  at + " (" + operation + ") is " + mode + " but lists no permission");
            }
            operations.add(
                new GuardedOperation(type, operation, mode.equals("anyOf"), permissions));
          }
          default ->
              throw new IllegalArgumentException(
                  at + ".mode is \"" + mode + "\"; expected \"allOf\", \"anyOf\" or \"unguarded\"");
        }
      }
    }
    return operations;
  }

  private static Object member(Map<String, Object> object, String name, String where) {
    if (!object.containsKey(name)) {
      throw new IllegalArgumentException(where + " has no \"" + name + "\"");
    }
    return object.get(name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String where) {
    if (value instanceof Map) {
      return (Map<String, Object>) value;
    }
    throw new IllegalArgumentException(where + " is not a JSON object");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value, String where) {
    if (value instanceof List) {
      return (List<Object>) value;
    }
    throw new IllegalArgumentException(where + " is not a JSON array");
  }

  private static String string(Object value, String where) {
    if (value instanceof String string) {
      return string;
    }
    throw new IllegalArgumentException(where + " is not a JSON string");
  }
}
