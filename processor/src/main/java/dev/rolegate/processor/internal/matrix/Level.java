package dev.rolegate.processor.internal.matrix;

import java.util.Locale;

/** Where a permission or role applies; mirrors the runtime's {@code Level}. */
public enum Level {
  WORKSPACE,
  ACCOUNT;

  /** Returns the word the matrix file uses, e.g. {@code workspace}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
