package dev.rolegate.processor.internal.diagnostic;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Tells whether {@code @SuppressWarnings("<Id>")} silences a warning on an element: on the element
 * itself or on any element enclosing it (method, type, enclosing types). The id must match exactly;
 * {@code "all"} is javac's business and does not silence rolegate. A package cannot carry
 * {@code @SuppressWarnings} (its target excludes packages), so package-info does not count.
 */
final class Suppressions {
  private static final String SUPPRESS_WARNINGS = "java.lang.SuppressWarnings";

  private Suppressions() {}

  /** Returns whether {@code element} or an element enclosing it suppresses {@code id}. */
  static boolean suppressed(Element element, String id) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      if (suppressesHere(e, id)) {
        return true;
      }
    }
    return false;
  }

  private static boolean suppressesHere(Element element, String id) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (!type.getQualifiedName().contentEquals(SUPPRESS_WARNINGS)) {
        continue;
      }
      for (AnnotationValue value : mirror.getElementValues().values()) {
        if (names(value).contains(id)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Returns the strings of {@code value}, an array or a single string. */
  private static List<String> names(AnnotationValue value) {
    Object raw = value.getValue();
    if (!(raw instanceof List<?>)) {
      return raw instanceof String ? List.of((String) raw) : List.of();
    }
    return ((List<?>) raw)
        .stream()
            .map(item -> ((AnnotationValue) item).getValue())
            .filter(String.class::isInstance)
            .map(String.class::cast)
            .toList();
  }
}
