package dev.rolegate.processor.internal.model;

import com.palantir.javapoet.ClassName;
import dev.rolegate.processor.internal.matrix.CompiledMatrix;

/**
 * The matrix a compilation checks against and the package its generated classes live in (compiled
 * here, or found on the class path).
 */
public record MatrixHandle(CompiledMatrix matrix, String packageName) {
  /**
   * Returns the capability table class, e.g. {@code
   * dev.rolegate.prefect.PrefectCloudCapabilityTable}.
   */
  public ClassName table() {
    return ClassName.get(packageName, baseName(matrix.sourceName()) + "CapabilityTable");
  }

  /** Returns the class-path index class that lets later compilations find this matrix. */
  public ClassName index() {
    return ClassName.get(INDEX_PACKAGE, "Matrix_" + packageName.replace('.', '_'));
  }

  /** The package every compiled matrix registers an index class in. */
  public static final String INDEX_PACKAGE = "dev.rolegate.matrices";

  /** Returns "PrefectCloud" for "prefect-cloud.md". */
  static String baseName(String sourceName) {
    String file = sourceName.substring(sourceName.lastIndexOf('/') + 1);
    int dot = file.lastIndexOf('.');
    if (dot > 0) {
      file = file.substring(0, dot);
    }
    // Each run of ASCII letters and digits, its first character upper-cased; the rest dropped.
    StringBuilder name = new StringBuilder();
    boolean partStart = true;
    for (int i = 0; i < file.length(); i++) {
      char c = file.charAt(i);
      boolean kept = c < 128 && Character.isLetterOrDigit(c);
      if (kept) {
        name.append(partStart ? Character.toUpperCase(c) : c);
      }
      partStart = !kept;
    }
    if (name.length() == 0 || !Character.isJavaIdentifierStart(name.charAt(0))) {
      name.insert(0, "Matrix");
    }
    return name.toString();
  }
}
