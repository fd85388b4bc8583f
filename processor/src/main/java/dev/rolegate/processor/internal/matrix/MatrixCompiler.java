package dev.rolegate.processor.internal.matrix;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Validates a parsed matrix (duplicates, unknown names, levels, cycles) and computes the closure.
 * Every problem is collected; the matrix compiles only when there is none.
 */
public final class MatrixCompiler {
  /** How many steps a cycle message shows at each end of a loop longer than twice as many. */
  private static final int CYCLE_ENDS = 50;

  private final MatrixDocument document;
  private final List<MatrixProblem> problems = new ArrayList<>();
  private final Map<String, PermissionRow> permissions = new LinkedHashMap<>();
  private final Map<String, RoleRow> workspaceRoles = new LinkedHashMap<>();
  private final Map<String, RoleRow> accountRoles = new LinkedHashMap<>();
  private final java.util.Set<String> rejected;

  private MatrixCompiler(MatrixDocument document, java.util.Set<String> rejected) {
    this.document = document;
    this.rejected = rejected;
  }

  /**
   * The outcome: a compiled matrix, or the problems that stop it, sorted by line; and {@code
   * named}, the rows whose name and level parsed (see {@link MatrixParser.Result}), from which a
   * matrix with problems still gets its constants classes.
   */
  public record Result(
      Optional<CompiledMatrix> matrix, List<MatrixProblem> problems, MatrixDocument named) {}

  /** Decodes {@code bytes} as UTF-8, then parses, validates and closes the matrix. */
  public static Result compile(String sourceName, byte[] bytes) {
    MatrixText.Decoded decoded = MatrixText.decode(bytes);
    if (decoded.text() == null) {
      return new Result(
          Optional.empty(),
          List.of(decoded.problem()),
          new MatrixDocument(sourceName, sourceName, List.of(), List.of()));
    }
    return compile(sourceName, decoded.text());
  }

  /** Parses, validates and closes the matrix in {@code text}. */
  public static Result compile(String sourceName, String text) {
    MatrixParser.Result parsed = MatrixParser.parse(sourceName, text);
    MatrixCompiler compiler = new MatrixCompiler(parsed.document(), parsed.rejected());
    compiler.problems.addAll(parsed.problems());
    compiler.index();
    compiler.checkReferences();
    if (compiler.problems.isEmpty()) {
      compiler.checkCycles();
    }
    MatrixLimits.checkCount(parsed.document().permissions()).ifPresent(compiler.problems::add);
    if (compiler.problems.isEmpty()) {
      CompiledMatrix matrix = compiler.close(text);
      MatrixLimits.checkConstants(matrix).ifPresent(compiler.problems::add);
      if (compiler.problems.isEmpty()) {
        return new Result(Optional.of(matrix), List.of(), parsed.named());
      }
    }
    List<MatrixProblem> problems = new ArrayList<>(compiler.problems);
    problems.sort(Comparator.comparingInt(MatrixProblem::line));
    return new Result(Optional.empty(), List.copyOf(problems), parsed.named());
  }

  private void index() {
    for (PermissionRow row : document.permissions()) {
      PermissionRow earlier = permissions.putIfAbsent(row.name(), row);
      if (earlier != null) {
        problem(Diagnostic.MATRIX_DUPLICATE_PERMISSION, row.line(), row.name(), earlier.line());
      }
    }
    RoleRow defaultRole = null;
    for (RoleRow row : document.roles()) {
      Map<String, RoleRow> roles = row.level() == Level.WORKSPACE ? workspaceRoles : accountRoles;
      RoleRow earlier = roles.putIfAbsent(row.name(), row);
      if (earlier != null) {
        problem(
            Diagnostic.MATRIX_DUPLICATE_ROLE,
            row.line(),
            row.level().word(),
            row.name(),
            earlier.line());
      }
      if (row.isDefault()) {
        if (defaultRole != null) {
          problem(
              Diagnostic.MATRIX_DUPLICATE_DEFAULT,
              row.line(),
              row.name(),
              defaultRole.name(),
              defaultRole.line());
        }
        defaultRole = row;
      }
    }
  }

