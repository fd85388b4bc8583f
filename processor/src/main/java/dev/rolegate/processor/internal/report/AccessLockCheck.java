package dev.rolegate.processor.internal.report;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
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
 * Compares the access a compilation computes with the access lock file that {@value #OPTION}
 * names (docs/access-lock.md), once, at the end, when the compilation has no other error: any
 * difference is one {@code [AccessChanged]} error listing the changes, widening first (a warning
 * when every change narrows and {@value #NARROWING_OPTION} is {@code warn}). With {@value
 * #UPDATE_OPTION}{@code =true} it writes the file instead. The file lies in the project, not in
 * the class output, so it is read and written directly rather than through the Filer.
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

  private static final String MAVEN = "With Maven, run mvn clean compile"
      + " -Drolegate.accessLock.update=true, the pom passing the property on:"
      + " <properties><rolegate.accessLock.update>false</rolegate.accessLock.update></properties>"
      + " and, in maven-compiler-plugin's <compilerArgs>,"
      + " <arg>-Arolegate.accessLock=${project.basedir}/rolegate-access.lock</arg>"
      + "<arg>-Arolegate.accessLock.update=${rolegate.accessLock.update}</arg>";

  private final Reporter reporter;
  private final String path;
  private final String update;
  private final String narrowing;
  private boolean done;

  /** {@code options} are the processor's options; only the three access lock ones are read. */
  public AccessLockCheck(Map<String, String> options, Reporter reporter) {
    this.reporter = reporter;
    this.path = options.containsKey(OPTION)
        ? Optional.ofNullable(options.get(OPTION)).orElse("") : null;
    this.update = options.containsKey(UPDATE_OPTION)
        ? Optional.ofNullable(options.get(UPDATE_OPTION)).orElse("true") : "false";
    this.narrowing = Optional.ofNullable(options.get(NARROWING_OPTION)).orElse("error");
  }

  /** Returns the options this check reads. */
  public static Set<String> options() {
    return Set.of(OPTION, UPDATE_OPTION, NARROWING_OPTION);
  }

  /**
   * Checks or writes the lock, at most once: {@code errors} says whether the compilation reported
   * an error (then nothing is compared or written, as no report is), {@code declared} is the
   * matrix this compilation compiles, and {@code report} holds the guarded services.
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
      reporter.reportOnCompilation(Diagnostic.ACCESS_LOCK_OPTION, OPTION, path,
          "it is not a file path (" + e.getMessage() + ")");
      return;
    }
    if (update.equalsIgnoreCase("true")) {
      write(file, lock.render(matrix).getBytes(StandardCharsets.UTF_8));
      return;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      reporter.reportOnCompilation(Diagnostic.ACCESS_LOCK_MISSING, path, MAVEN);
      return;
    } catch (IOException | RuntimeException e) {
      reporter.reportOnCompilation(Diagnostic.ACCESS_LOCK_UNREADABLE, path,
          "cannot be read: " + e, "Check the path and the file's permissions");
      return;
    }
    AccessLock.Parsed parsed = AccessLock.parse(bytes);
    if (parsed.problem().isPresent()) {
      AccessLock.Problem problem = parsed.problem().get();
      reporter.reportOnCompilation(Diagnostic.ACCESS_LOCK_UNREADABLE, path,
          "is malformed: line " + problem.line() + ": " + problem.message(),
          "A lock line reads call <type> <operation> <fact> or role workspace|account <ROLE>"
              + " [<fact>] (docs/access-lock.md). Fix the line, or rewrite the file with"
              + " -Arolegate.accessLock.update=true and review its diff");
      return;
    }
    compare(parsed.lines(), lock.lines(), matrix);
  }

  private void compare(
      List<LockLine> locked, List<LockLine> computed, Optional<CompiledMatrix> matrix) {
    List<LockDiff.Change> changes = LockDiff.compare(locked, computed, matrix);
    if (changes.isEmpty()) {
      return;
    }
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < Math.min(SHOWN, changes.size()); i++) {
      list.append(i == 0 ? "" : "\n").append("- ").append(changes.get(i).text());
    }
    if (changes.size() > SHOWN) {
      list.append("\n... and ").append(changes.size() - SHOWN)
          .append(" more (rewrite the lock to see every one in its diff)");
    }
    String count = changes.size() == 1 ? "1 change" : changes.size() + " changes";
    boolean widens = changes.stream().anyMatch(LockDiff.Change::widening);
    if (!widens && narrowing.equals("warn")) {
      reporter.reportOnCompilation(Diagnostic.ACCESS_NARROWED, path, count, list, MAVEN);
    } else {
      reporter.reportOnCompilation(Diagnostic.ACCESS_CHANGED, path, count, list, MAVEN);
    }
  }

  private void write(Path file, byte[] text) {
    try {
      if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), text)) {
        return; // unchanged: leave the file's time stamp alone
      }
      Files.write(file, text);
    } catch (IOException | RuntimeException e) {
      reporter.reportOnCompilation(Diagnostic.ACCESS_LOCK_UNREADABLE, path,
          "cannot be written: " + e, "Check that its folder exists and can be written to");
    }
  }

  /** Reports each access lock option with a value it does not take; returns whether none has. */
  private boolean validOptions() {
    boolean valid = true;
    if (!update.equalsIgnoreCase("true") && !update.equalsIgnoreCase("false")) {
      reporter.reportOnCompilation(Diagnostic.ACCESS_LOCK_OPTION, UPDATE_OPTION, update,
          "give true (rewrite the lock file) or false (compare with it)");
      valid = false;
    }
    if (!narrowing.equals("error") && !narrowing.equals("warn")) {
      reporter.reportOnCompilation(Diagnostic.ACCESS_LOCK_OPTION, NARROWING_OPTION, narrowing,
          "give error (narrowing fails the build, the default) or warn (a warning)");
      valid = false;
    }
    if (path == null && update.toLowerCase(Locale.ROOT).equals("true")) {
      reporter.reportOnCompilation(Diagnostic.ACCESS_LOCK_OPTION, UPDATE_OPTION, update,
          "it rewrites the file that -Arolegate.accessLock=<path> names, and that option is not"
              + " set. Add it");
      valid = false;
    }
    if (path != null && path.isBlank()) {
      reporter.reportOnCompilation(Diagnostic.ACCESS_LOCK_OPTION, OPTION, path,
          "name the lock file, e.g. -Arolegate.accessLock=rolegate-access.lock");
      valid = false;
    }
    return valid;
  }
}
