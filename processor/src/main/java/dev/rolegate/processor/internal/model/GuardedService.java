package dev.rolegate.processor.internal.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * A type to guard, with every method reachable through its guard, in source order: those the guard
 * overrides ({@link #overridden()}) and, for a class, the final {@code @Unguarded} ones it inherits
 * unchanged, which the access report and the guard index list too. For an interface the guard
 * implements it and delegates; for a class ({@link #isClass()}) the guard extends it, mirroring
 * each of {@code constructors} (its non-private ones), and calls {@code super}. {@code
 * qualifiedName} and {@code binaryName} are the type's names, read where the model is built.
 */
public record GuardedService(
    TypeElement type,
    String qualifiedName,
    String binaryName,
    ClassName guardName,
    List<GuardedMethod> methods,
    List<ExecutableElement> constructors) {
  public GuardedService {
    methods = List.copyOf(methods);
    constructors = List.copyOf(constructors);
  }

  /** Returns the methods the guard overrides: every method but a class's final ones. */
  public List<GuardedMethod> overridden() {
    return methods.stream()
        .filter(method -> !method.element().getModifiers().contains(Modifier.FINAL))
        .toList();
  }

  /** Returns whether the guard extends a class rather than implementing an interface. */
  public boolean isClass() {
    return type.getKind() == ElementKind.CLASS;
  }
}
