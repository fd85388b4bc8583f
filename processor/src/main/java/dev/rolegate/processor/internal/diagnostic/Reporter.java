package dev.rolegate.processor.internal.diagnostic;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Prints diagnostics on the most precise handle available (array item, value, mirror, element)
 * and counts the errors, so later steps can tell whether output may be generated.
 */
public final class Reporter {
  private final Messager messager;
  private final java.util.Set<java.util.List<Object>> printed = new java.util.HashSet<>();
  private int errors;

  public Reporter(Messager messager) {
    this.messager = messager;
  }

  /** Reports {@code diagnostic} on {@code element}. */
  public void report(Diagnostic diagnostic, Element element, Object... args) {
    report(diagnostic, element, null, null, args);
  }

  /** Reports {@code diagnostic} on {@code value} of {@code mirror} of {@code element}. */
  public void report(
      Diagnostic diagnostic,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value,
      Object... args) {
    String message = diagnostic.format(args);
    // A mistake in a supertype is met again through each subtype: print it once.
    if (!printed.add(java.util.Arrays.asList(element, mirror, value, message))) {
      return;
    }
    if (diagnostic.kind() == javax.tools.Diagnostic.Kind.ERROR) {
      errors++;
    }
    if (mirror == null) {
      messager.printMessage(diagnostic.kind(), message, element);
    } else if (value == null) {
      messager.printMessage(diagnostic.kind(), message, element, mirror);
    } else {
      messager.printMessage(diagnostic.kind(), message, element, mirror, value);
    }
  }

  /** Returns how many errors this reporter printed. */
  public int errorCount() {
    return errors;
  }
}
