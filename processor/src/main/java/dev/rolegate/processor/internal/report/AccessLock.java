package dev.rolegate.processor.internal.report;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.matrix.CompiledMatrix;
import dev.rolegate.processor.internal.matrix.Level;
import dev.rolegate.processor.internal.matrix.MatrixParser;
import dev.rolegate.processor.internal.matrix.PermissionRow;
import dev.rolegate.processor.internal.matrix.RoleRow;
import dev.rolegate.processor.internal.report.AccessReport.MethodAccess;
import dev.rolegate.processor.internal.report.AccessReport.Mode;
import dev.rolegate.processor.internal.report.AccessReport.ServiceAccess;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The access lock of a compilation (docs/access-lock.md): one line per guarded method, named by its
 * erased parameter types, and fact (its requirement, where the check reads the workspace and the
 * account, each role that may call it, or that it is unguarded or callable by no role), per role of
 * the matrix and fact (each permission it holds after closure, the workspace role an account role
 * holds everywhere, the default account role) and per permission and fact (its level, includes and
 * scope), sorted by UTF-8 bytes, under a comment header saying what the file is and how to
 * regenerate it.
 */
final class AccessLock {
  private final TreeSet<String> lines = new TreeSet<>(LockLine.BYTE_ORDER);
  private final Map<String, String> shown = new HashMap<>();

  private AccessLock() {}

  /** Returns the lock of {@code services}, checked against {@code matrix} (none: no role lines). */
  static AccessLock compute(Optional<CompiledMatrix> matrix, Collection<ServiceAccess> services) {
    AccessLock lock = new AccessLock();
    for (ServiceAccess service : services) {
      for (MethodAccess method : service.methods()) {
        String operation = method.operation();
        String name = operation.substring(0, operation.indexOf('('));
        String subject = LockLine.CALL + service.type() + " " + name + method.exact().parameters();
        lock.shown.put(subject.substring(LockLine.CALL.length()), operation);
        lock.method(subject, method);
      }
    }
    lock.tellApart();
    matrix.ifPresent(lock::roles);
    matrix.ifPresent(lock::permissions);
    return lock;
  }

  /**
   * Returns each method subject (without {@code call }) with its operation as a reader of the
   * source names it ({@code Deployments.delete(String, T)}), for the messages.
   */
  Map<String, String> shown() {
    return Map.copyOf(shown);
  }

  /**
   * Adds the erased parameter types to the names of overloads of one type that read alike ({@code
   * grant(String, Role)} for {@code a.Role} and {@code b.Role}), so a message tells which one
   * changed.
   */
  private void tellApart() {
    Map<String, Integer> seen = new HashMap<>();
    for (Map.Entry<String, String> entry : shown.entrySet()) {
      seen.merge(typeOf(entry.getKey()) + " " + entry.getValue(), 1, Integer::sum);
    }
    for (Map.Entry<String, String> entry : shown.entrySet()) {
      if (seen.get(typeOf(entry.getKey()) + " " + entry.getValue()) > 1) {
        String subject = entry.getKey();
        String erased = subject.substring(subject.indexOf('(') + 1, subject.length() - 1);
        entry.setValue(entry.getValue() + " (erased: " + erased + ")");
      }
    }
  }

  private static String typeOf(String method) {
    return method.substring(0, method.indexOf(' '));
  }

  private void method(String subject, MethodAccess method) {
    if (method.mode() == Mode.UNGUARDED) {
      lines.add(subject + " unguarded");
      return;
    }
    // anyOf with one permission means allOf: the lock writes it one way.
    Mode mode = method.permissions().size() == 1 ? Mode.ALL_OF : method.mode();
    lines.add(
        subject
            + " requires "
            + mode.json()
            + " "
            + String.join(" ", sorted(method.permissions())));
    lines.add(subject + " workspace-from " + method.exact().workspaceFrom());
    lines.add(subject + " account-from " + method.exact().accountFrom());
    for (String role : method.workspaceRoles()) {
      lines.add(subject + " workspace " + role);
    }
    for (String role : method.accountRoles()) {
      lines.add(subject + " account " + role);
    }
    if (method.workspaceRoles().isEmpty() && method.accountRoles().isEmpty()) {
      lines.add(subject + " nobody");
    }
  }

  /**
   * Adds each permission's level, direct includes and scope: custom roles defined at run time are
   * built from permission names and scope strings and bring what those include.
   */
  private void permissions(CompiledMatrix matrix) {
    for (PermissionRow permission : matrix.permissions()) {
      String subject = LockLine.PERMISSION + permission.name();
      lines.add(subject + " level " + permission.level().word());
      for (String included : permission.includes()) {
        lines.add(subject + " includes " + included);
      }
      String scope = oneLine(permission.scope()).trim();
      if (!scope.isEmpty()) {
        lines.add(subject + " scope " + scope);
      }
    }
  }

  private void roles(CompiledMatrix matrix) {
    for (RoleRow role : matrix.roles()) {
      String subject = LockLine.ROLE + role.level().word() + " " + role.name();
      lines.add(subject);
      BitSet held = matrix.closure(role);
      for (int i = held.nextSetBit(0); i >= 0; i = held.nextSetBit(i + 1)) {
        lines.add(subject + " holds " + matrix.permissions().get(i).name());
      }
      if (role.level() == Level.ACCOUNT && !role.everywhere().isEmpty()) {
        lines.add(subject + " everywhere " + role.everywhere());
      }
      if (role.isDefault()) {
        lines.add(subject + " default");
      }
    }
  }

