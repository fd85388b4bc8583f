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
 * Compares an access lock file with the lock a compilation computes and words each difference for a
 * reviewer: roles that gain or lose a method (with the grant path in the current matrix), new and
 * removed guarded methods, requirement changes, and roles of the matrix that gain or lose
 * permissions. A change is widening when it can let someone call what they could not before: a
 * gain, a new method or role, a method becoming unguarded, a type or method that still exists but
 * is no longer guarded, a requirement the old one does not imply, a check reading another argument,
 * a permission's added include, scope or other level, and any difference of a method's lines that
 * no other change words. Widening changes come first.
 */
final class LockDiff {
  /** One difference, worded; {@code widening} as the class comment defines it. */
  record Change(boolean widening, String text) {}

  /** The changes, widening first, and the types not compared (found only as class files). */
  record Result(List<Change> changes, List<String> notCompared) {}

  private final Optional<CompiledMatrix> matrix;
  private final Optional<GrantPaths> paths;
  private final Map<String, String> names;
  private final CompiledTypes compiled;
  private final List<Change> widening = new ArrayList<>();
  private final List<Change> other = new ArrayList<>();

  private LockDiff(
      Optional<CompiledMatrix> matrix, Map<String, String> names, CompiledTypes compiled) {
    this.matrix = matrix;
    this.paths = matrix.map(GrantPaths::new);
    this.names = names;
    this.compiled = compiled;
  }

