package dev.rolegate.processor.internal.step;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.generation.GuardGenerator;
import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.MatrixHandle;
import dev.rolegate.processor.internal.report.AccessReportWriter;
import dev.rolegate.processor.internal.validation.ServiceValidation;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Collects each round's types carrying {@code @RequiresPermission}, asks the validation ({@link
 * ServiceValidation}) about each, writes the guard of each valid one and hands it to the access
 * report. Types whose annotation values do not resolve yet (constants generated in this
 * compilation) are kept by name and tried again next round.
 */
public final class GuardStep {
  private final Elements elements;
  private final Reporter reporter;
  private final MatrixStep matrices;
  private final GuardGenerator generator;
  private final Consumer<GuardedService> beforeGenerate;
  private final AccessReportWriter report;
  private final ServiceValidation validation;
  private final Set<String> deferred = new LinkedHashSet<>();
  private final Set<String> done = new LinkedHashSet<>();

  public GuardStep(
      Elements elements,
      Reporter reporter,
      MatrixStep matrices,
      GuardGenerator generator,
      Consumer<GuardedService> beforeGenerate,
      AccessReportWriter report,
      ServiceValidation validation) {
    this.elements = elements;
    this.reporter = reporter;
    this.matrices = matrices;
    this.generator = generator;
    this.beforeGenerate = beforeGenerate;
    this.report = report;
    this.validation = validation;
  }

  /**
   * Processes this round's annotated elements and the types deferred from earlier rounds; {@code
   * roots} are the round's root elements (the types compiled here, with source).
   */
  public void process(Iterable<? extends Element> roots, Iterable<? extends Element> annotated) {
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
        processSafely(type);
      }
    }
  }

  private void processSafely(TypeElement type) {
    try {
      process(type);
    } catch (RuntimeException e) {
      reportInternalError(reporter, type, e);
    }
  }

  private void process(TypeElement type) {
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
        GuardedService service = outcome.service().orElseThrow();
        beforeGenerate.accept(service);
        generator.generate(service, matrix.get());
        report.add(service, matrix.get());
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
