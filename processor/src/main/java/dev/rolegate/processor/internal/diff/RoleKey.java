package dev.rolegate.processor.internal.diff;

import dev.rolegate.processor.internal.matrix.Level;

/** A built-in role as two matrices name it: its level and name (each level has its own names). */
public record RoleKey(Level level, String name) {
  /** Returns "workspace role OWNER" or "account role OWNER". */
  public String describe() {
    return level.word() + " role " + name;
  }
}
