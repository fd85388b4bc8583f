package dev.rolegate.processor.internal.step;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.MatrixHandle;
import dev.rolegate.processor.internal.validation.ServiceValidation;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Collects each round's types carrying {@code @RequiresPermission}, asks the validation ({@link
 * ServiceValidation}) about each against the matrix that applies ({@link MatrixStep}) and hands
 * each valid service on to the rest of the pipeline (call graph, generation, report). Types whose
 * annotation values do not resolve yet (constants generated in this compilation) are kept by name
 * and tried again next round.
 */
public final class GuardStep {
  private final Elements elements;
  private final Reporter reporter;
  private final MatrixStep matrices;
  private final ServiceValidation validation;
  private final Set<String> deferred = new LinkedHashSet<>();
  private final Set<String> done = new LinkedHashSet<>();

  public GuardStep(
      Elements elements, Reporter reporter, MatrixStep matrices, ServiceValidation validation) {
    this.elements = elements;
    this.reporter = reporter;
    this.matrices = matrices;
    this.validation = validation;
  }

  /**
   * Processes this round's annotated elements and the types deferred from earlier rounds, handing
   * each valid service, with the matrix it was checked against, to {@code next}; {@code roots} are
   * the round's root elements (the types compiled here, with source). An unexpected failure, in
   * validation or in {@code next}, is reported on the type it was processing.
   */
  public void process(
      Iterable<? extends Element> roots,
      Iterable<? extends Element> annotated,
      BiConsumer<GuardedService, MatrixHandle> next) {
    validation.compiling(roots);
    Set<String> names = new LinkedHashSet<>(deferred);
    deferred.clear();
    for (Element element : annotated) {
      Element type = element instanceof TypeElement ? element : element.getEnclosingElement();
      if (type instanceof TypeElement) {
        names.add(((TypeElement) type).getQualifiedName().toString());
      }
    }
    for (String name : names) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null && done.add(name)) {
        processSafely(type, next);
      }
    }
  }

  private void processSafely(TypeElement type, BiConsumer<GuardedService, MatrixHandle> next) {
    try {
      process(type, next);
    } catch (RuntimeException e) {
      reportInternalError(reporter, type, e);
    }
  }

  private void process(TypeElement type, BiConsumer<GuardedService, MatrixHandle> next) {
    Optional<MatrixHandle> matrix = matrices.matrixFor(type);
    if (matrix.isEmpty()) {
      return;
    }
    ServiceValidation.Outcome outcome = validation.validate(type, matrix.get());
    switch (outcome.status()) {
      case DEFERRED:
        done.remove(type.getQualifiedName().toString());
        deferred.add(type.getQualifiedName().toString());
        break;
      case VALID:
        next.accept(outcome.service().orElseThrow(), matrix.get());
        break;
      default:
        break;
    }
  }

  /** Reports types still unresolved when processing ends, unless an error explains it already. */
  public void finish(boolean errorRaised) {
    if (!errorRaised && reporter.errorCount() == 0) {
      for (String name : deferred) {
        TypeElement type = elements.getTypeElement(name);
        if (type != null) {
          reporter.report(Diagnostic.UNRESOLVED_TYPES, type, name);
        }
      }
    }
    deferred.clear();
  }

  /**
   * Reports an unexpected exception as {@code [InternalError]} on {@code subject}, with its stack
   * trace.
   */
  public static void reportInternalError(Reporter reporter, Element subject, Throwable e) {
    reporter.internalError(subject, e);
  }
}
