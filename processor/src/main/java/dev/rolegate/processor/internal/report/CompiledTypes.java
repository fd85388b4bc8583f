package dev.rolegate.processor.internal.report;

/**
 * Where a type or method that the access lock names stands in the compilation the lock is compared
 * in; the processing step answers it from the compiler, so that the report reads no element.
 */
public interface CompiledTypes {
  /** Where a type is found: compiled from source here, only as a class file, or not at all. */
  enum Found {
    SOURCE,
    CLASS_FILE,
    ABSENT
  }

  /** Returns where the type of qualified name {@code type} is found. */
  Found type(String type);

  /** Returns whether {@code type} has a method (static too) of simple name {@code method}. */
  boolean hasMethod(String type, String method);
}
