package dev.rolegate.processor.internal.validation;

import dev.rolegate.processor.internal.base.Signatures;
import dev.rolegate.processor.internal.model.IdArgument;
import dev.rolegate.processor.internal.model.MethodText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the text the model carries for the access report and the guard index (binary names, erased
 * parameter types, signatures), once, where the model is built, so that they read no element.
 */
final class ModelText {
  private final Elements elements;
  private final Types types;

  ModelText(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** Returns {@code method} as text. */
  MethodText method(ExecutableElement method) {
    List<String> names = new ArrayList<>();
    List<String> erased = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      names.add(parameter.getSimpleName().toString());
      erased.add(erased(parameter.asType()));
    }
    return new MethodText(
        method.getSimpleName().toString(), Signatures.parameters(method), names, erased);
  }

  /** Returns a carrier's {@code accessor} as text. */
  IdArgument.AccessorText accessor(ExecutableElement accessor) {
    return new IdArgument.AccessorText(
        accessor.getSimpleName().toString(),
        binaryName((TypeElement) accessor.getEnclosingElement()),
        Signatures.accessor(accessor));
  }

  /** Returns the binary name of {@code type}: {@code a.B$C}. */
  String binaryName(TypeElement type) {
    return elements.getBinaryName(type).toString();
  }

  /**
   * Returns the erasure of {@code type} by binary name: {@code java.util.List}, {@code a.B$C[]},
   * {@code int}.
   */
  private String erased(TypeMirror type) {
    TypeMirror erasure = types.erasure(type);
    if (erasure.getKind() == TypeKind.ARRAY) {
      return erased(((ArrayType) erasure).getComponentType()) + "[]";
    }
    if (erasure.getKind() == TypeKind.DECLARED) {
      return binaryName((TypeElement) ((DeclaredType) erasure).asElement());
    }
    return erasure.getKind().isPrimitive()
        ? erasure.getKind().name().toLowerCase(Locale.ROOT)
        : erasure.toString();
  }
}
