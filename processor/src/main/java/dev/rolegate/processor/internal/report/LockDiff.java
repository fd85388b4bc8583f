package dev.rolegate.processor.internal.report;

import dev.rolegate.processor.internal.matrix.CompiledMatrix;
import dev.rolegate.processor.internal.matrix.Level;
import dev.rolegate.processor.internal.matrix.PermissionRow;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares an access lock file with the lock a compilation computes and words each difference
 * for a reviewer: roles that gain or lose a method (with the grant path in the current matrix),
 * new and removed guarded methods, requirement changes, and roles of the matrix that gain or lose
 * permissions. A change is widening when it can let someone call what they could not before: a
 * gain, a new method or role, a method becoming unguarded, a requirement the old one does not
 * imply. Widening changes come first.
 */
final class LockDiff {
  /** One difference, worded; {@code widening} as the class comment defines it. */
  record Change(boolean widening, String text) {}

  private final Optional<CompiledMatrix> matrix;
  private final Optional<GrantPaths> paths;
  private final List<Change> widening = new ArrayList<>();
  private final List<Change> other = new ArrayList<>();

  private LockDiff(Optional<CompiledMatrix> matrix) {
    this.matrix = matrix;
    this.paths = matrix.map(GrantPaths::new);
  }

  /** Returns the changes from {@code locked} to {@code computed}, widening ones first. */
  static List<Change> compare(
      List<LockLine> locked, List<LockLine> computed, Optional<CompiledMatrix> matrix) {
    LockDiff diff = new LockDiff(matrix);
    Map<String, TreeSet<String>> before = group(locked);
    Map<String, TreeSet<String>> after = group(computed);
    TreeSet<String> subjects = new TreeSet<>(LockLine.BYTE_ORDER);
    subjects.addAll(before.keySet());
    subjects.addAll(after.keySet());
    for (String subject : subjects) {
      TreeSet<String> was = before.get(subject);
      TreeSet<String> is = after.get(subject);
      if (was != null && was.equals(is)) {
        continue;
      }
      if (subject.startsWith(LockLine.CALL)) {
        diff.call(subject.substring(LockLine.CALL.length()), was, is);
      } else {
        diff.role(subject.substring(LockLine.ROLE.length()), was, is);
      }
    }
    List<Change> all = new ArrayList<>(diff.widening);
    all.addAll(diff.other);
    return all;
  }

  private static Map<String, TreeSet<String>> group(List<LockLine> lines) {
    Map<String, TreeSet<String>> grouped = new TreeMap<>(LockLine.BYTE_ORDER);
    for (LockLine line : lines) {
      grouped.computeIfAbsent(line.subject(), s -> new TreeSet<>(LockLine.BYTE_ORDER))
          .add(line.fact());
    }
    return grouped;
  }

  private void add(boolean widens, String text) {
    (widens ? widening : other).add(new Change(widens, text));
  }

  private void call(String method, TreeSet<String> was, TreeSet<String> is) {
    String shown = shown(method);
    if (was == null) {
      add(true, is.contains("unguarded")
          ? "new unguarded method " + shown + ": open to anyone, with or without a principal"
          : "new guarded method " + shown + " (needs " + requirement(is) + "): callable by "
              + callers(is));
      return;
    }
    if (is == null) {
      add(false, "removed " + (was.contains("unguarded") ? "unguarded" : "guarded") + " method "
          + shown + (was.contains("unguarded") ? "" : " (it needed " + requirement(was)
          + ", callable by " + callers(was) + ")"));
      return;
    }
    if (is.contains("unguarded") != was.contains("unguarded")) {
      add(is.contains("unguarded"), is.contains("unguarded")
          ? shown + " becomes unguarded: open to anyone, with or without a principal (it needed "
              + requirement(was) + ", callable by " + callers(was) + ")"
          : shown + " becomes guarded: it needs " + requirement(is) + ", callable by "
              + callers(is) + " (it was unguarded)");
      return;
    }
    String now = requirementFact(is);
    for (String caller : is) {
      if (isCaller(caller) && !was.contains(caller)) {
        add(true, gains(caller, shown, now));
      }
    }
    String then = requirementFact(was);
    if (!then.equals(now)) {
      add(!implies(now, then), "the requirement of " + shown + " changes from "
          + requirement(was) + " to " + requirement(is));
    }
    for (String caller : was) {
      if (isCaller(caller) && !is.contains(caller)) {
        add(false, caller.replace(" ", " role ") + " loses " + shown + " (it needs "
            + requirement(is) + ")");
      }
    }
  }

  private String gains(String caller, String shown, String requirement) {
    String[] words = caller.split(" ");
    List<String> required = requirementWords(requirement);
    Optional<String> why = paths.flatMap(p -> p.passes(
        words[0].equals("account") ? Level.ACCOUNT : Level.WORKSPACE, words[1],
        requirement.startsWith("requires anyOf"), required));
    return words[0] + " role " + words[1] + " gains " + shown + " (needs "
        + requirement(requirement) + why.map(path -> ": " + path).orElse("") + ")";
  }

  private void role(String role, TreeSet<String> was, TreeSet<String> is) {
    String shown = role.replaceFirst(" ", " role ");
    if (was == null) {
      List<String> details = new ArrayList<>();
      for (String fact : is) {
        if (fact.startsWith("holds ")) {
          details.add(fact.substring("holds ".length()));
        }
      }
      String holds = details.isEmpty() ? "holding no permission"
          : "holding " + String.join(", ", details);
      add(true, "new " + shown + ", " + holds + extras(is));
      return;
    }
    if (is == null) {
      add(false, shown + " is removed (it held " + held(was) + ")");
      return;
    }
    for (String fact : is) {
      if (!was.contains(fact) && !fact.isEmpty()) {
        add(true, roleFact(shown, role, fact, true));
      }
    }
    for (String fact : was) {
      if (!is.contains(fact) && !fact.isEmpty()) {
        add(false, roleFact(shown, role, fact, false));
      }
    }
  }