  private void checkReferences() {
    for (PermissionRow row : document.permissions()) {
      for (String include : row.includes()) {
        PermissionRow target = permissions.get(include);
        if (target == null) {
          unknown(
              Diagnostic.MATRIX_UNKNOWN_INCLUDE,
              Diagnostic.MATRIX_UNKNOWN_INCLUDE_NO_CLOSE_NAME,
              row.line(),
              row.name(),
              include,
              permissions.keySet());
        } else if (target.level() != row.level()) {
          problem(
              Diagnostic.MATRIX_INCLUDE_LEVEL,
              row.line(),
              row.level().word(),
              row.name(),
              target.level().word(),
              include);
        }
      }
    }
    for (RoleRow row : document.roles()) {
      checkRole(row);
    }
  }

  private void checkRole(RoleRow row) {
    for (String grant : row.grants()) {
      PermissionRow target = permissions.get(grant);
      if (target == null) {
        unknown(
            Diagnostic.MATRIX_UNKNOWN_GRANT,
            Diagnostic.MATRIX_UNKNOWN_GRANT_NO_CLOSE_NAME,
            row.line(),
            row.name(),
            grant,
            permissions.keySet());
      } else if (target.level() != row.level()) {
        problem(
            row.level() == Level.WORKSPACE
                ? Diagnostic.MATRIX_WORKSPACE_ROLE_GRANTS_ACCOUNT_PERMISSION
                : Diagnostic.MATRIX_ACCOUNT_ROLE_GRANTS_WORKSPACE_PERMISSION,
            row.line(),
            row.name(),
            grant);
      }
    }
    Map<String, RoleRow> sameLevel = row.level() == Level.WORKSPACE ? workspaceRoles : accountRoles;
    Map<String, RoleRow> otherLevel =
        row.level() == Level.WORKSPACE ? accountRoles : workspaceRoles;
    if (!row.inherits().isEmpty() && !sameLevel.containsKey(row.inherits())) {
      if (otherLevel.containsKey(row.inherits())) {
        problem(
            row.level() == Level.WORKSPACE
                ? Diagnostic.MATRIX_WORKSPACE_ROLE_INHERITS_ACCOUNT_ROLE
                : Diagnostic.MATRIX_ACCOUNT_ROLE_INHERITS_WORKSPACE_ROLE,
            row.line(),
            row.name(),
            row.inherits());
      } else {
        unknown(
            Diagnostic.MATRIX_UNKNOWN_INHERITED,
            Diagnostic.MATRIX_UNKNOWN_INHERITED_NO_CLOSE_NAME,
            row.line(),
            row.name(),
            row.inherits(),
            sameLevel.keySet());
      }
    }
    if (!row.everywhere().isEmpty()) {
      if (row.level() == Level.WORKSPACE) {
        problem(
            Diagnostic.MATRIX_EVERYWHERE_ON_WORKSPACE_ROLE,
            row.line(),
            row.name(),
            row.everywhere());
      } else if (!workspaceRoles.containsKey(row.everywhere())) {
        unknown(
            Diagnostic.MATRIX_UNKNOWN_EVERYWHERE,
            Diagnostic.MATRIX_UNKNOWN_EVERYWHERE_NO_CLOSE_NAME,
            row.line(),
            row.name(),
            row.everywhere(),
            workspaceRoles.keySet());
      }
    }
  }

  private void checkCycles() {
    cycles(
        document.permissions(),
        PermissionRow::name,
        PermissionRow::line,
        row -> row.includes(),
        permissions::get,
        "includes");
    for (Level level : Level.values()) {
      Map<String, RoleRow> roles = level == Level.WORKSPACE ? workspaceRoles : accountRoles;
      cycles(
          List.copyOf(roles.values()),
          RoleRow::name,
          RoleRow::line,
          row -> row.inherits().isEmpty() ? List.of() : List.of(row.inherits()),
          roles::get,
          "inherits");
    }
  }

  /**
   * Reports each loop of {@code edges} once, with its whole path. Iterative, with an explicit
   * stack: an includes chain thousands of rows long would overflow the thread's stack otherwise.
   */
  private <T> void cycles(
      List<T> rows,
      Function<T, String> name,
      Function<T, Integer> line,
      Function<T, List<String>> edges,
      Function<String, T> lookup,
      String verb) {
    Map<T, Boolean> done = new HashMap<>();
    for (T root : rows) {
      if (done.containsKey(root)) {
        continue;
      }
      List<T> path = new ArrayList<>();
      List<Integer> next = new ArrayList<>();
      done.put(root, false);
      path.add(root);
      next.add(0);
      while (!path.isEmpty()) {
        int top = path.size() - 1;
        T row = path.get(top);
        List<String> out = edges.apply(row);
        int edge = next.get(top);
        if (edge == out.size()) {
          done.put(row, true);
          path.remove(top);
          next.remove(top);
          continue;
        }
        next.set(top, edge + 1);
        T target = lookup.apply(out.get(edge));
        Boolean finished = done.get(target);
        if (finished == null) {
          done.put(target, false);
          path.add(target);
          next.add(0);
        } else if (!finished) {
          reportCycle(path.subList(path.indexOf(target), path.size()), target, name, line, verb);
        }
      }
    }
  }

