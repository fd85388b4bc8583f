package dev.rolegate.processor.internal.base;

import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * How diagnostics write a method's parameter list: {@code ()} where its name is enough, the
 * parameter types as the access report writes them ({@link Signatures}), as in {@code (String,
 * int)}, where the type declaring it has another method of that name.
 */
public final class MethodNames {
  private MethodNames() {}

  /** Returns {@code "()"}, or {@code "(String, int)"} when {@code method}'s name is overloaded. */
  public static String parameters(ExecutableElement method) {
    Element declaring = method.getEnclosingElement();
    return declaring instanceof TypeElement type && overloaded(type, method)
        ? Signatures.parameters(method)
        : "()";
  }

  private static boolean overloaded(TypeElement declaring, ExecutableElement method) {
    for (ExecutableElement other : ElementFilter.methodsIn(declaring.getEnclosedElements())) {
      if (!other.equals(method) && other.getSimpleName().contentEquals(method.getSimpleName())) {
        return true;
      }
    }
    return false;
  }
}
