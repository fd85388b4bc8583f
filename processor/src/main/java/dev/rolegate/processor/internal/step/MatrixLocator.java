package dev.rolegate.processor.internal.step;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.NameList;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.matrix.MatrixCompiler;
import dev.rolegate.processor.internal.matrix.MatrixDigest;
import dev.rolegate.processor.internal.matrix.MatrixParser;
import dev.rolegate.processor.internal.matrix.MatrixProblem;
import dev.rolegate.processor.internal.model.MatrixHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * Finds the matrix a compilation that declares none checks against: the single one compiled into a
 * package on the class path ({@link MatrixSources#onClassPath}), looked up once, when the first
 * element needs it, and checked against the file shipped beside it.
 */
final class MatrixLocator {
  private final Filer filer;
  private final Elements elements;
  private final Reporter reporter;
  private Optional<MatrixHandle> matrix;
  private boolean reported;

  MatrixLocator(Filer filer, Elements elements, Reporter reporter) {
    this.filer = filer;
    this.elements = elements;
    this.reporter = reporter;
  }

  /**
   * Reports {@code [StaleMatrix]} when the matrix file on the class path beside {@code indexed}'s
   * package differs from the one its table was compiled from: the module that declares the matrix
   * copied an edited file without compiling its table again, and its table would refuse to load.
   */
  private boolean stale(MatrixSources.Indexed indexed, Element subject) {
    if (!indexed.sha256().matches("[0-9a-f]{64}")) {
      // An index that records no digest (or no well-formed one) has nothing to compare.
      return false;
    }
    Optional<byte[]> shipped = MatrixSources.shippedBeside(filer, indexed);
    if (shipped.isEmpty()) {
      return false;
    }
    String actual = MatrixDigest.sha256(shipped.get());
    if (actual.equals(indexed.sha256())) {
      return false;
    }
    String location = MatrixSources.resourcePath(indexed.packageName(), indexed.sourceName());
    reporter.report(
        Diagnostic.STALE_MATRIX,
        subject,
        shown(indexed.packageName()),
        shown(indexed.sourceName()),
        shown(location),
        actual.substring(0, 12),
        indexed.sha256().substring(0, 12));
    return true;
  }

  /** Returns a name read from the class path as is when it is printable ASCII, else quoted. */
  private static String shown(String name) {
    return name.chars().allMatch(c -> c >= 0x20 && c <= 0x7e) ? name : MatrixParser.quote(name);
  }

  /**
   * Returns the single matrix compiled into a package on the class path, reporting (once, on {@code
   * subject}, the first element that needs one) when there is none or several, when its file is
   * stale, or when it does not compile; empty then.
   */
  Optional<MatrixHandle> find(Element subject) {
    if (matrix == null) {
      matrix = lookUp(subject);
    }
    return matrix;
  }

  private Optional<MatrixHandle> lookUp(Element subject) {
    List<MatrixSources.Indexed> found = MatrixSources.onClassPath(elements);
    if (found.size() != 1) {
      if (!reported) {
        reported = true;
        if (found.isEmpty()) {
          reporter.report(Diagnostic.NO_MATRIX, subject, subject.getSimpleName());
        } else {
          List<String> names = new ArrayList<>();
          for (MatrixSources.Indexed indexed : found) {
            names.add(indexed.packageName() + " (" + indexed.sourceName() + ")");
          }
          reporter.report(
              Diagnostic.SEVERAL_MATRICES_ON_CLASS_PATH,
              subject,
              found.size(),
              NameList.listed(names));
        }
      }
      return Optional.empty();
    }
    MatrixSources.Indexed indexed = found.get(0);
    if (stale(indexed, subject)) {
      return Optional.empty();
    }
    MatrixCompiler.Result result = MatrixCompiler.compile(indexed.sourceName(), indexed.text());
    if (result.matrix().isEmpty()) {
      MatrixProblem problem = result.problems().get(0);
      reporter.report(
          problem.diagnostic(),
          subject,
          problem.located(indexed.sourceName() + " (compiled into " + indexed.packageName() + ")"));
      return Optional.empty();
    }
    return Optional.of(new MatrixHandle(result.matrix().get(), indexed.packageName()));
  }
}