  private static List<String> sorted(List<String> names) {
    TreeSet<String> set = new TreeSet<>(LockLine.BYTE_ORDER);
    set.addAll(names);
    return List.copyOf(set);
  }

  /** Adds {@code line} as it stands: a line of the old lock that a partial compilation keeps. */
  void keep(LockLine line) {
    lines.add(line.text());
  }

  /** Returns the lines, split, in file order. */
  List<LockLine> lines() {
    List<LockLine> result = new ArrayList<>();
    for (String line : lines) {
      result.add(
          LockLine.parse(line)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "computed an access lock line that does not parse: " + line)));
    }
    return result;
  }

  /**
   * Returns the file's text: the header, naming {@code matrix}, then the lines; {@code \n} line
   * ends, the last line ended too.
   */
  String render(Optional<CompiledMatrix> matrix) {
    String described = matrix.map(m -> "matrix " + oneLine(m.describe())).orElse("no matrix");
    String account =
        matrix
            .flatMap(CompiledMatrix::defaultAccountRole)
            .map(role -> "the default account role " + role.name())
            .orElse("no account role (the matrix marks no default)");
    StringBuilder out =
        new StringBuilder()
            .append(
                "# rolegate access lock: who may call each guarded method of this compilation, and")
            .append(" what each\n# role of ")
            .append(described)
            .append(" holds after closure,")
            .append(" computed at compile time.\n")
            .append(
                "# The build fails when the access it computes differs from this file. Review the")
            .append(" change, then\n# regenerate the file with -Arolegate.accessLock.update=true")
            .append(
                " (Maven: mvn clean compile\n# -Drolegate.accessLock.update=true) and commit it.")
            .append(
                " Custom roles defined at run time are\n# not in it: only the matrix's roles are.")
            .append(" A workspace role's calls are those of a caller with\n# ")
            .append(account)
            .append(". Format: docs/access-lock.md\n");
    for (String line : lines) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

  /** Returns {@code text} with line breaks and other control characters turned into spaces. */
  private static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return out.toString();
  }

  /** A fact of a kind its subject has one of, and the line that gives it. */
  private record Given(int line, String fact) {}

  /** A lock file read back: its lines, or the first line that is not a lock line. */
  record Parsed(List<LockLine> lines, Optional<Problem> problem) {}

  /**
   * A line that does not parse, numbered from 1: the diagnostic of what is wrong with it and its
   * arguments after the lock's path and the line number.
   */
  record Problem(int line, Diagnostic cause, List<Object> arguments) {
    Problem {
      arguments = List.copyOf(arguments);
    }

    /** Returns every argument of the cause's template for the lock file {@code path}. */
    Object[] located(String path) {
      return Diagnostic.located(path, line, arguments);
    }
  }

  /**
   * Reads a lock file: blank lines and lines starting with {@code #} are skipped, a line may end
   * with {@code \r} (a checkout with Windows line ends), a leading byte order mark is dropped.
   */
  static Parsed parse(byte[] bytes) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return new Parsed(
          List.of(),
          Optional.of(new Problem(lineOf(bytes), Diagnostic.ACCESS_LOCK_NOT_UTF8, List.of())));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<LockLine> lines = new ArrayList<>();
    Map<String, Given> single = new HashMap<>();
    String[] rows = text.split("\n", -1);
    for (int i = 0; i < rows.length; i++) {
      String row = rows[i].endsWith("\r") ? rows[i].substring(0, rows[i].length() - 1) : rows[i];
      if (row.isBlank() || row.startsWith("#")) {
        continue;
      }
      Optional<LockLine> line = LockLine.parse(row);
      if (line.isEmpty()) {
        return new Parsed(
            List.of(),
            Optional.of(
                new Problem(
                    i + 1,
                    Diagnostic.ACCESS_LOCK_NOT_A_LOCK_LINE,
                    List.of(MatrixParser.quote(row)))));
      }
      Optional<String> kind = single(line.get());
      if (kind.isPresent()) {
        Given other =
            single.putIfAbsent(
                line.get().subject() + " " + kind.get(), new Given(i + 1, line.get().fact()));
        if (other != null && !other.fact().equals(line.get().fact())) {
          return new Parsed(
              List.of(),
              Optional.of(
                  new Problem(
                      i + 1,
                      Diagnostic.ACCESS_LOCK_SECOND_FACT,
                      List.of(
                          MatrixParser.quote(line.get().subject()),
                          kind.get(),
                          MatrixParser.quote(line.get().fact()),
                          other.line(),
                          MatrixParser.quote(other.fact())))));
        }
      }
      lines.add(line.get());
    }
    return new Parsed(List.copyOf(lines), Optional.empty());
  }

  /**
   * Returns the kind of fact a subject has at most one of: a method's requirement ({@code requires}
   * or {@code unguarded}), where it reads the workspace and the account; a permission's level and
   * scope.
   */
  private static Optional<String> single(LockLine line) {
    String word = line.words().isEmpty() ? "" : line.words().get(0);
    return switch (word) {
      case "requires", "unguarded" -> Optional.of("requires/unguarded");
      case "workspace-from", "account-from", "level", "scope" -> Optional.of(word);
      default -> Optional.empty();
    };
  }

  /** Returns the line of the first byte that is not UTF-8, found by decoding line by line. */
  private static int lineOf(byte[] bytes) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        try {
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, start, i - start));
        } catch (CharacterCodingException bad) {
          return line;
        }
        line++;
        start = i + 1;
      }
    }
    return 1;
  }
}
