package dev.rolegate.processor.internal.matrix;

/** Levenshtein distance, for "did you mean" suggestions. */
final class EditDistance {
  private EditDistance() {}

  /**
   * Returns up to three of {@code candidates} closest to {@code name} (ignoring case), nearest
   * first, or none when nothing is close.
   */
  static java.util.List<String> closest(String name, Iterable<String> candidates) {
    record Scored(String name, int distance) {}
    java.util.List<Scored> scored = new java.util.ArrayList<>();
    String wanted = name.toUpperCase(java.util.Locale.ROOT);
    for (String candidate : candidates) {
      int distance = between(wanted, candidate);
      int limit = Math.max(2, Math.min(wanted.length(), candidate.length()) / 3);
      if (distance <= limit) {
        scored.add(new Scored(candidate, distance));
      }
    }
    scored.sort(java.util.Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
    java.util.List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < scored.size() && i < 3; i++) {
      names.add(scored.get(i).name());
    }
    return names;
  }

  static int between(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
