package dev.rolegate.processor.internal.diagnostic;

import java.util.List;

/**
 * How a message names a list of names: with their noun ({@code workspace permission VIEW} for one,
 * {@code workspace permissions VIEW, EDIT} for several), separated by commas, joined by "and" or
 * "or", or as a requirement. Templates take the result as one argument.
 */
public final class NameList {
  private NameList() {}

  /** Returns {@code noun} (plural for several names) and {@code names}, separated by commas. */
  public static String counted(String noun, List<String> names) {
    return noun + (names.size() == 1 ? " " : "s ") + listed(names);
  }

  /** Returns {@code names} separated by commas: {@code VIEW, EDIT}. */
  public static String listed(List<String> names) {
    return String.join(", ", names);
  }

  /** Returns {@code names} joined by "and": {@code VIEW and EDIT}. */
  public static String and(List<String> names) {
    return String.join(" and ", names);
  }

  /** Returns {@code names} joined by "or": {@code VIEW or EDIT}. */
  public static String or(List<String> names) {
    return String.join(" or ", names);
  }

  /**
   * Returns a requirement's permissions: {@code VIEW and EDIT} when all are required, {@code one of
   * VIEW, EDIT} when one of several suffices.
   */
  public static String required(boolean any, List<String> names) {
    return any && names.size() > 1 ? "one of " + listed(names) : and(names);
  }
}
