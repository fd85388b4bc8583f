package dev.rolegate.processor.internal.validation;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.model.GuardedMethod;
import dev.rolegate.processor.internal.model.GuardedService;
import java.util.function.Predicate;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Warns {@code [ReturnsGuardedType]} on each method of a guarded type whose return type is the
 * type or a supertype of it ({@code Object} included): what the guard does with such a result,
 * and what it cannot reach (an instance inside another returned object).
 */
final class ReturnWarnings {
  private final Types types;
  private final Reporter reporter;
  private final Predicate<TypeElement> compiledHere;

  ReturnWarnings(Types types, Reporter reporter, Predicate<TypeElement> compiledHere) {
    this.types = types;
    this.reporter = reporter;
    this.compiledHere = compiledHere;
  }

  /** Reports on each method of {@code service} that returns its type or a supertype of it. */
  void check(GuardedService service) {
    TypeElement root = service.type();
    DeclaredType rootType = (DeclaredType) root.asType();
    TypeMirror erased = types.erasure(rootType);
    String name = root.getSimpleName().toString();
    String guard = service.guardName().simpleName();
    for (GuardedMethod method : service.methods()) {
      ExecutableElement element = method.element();
      TypeMirror returned =
          ((ExecutableType) types.asMemberOf(rootType, element)).getReturnType();
      if (returned.getKind() != TypeKind.DECLARED
          || !types.isSubtype(erased, types.erasure(returned))) {
        continue;
      }
      String returnedName = types.asElement(returned).getSimpleName().toString();
      Diagnostic diagnostic = service.isClass()
          ? Diagnostic.RETURNS_GUARDED_CLASS
          : Diagnostic.RETURNS_GUARDED_TYPE;
      TypeElement declaring = (TypeElement) element.getEnclosingElement();
      if (declaring.equals(root) || compiledHere.test(declaring)) {
        reporter.report(diagnostic, element, method.operation() + "()", returnedName, name, guard);
      } else {
        reporter.report(diagnostic, root, "method " + method.operation() + "(), inherited by "
            + name + ",", returnedName, name, guard);
      }
    }
  }
}
