package dev.rolegate.processor.internal.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A type to guard, with every method its guard overrides, in source order. For an interface the
 * guard implements it and delegates; for a class ({@link #isClass()}) the guard extends it,
 * mirroring each of {@code constructors} (its non-private ones), and calls {@code super}.
 */
public record GuardedService(
    TypeElement type,
    ClassName guardName,
    List<GuardedMethod> methods,
    List<ExecutableElement> constructors) {
  public GuardedService {
    methods = List.copyOf(methods);
    constructors = List.copyOf(constructors);
  }

  /** Creates the model of a guarded interface, which has no constructors to mirror. */
  public GuardedService(TypeElement type, ClassName guardName, List<GuardedMethod> methods) {
    this(type, guardName, methods, List.of());
  }

  /** Returns whether the guard extends a class rather than implementing an interface. */
  public boolean isClass() {
    return type.getKind() == ElementKind.CLASS;
  }
}
