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

  /** The outcome: a compiled matrix, or the problems that stop it, sorted by line. */
  public record Result(Optional<CompiledMatrix> matrix, List<MatrixProblem> problems) {}

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
    List<MatrixProblem> problems = new ArrayList<>(compiler.problems);
    problems.sort(Comparator.comparingInt(MatrixProblem::line));
    if (!problems.isEmpty()) {
      return new Result(Optional.empty(), List.copyOf(problems));
    }
    return new Result(Optional.of(compiler.close(text)), List.of());
  }

  private void index() {
    for (PermissionRow row : document.permissions()) {
      PermissionRow earlier = permissions.putIfAbsent(row.name(), row);
      if (earlier != null) {
        problem(Diagnostic.MATRIX_DUPLICATE, row.line(), "permission " + row.name()
            + " is already defined on line " + earlier.line() + "; give each permission one row");
      }
    }
    RoleRow defaultRole = null;
    for (RoleRow row : document.roles()) {
      Map<String, RoleRow> roles = row.level() == Level.WORKSPACE ? workspaceRoles : accountRoles;
      RoleRow earlier = roles.putIfAbsent(row.name(), row);
      if (earlier != null) {
        problem(Diagnostic.MATRIX_DUPLICATE, row.line(), row.level().word() + " role " + row.name()
            + " is already defined on line " + earlier.line() + "; give each role one row");
      }
      if (row.isDefault()) {
        if (defaultRole != null) {
          problem(Diagnostic.MATRIX_DUPLICATE, row.line(), "account role " + row.name()
              + " is marked (default), but " + defaultRole.name() + " on line " + defaultRole.line()
              + " already is; mark one account role as the default");
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
          unknown(row.line(), include, "permission " + row.name() + " includes " + include,
              permissions.keySet());
        } else if (target.level() != row.level()) {
          mismatch(row.line(), row.level().word() + " permission " + row.name() + " includes "
              + target.level().word() + " permission " + include + "; a permission can only include"
              + " permissions of its own level");
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
        unknown(row.line(), grant, "role " + row.name() + " grants " + grant, permissions.keySet());
      } else if (target.level() != row.level()) {
        mismatch(row.line(), row.level().word() + " role " + row.name() + " grants "
            + target.level().word() + " permission " + grant + "; grant it to "
            + target.level().withArticle() + " role instead");
      }
    }
    Map<String, RoleRow> sameLevel = row.level() == Level.WORKSPACE ? workspaceRoles : accountRoles;
    Map<String, RoleRow> otherLevel = row.level() == Level.WORKSPACE ? accountRoles : workspaceRoles;
    if (!row.inherits().isEmpty() && !sameLevel.containsKey(row.inherits())) {
      if (otherLevel.containsKey(row.inherits())) {
        mismatch(row.line(), row.level().word() + " role " + row.name() + " inherits "
            + row.inherits() + ", which is only "
            + otherLevel.get(row.inherits()).level().withArticle() + " role; a role inherits from a role of its own level");
      } else {
        unknown(row.line(), row.inherits(), "role " + row.name() + " inherits " + row.inherits(),
            sameLevel.keySet());
      }
    }
    if (!row.everywhere().isEmpty()) {
      if (row.level() == Level.WORKSPACE) {
        mismatch(row.line(), "workspace role " + row.name() + " names a workspace role everywhere ("
            + row.everywhere() + "); only account roles hold a workspace role everywhere");
      } else if (!workspaceRoles.containsKey(row.everywhere())) {
        unknown(row.line(), row.everywhere(), "account role " + row.name() + " holds workspace role "
            + row.everywhere() + " everywhere", workspaceRoles.keySet());
      }
    }
  }

  private void checkCycles() {
    cycles(document.permissions(), PermissionRow::name, PermissionRow::line,
        row -> row.includes(), permissions::get, "includes");
    for (Level level : Level.values()) {
      Map<String, RoleRow> roles = level == Level.WORKSPACE ? workspaceRoles : accountRoles;
      cycles(List.copyOf(roles.values()), RoleRow::name, RoleRow::line,
          row -> row.inherits().isEmpty() ? List.of() : List.of(row.inherits()), roles::get, "inherits");
    }
  }

  private <T> void cycles(List<T> rows, Function<T, String> name, Function<T, Integer> line,
      Function<T, List<String>> edges, Function<String, T> lookup, String verb) {
    Map<T, Integer> state = new HashMap<>();
    for (T row : rows) {
      List<T> path = new ArrayList<>();
      visit(row, state, path, name, line, edges, lookup, verb);
    }
  }

  private <T> void visit(T row, Map<T, Integer> state, List<T> path, Function<T, String> name,
      Function<T, Integer> line, Function<T, List<String>> edges, Function<String, T> lookup,
      String verb) {
    Integer seen = state.get(row);
    if (seen != null && seen == 2) {
      return;
    }
    if (seen != null) {
      List<T> cycle = path.subList(path.indexOf(row), path.size());
      StringBuilder text = new StringBuilder();
      for (T step : cycle) {
        text.append(name.apply(step)).append(" (line ").append(line.apply(step)).append(") ")
            .append(verb).append(' ');
      }
      text.append(name.apply(row));
      problem(Diagnostic.MATRIX_CYCLE, line.apply(row), "cycle: " + text
          + "; remove one of these " + verb + " so the relation has no loop");
      return;
    }
    state.put(row, 1);
    path.add(row);
    for (String edge : edges.apply(row)) {
      visit(lookup.apply(edge), state, path, name, line, edges, lookup, verb);
    }
    path.remove(path.size() - 1);
    state.put(row, 2);
  }

  private CompiledMatrix close(String text) {
    List<PermissionRow> rows = document.permissions();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      index.put(rows.get(i).name(), i);
    }
    List<BitSet> implied = new ArrayList<>();
    for (PermissionRow row : rows) {
      implied.add(implied(row, index, new BitSet()));
    }
    Map<RoleRow, BitSet> closures = new LinkedHashMap<>();
    for (RoleRow role : document.roles()) {
      closures.put(role, roleClosure(role, implied, index));
    }
    return new CompiledMatrix(document, text, implied, closures);
  }

  private BitSet implied(PermissionRow row, Map<String, Integer> index, BitSet into) {
    int i = index.get(row.name());
    if (!into.get(i)) {
      into.set(i);
      for (String include : row.includes()) {
        implied(permissions.get(include), index, into);
      }
    }
    return into;
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

  private void unknown(int line, String name, String what, java.util.Collection<String> known) {
    if (rejected.contains(name)) {
      return; // its row did not parse, which is reported already
    }
    List<String> closest = EditDistance.closest(name, known);
    String fix = closest.isEmpty()
        ? "Define it in its table, or name one that is defined"
        : "Did you mean " + String.join(" or ", closest) + "? Otherwise define it in its table";
    problem(Diagnostic.MATRIX_UNKNOWN_NAME, line, what + ", which the matrix does not define. " + fix);
  }

  private void mismatch(int line, String message) {
    problem(Diagnostic.MATRIX_LEVEL_MISMATCH, line, message);
  }

  private void problem(Diagnostic diagnostic, int line, String message) {
    problems.add(new MatrixProblem(diagnostic, line, message));
  }
}
