package dev.rolegate.processor.internal.diagnostic;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Prints diagnostics on the most precise handle available (array item, value, mirror, element) and
 * counts the errors, so later steps can tell whether output may be generated. Each diagnostic is
 * printed once. A warning is dropped when {@code @SuppressWarnings("<Id>")} sits on the element it
 * is reported on or on an element enclosing it; errors cannot be suppressed.
 */
public final class Reporter {
  private final Messager messager;
  private final Set<List<Object>> printed = new HashSet<>();
  private int errors;

  public Reporter(Messager messager) {
    this.messager = messager;
  }

  /** Reports {@code diagnostic} on {@code element}; returns whether it was printed. */
  public boolean report(Diagnostic diagnostic, Element element, Object... args) {
    return report(diagnostic, element, null, null, args);
  }

  /**
   * Reports {@code diagnostic} on {@code value} of {@code mirror} of {@code element}; returns
   * whether it was printed (not suppressed, not printed before).
   */
  public boolean report(
      Diagnostic diagnostic,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value,
      Object... args) {
    if (suppressed(diagnostic, Collections.singletonList(element))) {
      return false;
    }
    String message = diagnostic.format(args);
    // A mistake in a supertype is met again through each subtype: print it once.
    if (!firstTime(element, mirror, value, message, diagnostic)) {
      return false;
    }
    if (mirror == null) {
      messager.printMessage(diagnostic.kind(), message, element);
    } else if (value == null) {
      messager.printMessage(diagnostic.kind(), message, element, mirror);
    } else {
      messager.printMessage(diagnostic.kind(), message, element, mirror, value);
    }
    return true;
  }

  /** Reports {@code diagnostic} on the compilation as a whole, where no element is to blame. */
  public void reportOnCompilation(Diagnostic diagnostic, Object... args) {
    String message = diagnostic.format(args);
    if (firstTime(null, null, null, message, diagnostic)) {
      messager.printMessage(diagnostic.kind(), message);
    }
  }

  /**
   * Reports {@code diagnostic} through {@code printer}, for a position only the caller can print (a
   * call inside a method body): once per {@code position} and message, and not at all when it is a
   * warning that one of {@code scopes}, or an element enclosing one, suppresses.
   */
  public void report(
      Diagnostic diagnostic,
      List<? extends Element> scopes,
      Object position,
      BiConsumer<Kind, String> printer,
      Object... args) {
    if (suppressed(diagnostic, scopes)) {
      return;
    }
    String message = diagnostic.format(args);
    if (firstTime(position, null, null, message, diagnostic)) {
      printer.accept(diagnostic.kind(), message);
    }
  }

  /** Reports {@code e} as {@code [InternalError]} on {@code subject}, with its stack trace. */
  public void internalError(Element subject, Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    report(
        Diagnostic.INTERNAL_ERROR,
        subject,
        subject == null ? "the round" : subject.toString(),
        e.toString(),
        trace.toString());
  }

  /**
   * Returns whether {@code diagnostic}, a warning, is suppressed on {@code element} or an element
   * enclosing it; errors never are.
   */
  public boolean suppresses(Diagnostic diagnostic, Element element) {
    return suppressed(diagnostic, Collections.singletonList(element));
  }

  /** Returns how many errors this reporter printed. */
  public int errorCount() {
    return errors;
  }

  private static boolean suppressed(Diagnostic diagnostic, List<? extends Element> scopes) {
    if (diagnostic.kind() != Kind.WARNING) {
      return false;
    }
    for (Element scope : scopes) {
      if (scope != null && Suppressions.suppressed(scope, diagnostic.id())) {
        return true;
      }
    }
    return false;
  }

  private boolean firstTime(
      Object where, Object mirror, Object value, String message, Diagnostic diagnostic) {
    if (!printed.add(Arrays.asList(where, mirror, value, message))) {
      return false;
    }
    if (diagnostic.kind() == Kind.ERROR) {
      errors++;
    }
    return true;
  }
}
