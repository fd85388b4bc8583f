package dev.rolegate.processor.internal.step;

import dev.rolegate.processor.internal.base.Annotations;
import dev.rolegate.processor.internal.base.Names;
import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.generation.GuardGenerator;
import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.MatrixHandle;
import dev.rolegate.processor.internal.report.AccessReportWriter;
import dev.rolegate.processor.internal.validation.ServiceValidator;
import dev.rolegate.processor.internal.validation.StableAccessors;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates each type carrying {@code @RequiresPermission}, writes its guard and hands the service
 * to the access report. Types whose annotation values do not resolve yet (constants generated in
 * this compilation) are kept by name and tried again next round.
 */
public final class GuardStep {
  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final MatrixStep matrices;
  private final GuardGenerator generator;
  private final Consumer<GuardedService> beforeGenerate;
  private final AccessReportWriter report;
  private final StableAccessors stability;
  private final Set<String> deferred = new LinkedHashSet<>();
  private final Set<String> done = new LinkedHashSet<>();

  /** The guards written in this compilation, by name, with the type each guards. */
  private final Map<String, String> written = new HashMap<>();

  /** Top-level types of this compilation, across rounds. */
  private final Set<String> compiledHere = new HashSet<>();

  public GuardStep(
      Elements elements,
      Types types,
      Reporter reporter,
      MatrixStep matrices,
      GuardGenerator generator,
      Consumer<GuardedService> beforeGenerate,
      AccessReportWriter report,
      StableAccessors stability) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.matrices = matrices;
    this.generator = generator;
    this.beforeGenerate = beforeGenerate;
    this.report = report;
    this.stability = stability;
  }

  /**
   * Processes this round's annotated elements and the types deferred from earlier rounds; {@code
   * roots} are the round's root elements (the types compiled here, with source).
   */
  public void process(Iterable<? extends Element> roots, Iterable<? extends Element> annotated) {
    for (Element root : roots) {
      if (root instanceof TypeElement) {
        compiledHere.add(((TypeElement) root).getQualifiedName().toString());
      }
    }
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
    ServiceValidator.Outcome outcome =
        new ServiceValidator(elements, types, reporter, matrix.get(), this::compiledHere, stability)
            .validate(type);
    switch (outcome.status()) {
      case DEFERRED:
        done.remove(type.getQualifiedName().toString());
        deferred.add(type.getQualifiedName().toString());
        break;
      case VALID:
        GuardedService service = outcome.service().orElseThrow();
        if (nameTaken(service)) {
          break;
        }
        beforeGenerate.accept(service);
        generator.generate(service, matrix.get());
        report.add(service, matrix.get());
        written.put(service.guardName().canonicalName(), type.getQualifiedName().toString());
        break;
      default:
        break;
    }
  }

  private boolean compiledHere(TypeElement type) {
    Element outermost = type;
    while (outermost.getEnclosingElement() instanceof TypeElement) {
      outermost = outermost.getEnclosingElement();
    }
    return compiledHere.contains(((TypeElement) outermost).getQualifiedName().toString());
  }

  /**
   * Reports when a type that rolegate did not generate already has the guard's name. A guard from
   * an earlier build (on the class path, carrying our marker) is simply replaced.
   */
  private boolean nameTaken(GuardedService service) {
    String name = service.guardName().canonicalName();
    if (written.containsKey(name)) {
      // Outer.Inner and Outer_Inner: both guards would be GuardedOuter_Inner.
      TypeElement type = service.type();
      reporter.report(
          Diagnostic.GUARD_NAME_SHARED,
          type,
          service.isClass() ? "class" : "interface",
          type.getSimpleName(),
          name,
          written.get(name));
      return true;
    }
    TypeElement existing = elements.getTypeElement(name);
    if (existing == null || Annotations.find(existing, Names.GENERATED).isPresent()) {
      return false;
    }
    TypeElement type = service.type();
    reporter.report(
        Diagnostic.GUARD_NAME_TAKEN,
        type,
        service.isClass() ? "class" : "interface",
        type.getSimpleName(),
        name);
    return true;
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
