package dev.rolegate.processor.internal.report;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.NameList;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.matrix.CompiledMatrix;
import dev.rolegate.processor.internal.model.MatrixHandle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the access a compilation computes with the access lock file that {@value #OPTION} names
 * (docs/access-lock.md), once, at the end, when the compilation has no other error: any difference
 * is one {@code [AccessChanged]} error listing the changes, widening first (a warning when every
 * change narrows and {@value #NARROWING_OPTION} is {@code warn}). With {@value
 * #UPDATE_OPTION}{@code =true} it writes the file instead, with a note saying what the rewrite
 * accepts. A locked type this compilation finds only as a class file is not compared (a note says
 * so) and is kept on update. The file lies in the project, not in the class output, so it is read
 * and written directly rather than through the Filer.
 */
public final class AccessLockCheck {
  /** The option naming the lock file: {@code -Arolegate.accessLock=<path>}. */
  public static final String OPTION = "rolegate.accessLock";

  /** The option that rewrites the lock file: {@code -Arolegate.accessLock.update=true}. */
  public static final String UPDATE_OPTION = "rolegate.accessLock.update";

  /** The option that makes narrowing a warning: {@code -Arolegate.accessLock.narrowing=warn}. */
  public static final String NARROWING_OPTION = "rolegate.accessLock.narrowing";

  /** How many changes one message lists; the rest are counted. */
  static final int SHOWN = 200;

  private static final String MAVEN =
      "With Maven, run mvn clean compile"
          + " -Drolegate.accessLock.update=true, the pom passing the property on:"
          + " <properties><rolegate.accessLock.update>false</rolegate.accessLock.update></properties>"
          + " and, in maven-compiler-plugin's <compilerArgs>,"
          + " <arg>-Arolegate.accessLock=${project.basedir}/rolegate-access.lock</arg>"
          + "<arg>-Arolegate.accessLock.update=${rolegate.accessLock.update}</arg>";

  private final Reporter reporter;
  private final CompiledTypes compiled;
  private final String path;
  private final String update;
  private final String narrowing;
  private boolean done;

  /**
   * {@code options} are the processor's options, of which only the three access lock ones are read;
   * {@code compiled} tells where a locked type stands in this compilation.
   */
  public AccessLockCheck(Map<String, String> options, Reporter reporter, CompiledTypes compiled) {
    this.reporter = reporter;
    this.compiled = compiled;
    this.path =
        options.containsKey(OPTION) ? Optional.ofNullable(options.get(OPTION)).orElse("") : null;
    this.update =
        options.containsKey(UPDATE_OPTION)
            ? Optional.ofNullable(options.get(UPDATE_OPTION)).orElse("true")
            : "false";
    this.narrowing = Optional.ofNullable(options.get(NARROWING_OPTION)).orElse("error");
  }

  /** Returns the options this check reads. */
  public static Set<String> options() {
    return Set.of(OPTION, UPDATE_OPTION, NARROWING_OPTION);
  }

  /**
   * Checks or writes the lock, at most once: {@code errors} says whether the compilation reported
   * an error (then nothing is compared or written, as no report is), {@code declared} is the matrix
   * this compilation compiles, and {@code report} holds the guarded services.
   */
  public void finish(boolean errors, Optional<MatrixHandle> declared, AccessReportWriter report) {
    if (done) {
      return;
    }
    done = true;
    if (!validOptions() || path == null || errors) {
      return;
    }
    Optional<CompiledMatrix> matrix = declared.or(report::matrix).map(MatrixHandle::matrix);
    AccessLock lock = AccessLock.compute(matrix, report.services());
    Path file;
    try {
      file = Path.of(path);
    } catch (InvalidPathException e) {
      reporter.reportOnCompilation(Diagnostic.ACCESS_LOCK_OPTION, OPTION, path, e.getMessage());
      return;
    }
    if (update.equalsIgnoreCase("true")) {
      update(file, lock, matrix);
      return;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      reporter.reportOnCompilation(Diagnostic.ACCESS_LOCK_MISSING, path, MAVEN);
      return;
    } catch (IOException | RuntimeException e) {
      reporter.reportOnCompilation(Diagnostic.ACCESS_LOCK_UNREADABLE, path, e);
      return;
    }
    AccessLock.Parsed parsed = AccessLock.parse(bytes);
    if (parsed.problem().isPresent()) {
      AccessLock.Problem problem = parsed.problem().get();
      reporter.reportOnCompilation(problem.cause(), problem.located(path));
      return;
    }
    compare(parsed.lines(), lock, matrix);
  }

  /**
   * Rewrites the lock, keeping the lines of types this compilation finds only as class files, and
   * says in a note what the rewrite accepts.
   */
  private void update(Path file, AccessLock lock, Optional<CompiledMatrix> matrix) {
    List<LockLine> old = List.of();
    boolean existed = false;
    try {
      if (Files.isRegularFile(file)) {
        AccessLock.Parsed parsed = AccessLock.parse(Files.readAllBytes(file));
        existed = parsed.problem().isEmpty();
        old = parsed.lines();
      }
    } catch (IOException | RuntimeException e) {
      existed = false; // an unreadable old file: the rewrite replaces it whole
    }
    LockDiff.Result result = LockDiff.compare(old, lock.lines(), matrix, lock.shown(), compiled);
    if (!result.notCompared().isEmpty()) {
      for (LockLine line : old) {
        if (line.isCall() && result.notCompared().contains(typeOf(line))) {
          lock.keep(line);
        }
      }
      notCompared(Diagnostic.ACCESS_LOCK_KEPT, result.notCompared());
    }
    if (!write(file, lock.render(matrix).getBytes(StandardCharsets.UTF_8))) {
      return;
    }
    List<LockDiff.Change> changes = result.changes();
    if (!existed) {
      reporter.reportOnCompilation(Diagnostic.ACCESS_LOCK_CREATED, path, lock.lines().size());
    } else if (changes.isEmpty()) {
      reporter.reportOnCompilation(Diagnostic.ACCESS_LOCK_UNCHANGED, path);
    } else {
      reporter.reportOnCompilation(
          Diagnostic.ACCESS_LOCK_UPDATED, path, count(changes), list(changes));
    }
  }

  private static String typeOf(LockLine line) {
    String rest = line.subject().substring(LockLine.CALL.length());
    return rest.substring(0, rest.indexOf(' '));
  }

  private void notCompared(Diagnostic diagnostic, List<String> types) {
    reporter.reportOnCompilation(diagnostic, path, NameList.listed(types));
  }

  private static String count(List<LockDiff.Change> changes) {
    return changes.size() == 1 ? "1 change" : changes.size() + " changes";
  }

  private static String list(List<LockDiff.Change> changes) {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < Math.min(SHOWN, changes.size()); i++) {
      list.append(i == 0 ? "" : "\n").append("- ").append(changes.get(i).text());
    }
    if (changes.size() > SHOWN) {
      list.append("\n... and ")
          .append(changes.size() - SHOWN)
          .append(" more (rewrite the lock to see every one in its diff)");
    }
    return list.toString();
  }

  private void compare(List<LockLine> locked, AccessLock lock, Optional<CompiledMatrix> matrix) {
    LockDiff.Result result = LockDiff.compare(locked, lock.lines(), matrix, lock.shown(), compiled);
    if (!result.notCompared().isEmpty()) {
      notCompared(Diagnostic.ACCESS_LOCK_NOT_COMPARED, result.notCompared());
    }
    List<LockDiff.Change> changes = result.changes();
    if (changes.isEmpty()) {
      return;
    }
    String list = list(changes);
    String count = count(changes);
    boolean widens = changes.stream().anyMatch(LockDiff.Change::widening);
    if (!widens && narrowing.equalsIgnoreCase("warn")) {
      reporter.reportOnCompilation(Diagnostic.ACCESS_NARROWED, path, count, list, MAVEN);
    } else {
      reporter.reportOnCompilation(Diagnostic.ACCESS_CHANGED, path, count, list, MAVEN);
    }
  }

  /** Writes {@code text} to {@code file} unless it holds it already; returns whether it could. */
  private boolean write(Path file, byte[] text) {
    try {
      if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), text)) {
        return true; // unchanged: leave the file's time stamp alone
      }
      Files.write(file, text);
      return true;
    } catch (IOException | RuntimeException e) {
      reporter.reportOnCompilation(Diagnostic.ACCESS_LOCK_UNWRITABLE, path, e);
      return false;
    }
  }

  /** Reports each access lock option with a value it does not take; returns whether none has. */
  private boolean validOptions() {
    boolean valid = true;
    if (!update.equalsIgnoreCase("true") && !update.equalsIgnoreCase("false")) {
      reporter.reportOnCompilation(Diagnostic.ACCESS_LOCK_UPDATE_OPTION, UPDATE_OPTION, update);
      valid = false;
    }
    if (!narrowing.equalsIgnoreCase("error") && !narrowing.equalsIgnoreCase("warn")) {
      reporter.reportOnCompilation(
          Diagnostic.ACCESS_LOCK_NARROWING_OPTION, NARROWING_OPTION, narrowing);
      valid = false;
    }
    if (path == null && update.toLowerCase(Locale.ROOT).equals("true")) {
      reporter.reportOnCompilation(
          Diagnostic.ACCESS_LOCK_UPDATE_WITHOUT_LOCK, UPDATE_OPTION, update);
      valid = false;
    }
    if (path != null && path.isBlank()) {
      reporter.reportOnCompilation(Diagnostic.ACCESS_LOCK_OPTION_BLANK, OPTION, path);
      valid = false;
    }
    return valid;
  }
}