  /**
   * Returns the changes from {@code locked} to {@code computed}, widening ones first; {@code names}
   * gives a method subject's operation as a reader names it (the lock writes erased binary names).
   * A locked type with no computed line is not compared when {@code compiled} finds it only as a
   * class file (a partial compilation); when it finds it in the sources, the type is no longer
   * guarded, which widens.
   */
  static Result compare(
      List<LockLine> locked,
      List<LockLine> computed,
      Optional<CompiledMatrix> matrix,
      Map<String, String> names,
      CompiledTypes compiled) {
    LockDiff diff = new LockDiff(matrix, names, compiled);
    Map<String, TreeSet<String>> before = group(locked);
    Map<String, TreeSet<String>> after = group(computed);
    TreeSet<String> typesAfter = new TreeSet<>();
    for (String subject : after.keySet()) {
      if (subject.startsWith(LockLine.CALL)) {
        typesAfter.add(typeOf(subject));
      }
    }
    TreeSet<String> unguarded = new TreeSet<>(LockLine.BYTE_ORDER);
    TreeSet<String> notCompared = new TreeSet<>(LockLine.BYTE_ORDER);
    for (String subject : before.keySet()) {
      String type = subject.startsWith(LockLine.CALL) ? typeOf(subject) : null;
      if (type == null || typesAfter.contains(type)) {
        continue;
      }
      switch (compiled.type(type)) {
        case SOURCE -> unguarded.add(type);
        case CLASS_FILE -> notCompared.add(type);
        case ABSENT -> {}
      }
    }
    for (String type : unguarded) {
      diff.add(true, type + " is no longer guarded: its methods are open to anyone");
    }
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
        String type = typeOf(subject);
        if (unguarded.contains(type) || notCompared.contains(type)) {
          continue;
        }
        int changes = diff.widening.size() + diff.other.size();
        diff.call(subject.substring(LockLine.CALL.length()), was, is);
        if (diff.widening.size() + diff.other.size() == changes) {
          diff.unworded(subject, was, is);
        }
      } else if (subject.startsWith(LockLine.PERMISSION)) {
        diff.permission(subject.substring(LockLine.PERMISSION.length()), was, is);
      } else {
        diff.role(subject.substring(LockLine.ROLE.length()), was, is);
      }
    }
    List<Change> all = new ArrayList<>(diff.widening);
    all.addAll(diff.other);
    return new Result(all, List.copyOf(notCompared));
  }

  /** Returns the type of a {@code call} subject. */
  private static String typeOf(String subject) {
    String rest = subject.substring(LockLine.CALL.length());
    return rest.substring(0, rest.indexOf(' '));
  }

  /**
   * A method whose lines differ where no worded change says how (a lock edited by hand, or a fact
   * no wording covers): one widening change with the raw lines, as any difference needs review.
   */
  private void unworded(String subject, TreeSet<String> was, TreeSet<String> is) {
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (String fact : is == null ? new TreeSet<String>() : is) {
      if (was == null || !was.contains(fact)) {
        added.add("\"" + subject + " " + fact + "\"");
      }
    }
    for (String fact : was == null ? new TreeSet<String>() : was) {
      if (is == null || !is.contains(fact)) {
        removed.add("\"" + subject + " " + fact + "\"");
      }
    }
    add(
        true,
        "the lock lines of "
            + shown(subject.substring(LockLine.CALL.length()))
            + " differ: added "
            + (added.isEmpty() ? "none" : String.join(", ", added))
            + "; removed "
            + (removed.isEmpty() ? "none" : String.join(", ", removed)));
  }

  private static Map<String, TreeSet<String>> group(List<LockLine> lines) {
    Map<String, TreeSet<String>> grouped = new TreeMap<>(LockLine.BYTE_ORDER);
    for (LockLine line : lines) {
      grouped
          .computeIfAbsent(line.subject(), s -> new TreeSet<>(LockLine.BYTE_ORDER))
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
      add(
          true,
          is.contains("unguarded")
              ? "new unguarded method " + shown + ": open to anyone, with or without a principal"
              : "new guarded method "
                  + shown
                  + " (needs "
                  + requirement(is)
                  + "): callable by "
                  + callers(is));
      return;
    }
    if (is == null && !was.contains("unguarded") && stillDeclared(method)) {
      add(
          true,
          shown
              + " is no longer guarded: open to anyone (it needed "
              + requirement(was)
              + ", callable by "
              + callers(was)
              + ")");
      return;
    }
    if (is == null) {
      add(
          false,
          "removed "
              + (was.contains("unguarded") ? "unguarded" : "guarded")
              + " method "
              + shown
              + (was.contains("unguarded")
                  ? ""
                  : " (it needed " + requirement(was) + ", callable by " + callers(was) + ")"));
      return;
    }
    if (is.contains("unguarded") != was.contains("unguarded")) {
      add(
          is.contains("unguarded"),
          is.contains("unguarded")
              ? shown
                  + " becomes unguarded: open to anyone, with or without a principal (it needed "
                  + requirement(was)
                  + ", callable by "
                  + callers(was)
                  + ")"
              : shown
                  + " becomes guarded: it needs "
                  + requirement(is)
                  + ", callable by "
                  + callers(is)
                  + " (it was unguarded)");
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
      add(
          !implies(now, then),
          "the requirement of "
              + shown
              + " changes from "
              + requirement(was)
              + " to "
              + requirement(is));
    }
    source(shown, "workspace", was, is);
    source(shown, "account", was, is);
    for (String caller : was) {
      if (isCaller(caller) && !is.contains(caller)) {
        add(
            false,
            caller.replace(" ", " role ")
                + " loses "
                + shown
                + " (it needs "
                + requirement(is)
                + ")");
      }
    }
  }

  /** Returns whether the type of {@code method} (a subject without {@code call }) declares it. */
  private boolean stillDeclared(String method) {
    int space = method.indexOf(' ');
    String operation = method.substring(space + 1, method.indexOf('('));
    String name = operation.substring(operation.lastIndexOf('.') + 1);
    return compiled.hasMethod(method.substring(0, space), name);
  }

  /** Words a change of where the check reads the workspace or the account: always widening. */
  private void source(String shown, String what, TreeSet<String> was, TreeSet<String> is) {
    String then = fact(was, what + "-from ");
    String now = fact(is, what + "-from ");
    if (!then.equals(now)) {
      add(
          true,
          shown + " now checks the " + what + " of " + source(now) + " instead of " + source(then));
    }
  }

  private static String fact(TreeSet<String> facts, String prefix) {
    for (String fact : facts) {
      if (fact.startsWith(prefix)) {
        return fact.substring(prefix.length());
      }
    }
    return "";
  }

  /**
   * Returns a lock source as words: {@code parameter 0 (from)} as "parameter from", a carrier as
   * "parameter ref's DeploymentRef.workspace()", "the bound one", "nothing", an account read from
   * the workspace as "the workspace of parameter from".
   */
  private static String source(String fact) {
    List<String> words = List.of(fact.split(" "));
    return switch (words.get(0)) {
      case "parameter" -> words.size() >= 3 ? "parameter " + unwrap(words.get(2)) : fact;
      case "carrier" ->
          words.size() >= 4
              ? "parameter " + unwrap(words.get(2)) + "'s " + accessor(words.get(3))
              : fact;
      case "bound" -> "the bound one";
      case "none" -> "nothing";
      case "workspace" ->
          "the workspace of " + source(String.join(" ", words.subList(1, words.size())));
      case "" -> "nothing in the lock";
      default -> fact;
    };
  }

  /** Returns {@code test.DeploymentRef.workspace()} as {@code DeploymentRef.workspace()}. */
  private static String accessor(String accessor) {
    int dot = accessor.lastIndexOf('.');
    return dot < 0 ? accessor : simple(accessor.substring(0, dot)) + accessor.substring(dot);
  }

  private static String unwrap(String name) {
    return name.startsWith("(") && name.endsWith(")") ? name.substring(1, name.length() - 1) : name;
  }

  /** Words a permission's changed level, includes or scope; an added include or scope widens. */
  private void permission(String name, TreeSet<String> was, TreeSet<String> is) {
    if (was == null) {
      add(false, "new permission " + name + " (" + String.join(", ", is) + ")");
      return;
    }
    if (is == null) {
      add(false, "permission " + name + " is removed");
      return;
    }
    String levelThen = fact(was, "level ");
    String levelNow = fact(is, "level ");
    if (!levelThen.equals(levelNow)) {
      add(true, "permission " + name + " changes from " + levelThen + " to " + levelNow + " level");
    }
    String scopeThen = fact(was, "scope ");
    String scopeNow = fact(is, "scope ");
    if (!scopeThen.equals(scopeNow)) {
      add(
          !scopeNow.isEmpty(),
          scopeNow.isEmpty()
              ? "permission " + name + " loses its scope " + scopeThen
              : "permission "
                  + name
                  + " maps scope "
                  + scopeNow
                  + (scopeThen.isEmpty() ? " (it had none)" : " instead of " + scopeThen)
                  + ": custom roles holding that scope gain it");
    }
    for (String fact : is) {
      if (fact.startsWith("includes ") && !was.contains(fact)) {
        add(
            true,
            "permission "
                + name
                + " includes "
                + fact.substring("includes ".length())
                + ": every role and custom role holding "
                + name
                + " gains it");
      }
    }
    for (String fact : was) {
      if (fact.startsWith("includes ") && !is.contains(fact)) {
        add(
            false,
            "permission " + name + " no longer includes " + fact.substring("includes ".length()));
      }
    }
  }

  private String gains(String caller, String shown, String requirement) {
    String[] words = caller.split(" ");
    List<String> required = requirementWords(requirement);
    Optional<String> why =
        paths.flatMap(
            p ->
                p.passes(
                    words[0].equals("account") ? Level.ACCOUNT : Level.WORKSPACE,
                    words[1],
                    requirement.startsWith("requires anyOf"),
                    required));
    return words[0]
        + " role "
        + words[1]
        + " gains "
        + shown
        + " (needs "
        + requirement(requirement)
        + why.map(path -> ": " + path).orElse("")
        + ")";
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
      String holds =
          details.isEmpty() ? "holding no permission" : "holding " + String.join(", ", details);
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
      Optional<String> why =
          paths.flatMap(
              p ->
                  p.role(words[0].equals("account") ? Level.ACCOUNT : Level.WORKSPACE, words[1])
                      .flatMap(
                          row ->
                              matrix
                                  .flatMap(m -> m.permission(permission))
                                  .flatMap(granted -> p.held(row, granted))));
      return shown + " gains " + permission + why.map(path -> " (" + path + ")").orElse("");
    }
    if (fact.startsWith("everywhere ")) {
      String workspace = fact.substring("everywhere ".length());
      return gained
          ? shown + " holds workspace role " + workspace + " everywhere"
          : shown + " no longer holds workspace role " + workspace + " everywhere";
    }
    return gained
        ? shown + " becomes the default account role"
        : shown + " is no longer the default account role";
  }

  private static String extras(TreeSet<String> facts) {
    StringBuilder out = new StringBuilder();
    for (String fact : facts) {
      if (fact.startsWith("everywhere ")) {
        out.append(", workspace role ")
            .append(fact.substring("everywhere ".length()))
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
   * Returns whether every caller that passes requirement {@code now} passes {@code then}, both lock
   * facts: each way of passing {@code now} (its one clause for allOf, each permission for anyOf)
   * holds, with what those permissions include, a whole clause of {@code then}.
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
        passes |=
            needed.stream()
                .allMatch(
                    name ->
                        m.permission(name)
                            .map(permission -> held.get(m.indexOf(permission)))
                            .orElse(false));
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
   * Returns the method as a reader names it: its operation ("Things.view(String)"), followed by the
   * guarded type when that declares it under another name (a class guard's inherited method).
   */
  private String shown(String method) {
    int space = method.indexOf(' ');
    String type = method.substring(0, space);
    String operation = names.getOrDefault(method, readable(method.substring(space + 1)));
    int dot = operation.lastIndexOf('.', operation.indexOf('('));
    if (dot < 0) {
      return operation + " of " + type;
    }
    String declaring = operation.substring(0, dot);
    boolean own = type.equals(declaring) || type.endsWith("." + declaring);
    return own ? operation : operation + " of " + type;
  }

  /**
   * Returns an operation of the lock as a reader names it, erased binary names made simple: {@code
   * Things.edit(java.util.UUID, test.Outer$Inner)} as {@code Things.edit(UUID, Outer.Inner)}.
   */
  private static String readable(String operation) {
    int open = operation.indexOf('(');
    String parameters = operation.substring(open + 1, operation.length() - 1);
    if (parameters.isEmpty()) {
      return operation;
    }
    List<String> simple = new ArrayList<>();
    for (String parameter : parameters.split(", ")) {
      simple.add(simple(parameter));
    }
    return operation.substring(0, open + 1) + String.join(", ", simple) + ")";
  }

  /** Returns {@code a.b.Outer$Inner[]} as {@code Outer.Inner[]}. */
  private static String simple(String binary) {
    return binary.substring(binary.lastIndexOf('.') + 1).replace('$', '.');
  }
}
