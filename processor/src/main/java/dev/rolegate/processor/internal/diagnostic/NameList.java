package dev.rolegate.processor.internal.diagnostic;

import java.util.List;

/**
 * How a message names a list of names with their noun: {@code workspace permission VIEW} for one,
 * {@code workspace permissions VIEW, EDIT} for several. Templates take the result as one argument.
 */
public final class NameList {
  private NameList() {}

  /** Returns {@code noun} (plural for several names) and {@code names}, separated by commas. */
  public static String counted(String noun, List<String> names) {
    return noun + (names.size() == 1 ? " " : "s ") + String.join(", ", names);
  }
}
