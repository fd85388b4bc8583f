package dev.rolegate.runtime;

/** Where a permission or role applies: in one workspace, or across the account. */
public enum Level {
  /** Checked against the caller's role in the workspace a call acts on. */
  WORKSPACE,
  /** Checked against the caller's account role. */
  ACCOUNT;

  /** Returns the lower-case word the matrix file uses for this level. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
