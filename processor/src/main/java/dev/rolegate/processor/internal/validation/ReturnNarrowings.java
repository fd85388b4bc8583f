package dev.rolegate.processor.internal.validation;

import com.palantir.javapoet.ClassName;
import dev.rolegate.processor.internal.base.Annotations;
import dev.rolegate.processor.internal.base.Names;
import dev.rolegate.processor.internal.model.GuardedMethod;
import dev.rolegate.processor.internal.model.Narrowing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Finds the methods of a guarded type that return a proper subtype of it, which its guard cannot
 * stand in for (see {@link Narrowing}), and whether rolegate guards that subtype: it carries
 * {@code @RequiresPermission}, or one of its own methods carries it or {@code @Unguarded} (the
 * types the processor writes a guard for), or it is itself a generated guard.
 */
final class ReturnNarrowings {
  private final Types types;

  ReturnNarrowings(Types types) {
    this.types = types;
  }

  /** Returns {@code methods} of {@code root}, each with its narrowing if it has one. */
  List<GuardedMethod> apply(TypeElement root, List<GuardedMethod> methods) {
    DeclaredType rootType = (DeclaredType) root.asType();
    TypeMirror erased = types.erasure(rootType);
    List<GuardedMethod> out = new ArrayList<>();
    for (GuardedMethod method : methods) {
      ExecutableElement element = method.element();
      TypeMirror returned = ((ExecutableType) types.asMemberOf(rootType, element)).getReturnType();
      out.add(method.withNarrowing(subtype(returned, erased).map(ReturnNarrowings::narrowing)));
    }
    return out;
  }

  /** Returns the proper subtype of {@code erasedRoot} that {@code returned} is or is bounded by. */
  private Optional<TypeElement> subtype(TypeMirror returned, TypeMirror erasedRoot) {
    if (returned.getKind() == TypeKind.DECLARED) {
      TypeMirror erased = types.erasure(returned);
      return !types.isSameType(erased, erasedRoot) && types.isSubtype(erased, erasedRoot)
          ? Optional.of((TypeElement) types.asElement(returned))
          : Optional.empty();
    }
    if (returned.getKind() != TypeKind.TYPEVAR) {
      return Optional.empty();
    }
    TypeMirror bound = ((TypeVariable) returned).getUpperBound();
    List<? extends TypeMirror> bounds =
        bound.getKind() == TypeKind.INTERSECTION
            ? ((IntersectionType) bound).getBounds()
            : List.of(bound);
    for (TypeMirror each : bounds) {
      Optional<TypeElement> found = subtype(each, erasedRoot);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Narrowing narrowing(TypeElement subtype) {
    if (Annotations.find(subtype, Names.GENERATED).isPresent()) {
      return new Narrowing(subtype, ClassName.get(subtype), true);
    }
    boolean guarded =
        Annotations.find(subtype, Names.REQUIRES_PERMISSION).isPresent()
            || ElementFilter.methodsIn(subtype.getEnclosedElements()).stream()
                .anyMatch(
                    method ->
                        Annotations.find(method, Names.REQUIRES_PERMISSION).isPresent()
                            || Annotations.find(method, Names.UNGUARDED).isPresent());
    return new Narrowing(subtype, ServiceValidator.guardName(subtype), guarded);
  }
}