  private String roleFact(String shown, String role, String fact, boolean gained) {
    if (fact.startsWith("holds ")) {
      String permission = fact.substring("holds ".length());
      if (!gained) {
        return shown + " loses " + permission;
      }
      String[] words = role.split(" ");
      Optional<String> why = paths.flatMap(p -> p.role(
              words[0].equals("account") ? Level.ACCOUNT : Level.WORKSPACE, words[1])
          .flatMap(row -> matrix.flatMap(m -> m.permission(permission))
              .flatMap(granted -> p.held(row, granted))));
      return shown + " gains " + permission + why.map(path -> " (" + path + ")").orElse("");
    }
    if (fact.startsWith("everywhere ")) {
      String workspace = fact.substring("everywhere ".length());
      return gained ? shown + " holds workspace role " + workspace + " everywhere"
          : shown + " no longer holds workspace role " + workspace + " everywhere";
    }
    return gained ? shown + " becomes the default account role"
        : shown + " is no longer the default account role";
  }

  private static String extras(TreeSet<String> facts) {
    StringBuilder out = new StringBuilder();
    for (String fact : facts) {
      if (fact.startsWith("everywhere ")) {
        out.append(", workspace role ").append(fact.substring("everywhere ".length()))
            .append(" everywhere");
      } else if (fact.equals("default")) {
        out.append(", the default account role");
      }
    }
    return out.toString();
  }

  private static String held(TreeSet<String> facts) {
    List<String> held = new ArrayList<>();
    for (String fact : facts) {
      if (fact.startsWith("holds ")) {
        held.add(fact.substring("holds ".length()));
      }
    }
    return held.isEmpty() ? "no permission" : String.join(", ", held);
  }

  private static boolean isCaller(String fact) {
    return fact.startsWith("workspace ") || fact.startsWith("account ");
  }

  private static String requirementFact(TreeSet<String> facts) {
    for (String fact : facts) {
      if (fact.startsWith("requires ") || fact.equals("unguarded")) {
        return fact;
      }
    }
    return "";
  }

  private static List<String> requirementWords(String fact) {
    List<String> words = List.of(fact.split(" "));
    return words.size() < 3 ? List.of() : words.subList(2, words.size());
  }

  /** Returns the requirement among {@code facts} as words: "X", "all of X, Y", "one of X, Y". */
  private static String requirement(TreeSet<String> facts) {
    return requirement(requirementFact(facts));
  }

  private static String requirement(String fact) {
    if (fact.equals("unguarded")) {
      return "nothing (unguarded)";
    }
    List<String> permissions = requirementWords(fact);
    if (permissions.isEmpty()) {
      return "no requirement in the lock";
    }
    if (permissions.size() == 1) {
      return permissions.get(0);
    }
    return (fact.startsWith("requires anyOf") ? "one of " : "all of ")
        + String.join(", ", permissions);
  }

  /** Returns "workspace EDITOR, OWNER; account ADMIN", or "no role". */
  private static String callers(TreeSet<String> facts) {
    List<String> workspace = new ArrayList<>();
    List<String> account = new ArrayList<>();
    for (String fact : facts) {
      if (fact.startsWith("workspace ")) {
        workspace.add(fact.substring("workspace ".length()));
      } else if (fact.startsWith("account ")) {
        account.add(fact.substring("account ".length()));
      }
    }
    List<String> parts = new ArrayList<>();
    if (!workspace.isEmpty()) {
      parts.add("workspace " + String.join(", ", workspace));
    }
    if (!account.isEmpty()) {
      parts.add("account " + String.join(", ", account));
    }
    return parts.isEmpty() ? "no role" : String.join("; ", parts);
  }

  /**
   * Returns whether every caller that passes requirement {@code now} passes {@code then}, both
   * lock facts: each way of passing {@code now} (its one clause for allOf, each permission for
   * anyOf) holds, with what those permissions include, a whole clause of {@code then}.
   */
  private boolean implies(String now, String then) {
    if (matrix.isEmpty() || now.isEmpty() || then.isEmpty() || now.equals("unguarded")) {
      return false;
    }
    CompiledMatrix m = matrix.get();
    for (List<String> clause : clauses(now)) {
      BitSet held = new BitSet();
      for (String name : clause) {
        Optional<PermissionRow> permission = m.permission(name);
        if (permission.isEmpty()) {
          return false;
        }
        held.or(m.implied(permission.get()));
      }
      boolean passes = false;
      for (List<String> needed : clauses(then)) {
        passes |= needed.stream().allMatch(name -> m.permission(name)
            .map(permission -> held.get(m.indexOf(permission))).orElse(false));
      }
      if (!passes) {
        return false;
      }
    }
    return true;
  }

  private static List<List<String>> clauses(String fact) {
    List<String> permissions = requirementWords(fact);
    if (fact.startsWith("requires anyOf")) {
      return permissions.stream().map(List::of).toList();
    }
    return List.of(permissions);
  }

  /**
   * Returns the method as a reader names it: its operation ("Things.view(String)"), followed by
   * the guarded type when that declares it under another name (a class guard's inherited method).
   */
  private static String shown(String method) {
    int space = method.indexOf(' ');
    String type = method.substring(0, space);
    String operation = method.substring(space + 1);
    int dot = operation.lastIndexOf('.', operation.indexOf('('));
    if (dot < 0) {
      return operation + " of " + type;
    }
    String declaring = operation.substring(0, dot);
    boolean own = type.equals(declaring) || type.endsWith("." + declaring);
    return own ? operation : operation + " of " + type;
  }
}
