package dev.rolegate.processor.internal.model;

import java.util.List;

/**
 * A guarded method as the access report and the guard index write it, read once where the model is
 * built: its simple {@code name}, its {@code parameters} as a reader of the source sees them
 * ({@code (String, List<Deployment>, int...)}), the name of each parameter and the erasure of each
 * parameter's type by binary name ({@code java.util.List}, {@code a.B$C[]}, {@code int}).
 */
public record MethodText(
    String name, String parameters, List<String> parameterNames, List<String> erasedTypes) {
  public MethodText {
    parameterNames = List.copyOf(parameterNames);
    erasedTypes = List.copyOf(erasedTypes);
    if (parameterNames.size() != erasedTypes.size()) {
      throw new IllegalArgumentException("a name and an erased type per parameter");
    }
  }
}
