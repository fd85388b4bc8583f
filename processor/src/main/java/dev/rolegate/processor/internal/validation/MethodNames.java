package dev.rolegate.processor.internal.validation;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * How diagnostics write a method's parameter list: {@code ()} where its name is enough, the
 * parameter types' simple names, as in {@code (String, int)}, where the type declaring it has
 * another method of that name.
 */
final class MethodNames {
  private MethodNames() {}

  /** Returns {@code "()"}, or {@code "(String, int)"} when {@code method}'s name is overloaded. */
  static String parameters(ExecutableElement method) {
    Element declaring = method.getEnclosingElement();
    if (!(declaring instanceof TypeElement) || !overloaded((TypeElement) declaring, method)) {
      return "()";
    }
    List<String> types = new ArrayList<>();
    List<? extends TypeMirror> parameters = method.getParameters().stream()
        .map(Element::asType).toList();
    for (int i = 0; i < parameters.size(); i++) {
      boolean varargs = method.isVarArgs() && i == parameters.size() - 1
          && parameters.get(i) instanceof ArrayType;
      types.add(varargs
          ? simple(((ArrayType) parameters.get(i)).getComponentType()) + "..."
          : simple(parameters.get(i)));
    }
    return "(" + String.join(", ", types) + ")";
  }

  private static boolean overloaded(TypeElement declaring, ExecutableElement method) {
    for (ExecutableElement other : ElementFilter.methodsIn(declaring.getEnclosedElements())) {
      if (!other.equals(method) && other.getSimpleName().contentEquals(method.getSimpleName())) {
        return true;
      }
    }
    return false;
  }

  /** Returns {@code String} for {@code java.lang.String}, {@code Ref[]} for an array of them. */
  private static String simple(TypeMirror type) {
    if (type instanceof ArrayType array) {
      return simple(array.getComponentType()) + "[]";
    }
    if (type instanceof DeclaredType declared) {
      return declared.asElement().getSimpleName().toString();
    }
    return type.toString();
  }
}
