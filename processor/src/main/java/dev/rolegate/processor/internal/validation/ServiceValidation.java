package dev.rolegate.processor.internal.validation;

import dev.rolegate.processor.internal.base.Annotations;
import dev.rolegate.processor.internal.base.Names;
import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.MatrixHandle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The validation of a compilation, its one entry point: decides for each type carrying
 * {@code @RequiresPermission} whether it is guarded (a valid {@link GuardedService}), waits for a
 * later round (an annotation value does not resolve yet) or is refused, reporting every mistake on
 * its exact element. Besides each type's own checks ({@link ServiceValidator}) it refuses a guard
 * whose name another guard of this compilation or a type rolegate did not generate already has.
 */
public final class ServiceValidation {
  /** What became of one type. */
  public enum Status {
    VALID,
    INVALID,
    /** An annotation value does not resolve yet; try again next round. */
    DEFERRED
  }

  /** The outcome for one type; {@code service} is present when {@code status} is VALID. */
  public record Outcome(Status status, Optional<GuardedService> service) {
    static Outcome of(Status status) {
      return new Outcome(status, Optional.empty());
    }
  }

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final StableAccessors stability;

  /** Top-level types of this compilation, across rounds. */
  private final Set<String> compiledHere = new HashSet<>();

  /** The guards of the valid services so far, by name, with the type each guards. */
  private final Map<String, String> guards = new HashMap<>();

  /** {@code stability} decides whether a workspace or account carrier answers the same twice. */
  public ServiceValidation(
      Elements elements, Types types, Reporter reporter, StableAccessors stability) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.stability = stability;
  }

  /** Records a round's root elements: the top-level types compiled here, with source. */
  public void compiling(Iterable<? extends Element> roots) {
    for (Element root : roots) {
      if (root instanceof TypeElement type) {
        compiledHere.add(type.getQualifiedName().toString());
      }
    }
  }

  /** Validates {@code type} against {@code matrix}. */
  public Outcome validate(TypeElement type, MatrixHandle matrix) {
    Outcome outcome =
        new ServiceValidator(elements, types, reporter, matrix, this::compiledHere, stability)
            .validate(type);
    if (outcome.status() != Status.VALID) {
      return outcome;
    }
    GuardedService service = outcome.service().orElseThrow();
    if (nameTaken(service)) {
      return Outcome.of(Status.INVALID);
    }
    // The name is claimed once the service is valid: should writing its guard fail (an
    // [InternalError], which fails the build), another type of the same guard name is reported
    // rather than written under it.
    guards.put(service.guardName().canonicalName(), type.getQualifiedName().toString());
    return outcome;
  }

  private boolean compiledHere(TypeElement type) {
    Element outermost = type;
    while (outermost.getEnclosingElement() instanceof TypeElement) {
      outermost = outermost.getEnclosingElement();
    }
    return compiledHere.contains(((TypeElement) outermost).getQualifiedName().toString());
  }

  /**
   * Reports when another valid service or a type that rolegate did not generate already has the
   * guard's name. A guard from an earlier build (on the class path, carrying our marker) is simply
   * replaced.
   */
  private boolean nameTaken(GuardedService service) {
    String name = service.guardName().canonicalName();
    TypeElement type = service.type();
    if (guards.containsKey(name)) {
      // Outer.Inner and Outer_Inner: both guards would be GuardedOuter_Inner.
      reporter.report(
          service.isClass()
              ? Diagnostic.GUARD_NAME_SHARED_CLASS
              : Diagnostic.GUARD_NAME_SHARED_INTERFACE,
          type,
          type.getSimpleName(),
          name,
          guards.get(name));
      return true;
    }
    TypeElement existing = elements.getTypeElement(name);
    if (existing == null || Annotations.find(existing, Names.GENERATED).isPresent()) {
      return false;
    }
    reporter.report(
        service.isClass()
            ? Diagnostic.GUARD_NAME_TAKEN_CLASS
            : Diagnostic.GUARD_NAME_TAKEN_INTERFACE,
        type,
        type.getSimpleName(),
        name);
    return true;
  }
}
