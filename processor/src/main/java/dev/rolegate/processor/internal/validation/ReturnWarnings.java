package dev.rolegate.processor.internal.validation;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.model.GuardedMethod;
import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.Narrowing;
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
 * and what it cannot reach (an instance inside another returned object). Warns too on each method
 * returning a proper subtype of it ({@link Narrowing}): the guard refuses every result but null
 * and a guard of the subtype.
 *
 * <p>A type variable bounded by {@code Object} or by a supertype of the guarded type gets no
 * warning: it is what every generic getter returns ({@code V get(K key)}). The guard checks such
 * a result all the same, and a caller that instantiates the variable as the implementation class
 * gets a {@link ClassCastException}, never the implementation.
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

  /** Reports on each method of {@code service} that returns its type, a supertype or a subtype. */
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
      if (method.narrowing().isPresent()) {
        Narrowing narrowing = method.narrowing().get();
        report(Diagnostic.RETURNS_GUARDED_SUBTYPE, root, method,
            narrowing.subtype().getSimpleName().toString(), name, guard,
            narrowing.howToGuard());
        continue;
      }
      if (returned.getKind() != TypeKind.DECLARED
          || !types.isSubtype(erased, types.erasure(returned))) {
        continue;
      }
      String returnedName = types.asElement(returned).getSimpleName().toString();
      Diagnostic diagnostic = service.isClass()
          ? Diagnostic.RETURNS_GUARDED_CLASS
          : Diagnostic.RETURNS_GUARDED_TYPE;
      report(diagnostic, root, method, returnedName, name, guard);
    }
  }

  /**
   * Reports {@code diagnostic} on {@code method}, or on {@code root} when the method is inherited
   * from a type without source here; {@code arguments} follow the method's name.
   */
  private void report(
      Diagnostic diagnostic, TypeElement root, GuardedMethod method, Object... arguments) {
    ExecutableElement element = method.element();
    TypeElement declaring = (TypeElement) element.getEnclosingElement();
    Object[] all = new Object[arguments.length + 1];
    System.arraycopy(arguments, 0, all, 1, arguments.length);
    if (declaring.equals(root) || compiledHere.test(declaring)) {
      all[0] = method.operation() + "()";
      reporter.report(diagnostic, element, all);
    } else {
      all[0] = "method " + method.operation() + "(), inherited by " + root.getSimpleName() + ",";
      reporter.report(diagnostic, root, all);
    }
  }
}
