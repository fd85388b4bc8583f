package dev.rolegate.processor.internal.validation;

import com.palantir.javapoet.TypeName;
import dev.rolegate.processor.internal.base.MethodNames;
import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.model.GuardedMethod;
import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.Narrowing;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * Warns {@code [ReturnsGuardedType]} on each method of a guarded type whose return type is the type
 * or a supertype of it ({@code Object} included): what the guard does with such a result, and what
 * it cannot reach (an instance inside another returned object). Warns too on each method returning
 * a proper subtype of it ({@link Narrowing}): the guard refuses every result but null and a guard
 * of the subtype. And on each method whose return type holds the type, a supertype other than
 * {@code Object} or a subtype inside it (an array component, a type argument, a wildcard bound):
 * the guard checks the returned value, never what it holds.
 *
 * <p>A return type the guard checks that is none of those ({@code Runnable}, {@code List<T>}) gets
 * no warning: the guard throws for an instance of the guarded type rather than let it out, and a
 * warning on every method returning a collection or an interface would bury the others.
 *
 * <p>A type variable bounded by {@code Object} or by a supertype of the guarded type gets no
 * warning: it is what every generic getter returns ({@code V get(K key)}). The guard checks such a
 * result all the same, and a caller that instantiates the variable as the implementation class gets
 * a {@link ClassCastException}, never the implementation.
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
    for (GuardedMethod method : service.overridden()) {
      ExecutableElement element = method.element();
      TypeMirror returned = ((ExecutableType) types.asMemberOf(rootType, element)).getReturnType();
      if (method.narrowing().isPresent()) {
        Narrowing narrowing = method.narrowing().get();
        report(
            Diagnostic.RETURNS_GUARDED_SUBTYPE,
            Diagnostic.RETURNS_GUARDED_SUBTYPE_INHERITED,
            root,
            method,
            narrowing.subtype().getSimpleName().toString(),
            name,
            guard,
            narrowing.howToGuard());
        continue;
      }
      if (returned.getKind() != TypeKind.DECLARED
          || !types.isSubtype(erased, types.erasure(returned))) {
        inside(returned, erased, false)
            .ifPresent(
                held ->
                    report(
                        service.isClass()
                            ? Diagnostic.RETURNS_GUARDED_CLASS_CONTAINER
                            : Diagnostic.RETURNS_GUARDED_CONTAINER,
                        service.isClass()
                            ? Diagnostic.RETURNS_GUARDED_CLASS_CONTAINER_INHERITED
                            : Diagnostic.RETURNS_GUARDED_CONTAINER_INHERITED,
                        root,
                        method,
                        shown(returned),
                        simpleName(held.type()),
                        held.where(),
                        guard));
        continue;
      }
      String returnedName = types.asElement(returned).getSimpleName().toString();
      if (service.isClass()) {
        report(
            Diagnostic.RETURNS_GUARDED_CLASS,
            Diagnostic.RETURNS_GUARDED_CLASS_INHERITED,
            root,
            method,
            returnedName,
            name,
            guard);
      } else {
        report(
            Diagnostic.RETURNS_GUARDED_TYPE,
            Diagnostic.RETURNS_GUARDED_TYPE_INHERITED,
            root,
            method,
            returnedName,
            name,
            guard);
      }
    }
  }

  /** A type related to the guarded type that a returned type holds, and where it holds it. */
  private record Held(TypeMirror type, String where) {}

  /**
   * Returns the first type in {@code type} (below its top level unless {@code nested}) that is the
   * guarded type {@code erasedRoot}, a supertype of it other than {@code Object}, or a subtype of
   * it: an array component, a type argument, a wildcard bound, a type variable's bound there.
   */
  private Optional<Held> inside(TypeMirror type, TypeMirror erasedRoot, boolean nested) {
    return switch (type.getKind()) {
      case ARRAY -> {
        TypeMirror component = ((ArrayType) type).getComponentType();
        yield related(component, erasedRoot)
            ? Optional.of(new Held(component, "as an array component"))
            : inside(component, erasedRoot, true);
      }
      case DECLARED -> {
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
          Optional<Held> held =
              related(argument, erasedRoot)
                  ? Optional.of(new Held(argument, "as a type argument"))
                  : inside(argument, erasedRoot, true);
          if (held.isPresent()) {
            yield held;
          }
        }
        yield Optional.empty();
      }
      case WILDCARD -> {
        WildcardType wildcard = (WildcardType) type;
        List<TypeMirror> bounds =
            Arrays.asList(wildcard.getExtendsBound(), wildcard.getSuperBound());
        for (TypeMirror bound : bounds) {
          if (bound != null && related(bound, erasedRoot)) {
            yield Optional.of(new Held(bound, "as a wildcard bound"));
          }
          Optional<Held> held = bound == null ? Optional.empty() : inside(bound, erasedRoot, true);
          if (held.isPresent()) {
            yield held;
          }
        }
        yield Optional.empty();
      }
      case TYPEVAR ->
          nested && related(type, erasedRoot)
              ? Optional.of(new Held(type, "as a type variable's bound"))
              : Optional.empty();
      default -> Optional.empty();
    };
  }

  /**
   * Returns whether {@code type} is {@code erasedRoot}, a supertype of it other than {@code Object}
   * or a subtype of it, or a type variable bounded by one of those.
   */
  private boolean related(TypeMirror type, TypeMirror erasedRoot) {
    if (type.getKind() == TypeKind.TYPEVAR) {
      TypeMirror bound = ((TypeVariable) type).getUpperBound();
      List<? extends TypeMirror> bounds =
          bound.getKind() == TypeKind.INTERSECTION
              ? ((IntersectionType) bound).getBounds()
              : List.of(bound);
      return bounds.stream().anyMatch(each -> related(each, erasedRoot));
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeMirror erased = types.erasure(type);
    boolean object =
        ((TypeElement) types.asElement(erased))
            .getQualifiedName()
            .contentEquals("java.lang.Object");
    return !object && (types.isSubtype(erasedRoot, erased) || types.isSubtype(erased, erasedRoot));
  }

  /** Returns {@code type} as a reader writes it, with simple names: {@code List<Things>}. */
  private static String shown(TypeMirror type) {
    return TypeName.get(type).toString().replaceAll("\\b(?:[a-z_][\\w$]*\\.)+", "");
  }

  /** Returns {@code type}'s simple name after "a" or "an": {@code a Things}. */
  private String simpleName(TypeMirror type) {
    String name =
        type.getKind() == TypeKind.TYPEVAR
            ? type.toString()
            : types.asElement(type).getSimpleName().toString();
    return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
  }

  /**
   * Reports {@code declared} on {@code method} with {@code arguments} after the method; or, when
   * the method is inherited from a type without source here, {@code inherited} on {@code root},
   * with {@code root} after them.
   */
  private void report(
      Diagnostic declared,
      Diagnostic inherited,
      TypeElement root,
      GuardedMethod method,
      Object... arguments) {
    ExecutableElement element = method.element();
    TypeElement declaring = (TypeElement) element.getEnclosingElement();
    Object[] all = new Object[arguments.length + 2];
    all[0] = method.operation() + MethodNames.parameters(element);
    System.arraycopy(arguments, 0, all, 1, arguments.length);
    if (declaring.equals(root) || compiledHere.test(declaring)) {
      reporter.report(declared, element, Arrays.copyOf(all, arguments.length + 1));
    } else {
      all[arguments.length + 1] = root.getSimpleName();
      reporter.report(inherited, root, all);
    }
  }
}
