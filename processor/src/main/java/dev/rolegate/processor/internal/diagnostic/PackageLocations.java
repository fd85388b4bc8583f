package dev.rolegate.processor.internal.diagnostic;

import java.util.Comparator;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic.Kind;

/**
 * A {@link Messager} for compilers other than javac, which may not place a diagnostic on a package
 * or its annotation (Eclipse's compiler prints it with no file and no line): a diagnostic on a
 * package goes on the package's first type by name instead, which such a compiler can place when
 * the type is compiled from source. A package without types keeps the package. The matrix
 * diagnostics reported on a {@code @PermissionMatrix} package also name the matrix file and line in
 * their text, so nothing is lost where no type can be placed either.
 */
public final class PackageLocations implements Messager {
  private final Messager messager;

  private PackageLocations(Messager messager) {
    this.messager = messager;
  }

  /**
   * Returns javac's own {@link Messager}, or, under another compiler, one that places packages. The
   * messager tells the compiler: a build tool may wrap the environment (Gradle does) but hands on
   * the compiler's messager.
   */
  public static Messager of(ProcessingEnvironment env) {
    if (env.getMessager().getClass().getName().startsWith("com.sun.tools.javac.")) {
      return env.getMessager();
    }
    return new PackageLocations(env.getMessager());
  }

  @Override
  public void printMessage(Kind kind, CharSequence message) {
    messager.printMessage(kind, message);
  }

  @Override
  public void printMessage(Kind kind, CharSequence message, Element element) {
    Optional<TypeElement> type = firstType(element);
    messager.printMessage(kind, message, type.isPresent() ? type.get() : element);
  }

  @Override
  public void printMessage(
      Kind kind, CharSequence message, Element element, AnnotationMirror mirror) {
    Optional<TypeElement> type = firstType(element);
    if (type.isPresent()) {
      messager.printMessage(kind, message, type.get());
    } else {
      messager.printMessage(kind, message, element, mirror);
    }
  }

  @Override
  public void printMessage(
      Kind kind,
      CharSequence message,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value) {
    Optional<TypeElement> type = firstType(element);
    if (type.isPresent()) {
      messager.printMessage(kind, message, type.get());
    } else {
      messager.printMessage(kind, message, element, mirror, value);
    }
  }

  /** The first type by simple name of {@code element}, when it is a package; else empty. */
  private static Optional<TypeElement> firstType(Element element) {
    if (!(element instanceof PackageElement)) {
      return Optional.empty();
    }
    return ElementFilter.typesIn(element.getEnclosedElements()).stream()
        .min(Comparator.comparing(type -> type.getSimpleName().toString()));
  }
}
