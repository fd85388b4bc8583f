package dev.rolegate.processor.internal.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * Writes method signatures with simple type names, as a reader of the service source sees them:
 * {@code (String, List<Deployment>, int...)}. Type annotations are left out. The access report, the
 * guard index and diagnostics naming an overloaded method share them.
 */
public final class Signatures {
  private Signatures() {}

  /** Returns the parameter list of {@code method} in parentheses, declared types, simple names. */
  public static String parameters(ExecutableElement method) {
    List<String> types = new ArrayList<>();
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      String type = type(parameters.get(i).asType());
      if (method.isVarArgs() && i == parameters.size() - 1 && type.endsWith("[]")) {
        type = type.substring(0, type.length() - 2) + "...";
      }
      types.add(type);
    }
    return "(" + String.join(", ", types) + ")";
  }

  /** Returns {@code DeploymentRef.workspace()} for a carrier's accessor. */
  public static String accessor(ExecutableElement accessor) {
    return typeName(accessor.getEnclosingElement()) + "." + accessor.getSimpleName() + "()";
  }

  /** Returns {@code type} with simple names: {@code Map<String, List<Thing>>}, {@code int[]}. */
  static String type(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        String name = typeName(declared.asElement());
        if (declared.getTypeArguments().isEmpty()) {
          return name;
        }
        List<String> arguments = new ArrayList<>();
        for (TypeMirror argument : declared.getTypeArguments()) {
          arguments.add(type(argument));
        }
        return name + "<" + String.join(", ", arguments) + ">";
      case ARRAY:
        return type(((ArrayType) type).getComponentType()) + "[]";
      case TYPEVAR:
        return ((TypeVariable) type).asElement().getSimpleName().toString();
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          return "? extends " + type(wildcard.getExtendsBound());
        }
        return wildcard.getSuperBound() == null ? "?" : "? super " + type(wildcard.getSuperBound());
      default:
        return type.getKind().isPrimitive()
            ? type.getKind().name().toLowerCase(Locale.ROOT)
            : type.toString();
    }
  }

  /** Returns {@code Outer.Inner} for a nested type: the enclosing simple names joined by dots. */
  private static String typeName(Element element) {
    StringBuilder name = new StringBuilder(element.getSimpleName());
    for (Element outer = element.getEnclosingElement();
        outer instanceof TypeElement;
        outer = outer.getEnclosingElement()) {
      name.insert(0, outer.getSimpleName() + ".");
    }
    return name.toString();
  }
}
