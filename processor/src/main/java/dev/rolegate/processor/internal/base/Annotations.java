package dev.rolegate.processor.internal.base;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Reads annotation mirrors by qualified name, keeping the handles diagnostics need. */
public final class Annotations {
  private Annotations() {}

  /** Returns the mirror of the annotation named {@code qualifiedName} on {@code element}. */
  public static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** Returns the explicitly set value of element {@code name}, if set. */
  public static Optional<AnnotationValue> value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /** Returns the items of an array value (a single value counts as one item). */
  public static List<? extends AnnotationValue> items(AnnotationValue value) {
    Object raw = value.getValue();
    if (raw instanceof List<?>) {
      @SuppressWarnings("unchecked")
      List<? extends AnnotationValue> items = (List<? extends AnnotationValue>) raw;
      return items;
    }
    return List.of(value);
  }

  /**
   * Returns whether an item did not resolve yet: javac gives {@code <error>} for a constant of a
   * type generated later in this compilation.
   */
  public static boolean unresolved(AnnotationValue item) {
    Object raw = item.getValue();
    return !(raw instanceof String) || raw.equals("<error>");
  }
}