  private <T> void reportCycle(
      List<T> cycle, T target, Function<T, String> name, Function<T, Integer> line, String verb) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < cycle.size(); i++) {
      // A loop through thousands of rows would make a message of hundreds of kilobytes.
      if (cycle.size() > 2 * CYCLE_ENDS && i == CYCLE_ENDS) {
        text.append(String.format("... (%,d more) ... ", cycle.size() - 2 * CYCLE_ENDS));
        i = cycle.size() - CYCLE_ENDS;
      }
      T step = cycle.get(i);
      text.append(name.apply(step))
          .append(" (line ")
          .append(line.apply(step))
          .append(") ")
          .append(verb)
          .append(' ');
    }
    text.append(name.apply(target));
    problem(Diagnostic.MATRIX_CYCLE, line.apply(target), text.toString(), verb);
  }

  private CompiledMatrix close(String text) {
    List<PermissionRow> rows = document.permissions();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      index.put(rows.get(i).name(), i);
    }
    List<BitSet> implied = implied(rows, index);
    Map<RoleRow, BitSet> closures = new LinkedHashMap<>();
    for (RoleRow role : document.roles()) {
      closures.put(role, roleClosure(role, implied, index));
    }
    return new CompiledMatrix(document, text, implied, closures);
  }

  /**
   * Returns what each permission implies, itself included, in file order. The includes relation has
   * no loop here, so each permission's set is its own bit and the sets of what it includes,
   * computed first; an explicit stack keeps a long includes chain off the thread's stack.
   */
  private List<BitSet> implied(List<PermissionRow> rows, Map<String, Integer> index) {
    BitSet[] sets = new BitSet[rows.size()];
    for (int root = 0; root < rows.size(); root++) {
      List<Integer> stack = new ArrayList<>(List.of(root));
      while (!stack.isEmpty()) {
        int i = stack.get(stack.size() - 1);
        if (sets[i] != null) {
          stack.remove(stack.size() - 1);
          continue;
        }
        boolean ready = true;
        for (String include : rows.get(i).includes()) {
          int j = index.get(include);
          if (sets[j] == null) {
            stack.add(j);
            ready = false;
          }
        }
        if (ready) {
          BitSet set = new BitSet();
          set.set(i);
          for (String include : rows.get(i).includes()) {
            set.or(sets[index.get(include)]);
          }
          sets[i] = set;
          stack.remove(stack.size() - 1);
        }
      }
    }
    return List.of(sets);
  }

  private BitSet roleClosure(RoleRow role, List<BitSet> implied, Map<String, Integer> index) {
    BitSet bits = new BitSet();
    for (RoleRow r = role; r != null; r = r.inherits().isEmpty() ? null : roleOf(r)) {
      for (String grant : r.grants()) {
        bits.or(implied.get(index.get(grant)));
      }
    }
    return bits;
  }

  private RoleRow roleOf(RoleRow child) {
    return (child.level() == Level.WORKSPACE ? workspaceRoles : accountRoles).get(child.inherits());
  }

  /**
   * Reports that {@code subject}'s row names {@code name}, which is not among {@code known}: as
   * {@code close} with the closest known names, or as {@code noCloseName} when none is close.
   */
  private void unknown(
      Diagnostic close,
      Diagnostic noCloseName,
      int line,
      String subject,
      String name,
      java.util.Collection<String> known) {
    if (rejected.contains(name)) {
      return; // its row did not parse, which is reported already
    }
    List<String> closest = EditDistance.closest(name, known);
    if (closest.isEmpty()) {
      problem(noCloseName, line, subject, name);
    } else {
      problem(close, line, subject, name, String.join(" or ", closest));
    }
  }

  private void problem(Diagnostic diagnostic, int line, Object... arguments) {
    problems.add(MatrixProblem.of(diagnostic, line, arguments));
  }
}
