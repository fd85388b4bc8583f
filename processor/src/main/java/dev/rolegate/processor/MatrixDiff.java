package dev.rolegate.processor;

import dev.rolegate.processor.internal.diff.AccessDiff;
import dev.rolegate.processor.internal.diff.DiffJson;
import dev.rolegate.processor.internal.diff.DiffText;
import dev.rolegate.processor.internal.diff.ReportReader;
import dev.rolegate.processor.internal.matrix.CompiledMatrix;
import dev.rolegate.processor.internal.matrix.MatrixCompiler;
import dev.rolegate.processor.internal.matrix.MatrixProblem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The matrix diff command: compares two matrix files (the one on the main branch and the one of a
 * pull request, say) and prints, per built-in role, the permissions it gains and loses after
 * closure and, given an access report, the guarded methods it gains and loses, as text or JSON.
 *
 * <pre>
 * java -cp rolegate-processor.jar dev.rolegate.processor.MatrixDiff \
 *     [--json] [--report access-report.json] old.md new.md
 * </pre>
 *
 * <p>Exit status: 0 when no role gains anything, 1 when access is widened (a role gains a
 * permission or a method, a role is added with permissions, a permission gains an include, a scope
 * or another level, or members gain permissions through another default account role), 2 on bad
 * input (a bad argument, an unreadable file, an invalid matrix, with the parser's diagnostics, or a
 * file that is no access report), 3 on a bug in rolegate. The command reads only its arguments'
 * files and needs nothing but this module's classes and the JDK.
 */
public final class MatrixDiff {
  /** Exit status: nothing widened. */
  public static final int UNCHANGED_OR_NARROWED = 0;

  /** Exit status: a role gains access. */
  public static final int WIDENED = 1;

  /** Exit status: bad arguments or input. */
  public static final int BAD_INPUT = 2;

  /** Exit status: the command failed on a bug of its own. */
  public static final int INTERNAL_ERROR = 3;

  static final String USAGE =
      "usage: java -cp rolegate-processor.jar"
          + " dev.rolegate.processor.MatrixDiff [--json] [--report access-report.json] old.md new.md";

  private MatrixDiff() {}

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command on {@code args}, printing the diff to {@code out} and problems to {@code err};
   * returns the exit status.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      return diff(args, out, err);
    } catch (RuntimeException | StackOverflowError e) {
      err.println("error: the matrix diff failed on a bug in rolegate, not in its input: " + e);
      e.printStackTrace(err);
      return INTERNAL_ERROR;
    }
  }

  private static int diff(String[] args, PrintStream out, PrintStream err) {
    boolean json = false;
    String report = null;
    List<String> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        out.println(USAGE);
        return UNCHANGED_OR_NARROWED;
      } else if (arg.equals("--json")) {
        json = true;
      } else if (arg.equals("--report") || arg.startsWith("--report=")) {
        if (report != null) {
          return usage(err, "--report is given twice");
        }
        if (arg.equals("--report")) {
          if (i + 1 >= args.length) {
            return usage(err, "--report needs a file");
          }
          report = args[++i];
        } else {
          report = arg.substring("--report=".length());
        }
        if (report.isEmpty()) {
          return usage(err, "--report needs a file");
        }
      } else if (arg.startsWith("-") && arg.length() > 1) {
        return usage(err, "unknown option " + arg);
      } else {
        files.add(arg);
      }
    }
    if (files.size() != 2) {
      return usage(err, "expected two matrix files, the old and the new, got " + files.size());
    }
    Optional<CompiledMatrix> oldMatrix = matrix(files.get(0), err);
    Optional<CompiledMatrix> newMatrix = matrix(files.get(1), err);
    Optional<AccessDiff.Report> methods = Optional.empty();
    if (report != null) {
      methods = report(report, err);
      if (methods.isEmpty()) {
        return BAD_INPUT;
      }
    }
    if (oldMatrix.isEmpty() || newMatrix.isEmpty()) {
      return BAD_INPUT;
    }
    AccessDiff diff =
        AccessDiff.compare(
            new AccessDiff.Side(files.get(0), oldMatrix.get().title()),
            oldMatrix.get(),
            new AccessDiff.Side(files.get(1), newMatrix.get().title()),
            newMatrix.get(),
            methods);
    out.print(json ? DiffJson.render(diff) : DiffText.render(diff));
    out.flush();
    return diff.widened() ? WIDENED : UNCHANGED_OR_NARROWED;
  }

  private static int usage(PrintStream err, String problem) {
    err.println("error: " + problem);
    err.println(USAGE);
    return BAD_INPUT;
  }

  /** Reads and compiles one matrix file, printing why when it cannot. */
  private static Optional<CompiledMatrix> matrix(String file, PrintStream err) {
    Optional<byte[]> bytes = read(file, err);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    MatrixCompiler.Result result = MatrixCompiler.compile(file, bytes.get());
    for (MatrixProblem problem : result.problems()) {
      err.println("error: " + problem.diagnostic().format(problem.located(file)));
    }
    if (result.matrix().isEmpty() && result.problems().isEmpty()) {
      err.println("error: " + file + " is not a valid matrix");
    }
    return result.matrix();
  }

  /** Reads an access report's guarded methods, printing why when it cannot. */
  private static Optional<AccessDiff.Report> report(String file, PrintStream err) {
    Optional<byte[]> bytes = read(file, err);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      String text =
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.get())).toString();
      return Optional.of(new AccessDiff.Report(file, ReportReader.read(text)));
    } catch (CharacterCodingException e) {
      err.println("error: " + file + " is not an access report: it is not UTF-8 text");
    } catch (IllegalArgumentException e) {
      err.println("error: " + file + " is not an access report: " + e.getMessage());
    }
    return Optional.empty();
  }

  private static Optional<byte[]> read(String file, PrintStream err) {
    try {
      return Optional.of(Files.readAllBytes(Path.of(file)));
    } catch (NoSuchFileException e) {
      err.println("error: cannot read " + file + ": no such file");
    } catch (AccessDeniedException e) {
      err.println("error: cannot read " + file + ": permission denied");
    } catch (IOException | InvalidPathException e) {
      err.println("error: cannot read " + file + ": " + e.getMessage());
    }
    return Optional.empty();
  }
}
