package dev.rolegate.processor.internal.generation;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.rolegate.processor.internal.model.GuardedMethod;
import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.Narrowing;
import java.util.Collections;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * The return-value rule: no caller gets an unguarded instance of the guarded type back from a
 * guard. It applies to every method whose return type could hold one at run time: a class or
 * interface type, or a type variable, that an instance of the guarded type can be cast to.
 *
 * <p>When the return type is the guarded type, a supertype of it ({@code Object} included), or a
 * type variable bounded by one of those, a guard can stand in for the result. An interface guard
 * returns itself when its delegate returns itself, and wraps any other instance of the interface
 * that is not a guard in a new guard with the same principal source; a guard or null is returned as
 * is. A class guard returns a result that is a guard ({@code this}, or the copy {@code
 * Object.clone} makes of it) and throws {@link IllegalStateException} for an instance of the class
 * that is not one (made with {@code new} in the class's own code).
 *
 * <p>Any other such return type ({@code Runnable} when the implementation also implements it, a
 * type variable bounded by it) no guard of the guarded type is an instance of, so the guard throws
 * {@link IllegalStateException} for a result that is an instance of the guarded type, its delegate
 * included, and passes anything else, null included.
 *
 * <p>A method whose return type is a proper subtype of the guarded type ({@link Narrowing}) is
 * another matter: the guard is not one, so it cannot stand in for the result. Its guard passes null
 * and a guard of the subtype, and throws {@link IllegalStateException} for anything else, its
 * delegate included.
 */
final class ReturnChecks {
  private static final AnnotationSpec UNCHECKED =
      AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build();

  private final Types types;

  ReturnChecks(Types types) {
    this.types = types;
  }

  /**
   * Returns whether a method returning {@code returned} could return an instance of {@code type} at
   * run time: a class or interface type, or a type variable with such bounds, that an instance of
   * {@code type} can be cast to, so not a primitive, an array, or a final class that does not
   * implement it. Decided on erasures, as for a cast: two interfaces always qualify; a class and an
   * interface unless the class is final (an enum or a record too); two classes when one extends the
   * other.
   */
  boolean applies(TypeMirror returned, TypeElement type) {
    if (returned.getKind() == TypeKind.TYPEVAR) {
      return bounds((TypeVariable) returned).stream().allMatch(each -> applies(each, type));
    }
    if (returned.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeMirror erased = types.erasure(returned);
    TypeMirror erasedType = types.erasure(type.asType());
    if (types.isSubtype(erased, erasedType) || types.isSubtype(erasedType, erased)) {
      return true;
    }
    TypeElement element = (TypeElement) types.asElement(erased);
    boolean returnsInterface = element.getKind().isInterface();
    boolean guardsInterface = type.getKind().isInterface();
    return returnsInterface && guardsInterface
        || returnsInterface && !isFinal(type)
        || guardsInterface && !isFinal(element);
  }

  private static boolean isFinal(TypeElement type) {
    return type.getModifiers().contains(Modifier.FINAL)
        || type.getKind() == ElementKind.ENUM
        || type.getKind() == ElementKind.RECORD;
  }

  /** Returns the upper bounds of {@code variable}: one, or each of an intersection. */
  private static List<? extends TypeMirror> bounds(TypeVariable variable) {
    TypeMirror bound = variable.getUpperBound();
    return bound.getKind() == TypeKind.INTERSECTION
        ? ((IntersectionType) bound).getBounds()
        : List.of(bound);
  }

  /**
   * Returns whether javac could reject {@code result instanceof} the guarded type for a result of
   * type {@code returned} that {@link #applies} (a parameterized type whose arguments are provably
   * distinct from the guarded type's, a sealed type), so the check goes through {@code Object}.
   */
  private boolean viaObject(TypeMirror returned) {
    if (returned.getKind() == TypeKind.TYPEVAR) {
      return bounds((TypeVariable) returned).stream().anyMatch(this::viaObject);
    }
    return !((DeclaredType) returned).getTypeArguments().isEmpty()
        || types.asElement(returned).getModifiers().contains(Modifier.SEALED);
  }

  /**
   * Returns whether {@code returned} is {@code type}, a supertype of it or a type variable bounded
   * by those, so that a guard of {@code type} is a result of it.
   */
  private boolean standsIn(TypeMirror returned, TypeElement type) {
    TypeMirror erased = types.erasure(type.asType());
    if (returned.getKind() == TypeKind.DECLARED) {
      return types.isSubtype(erased, types.erasure(returned));
    }
    if (returned.getKind() != TypeKind.TYPEVAR) {
      return false;
    }
    return bounds((TypeVariable) returned).stream().allMatch(each -> standsIn(each, type));
  }

  /**
   * Adds to {@code builder} the call (its result kept in a local variable), the checks of the
   * result, and the return: {@code call} is the call on the target, {@code returned} the method's
   * return type as a member of the guarded type.
   */
  void addReturn(
      MethodSpec.Builder builder,
      List<ParameterSpec> parameters,
      GuardedMethod method,
      GuardedService service,
      TypeMirror returned,
      CodeBlock call,
      CodeBlock delegate,
      CodeBlock source) {
    String result = resultName(parameters);
    TypeName returnType = TypeName.get(returned);
    DeclaredType serviceType = (DeclaredType) service.type().asType();
    TypeMirror anyService = wildcards(service.type());
    TypeName anyServiceName = wildcardName(ClassName.get(service.type()), serviceType);
    TypeName anyGuardName = wildcardName(service.guardName(), serviceType);
    builder.addStatement("$T $N = $L", returnType, result, call);
    if (!standsIn(returned, service.type())) {
      CodeBlock checked =
          viaObject(returned)
              ? CodeBlock.of("($T) $N", Object.class, result)
              : CodeBlock.of("$N", result);
      builder
          .beginControlFlow("if ($L instanceof $T)", checked, anyServiceName)
          .addStatement(
              "throw new $T($S)",
              IllegalStateException.class,
              returnedAs(method, service, returned))
          .endControlFlow()
          .addStatement("return $N", result);
      return;
    }
    boolean unchecked = false;
    if (!service.isClass()) {
      CodeBlock self = CodeBlock.of("this");
      if (!types.isAssignable(serviceType, returned)) {
        self = CodeBlock.of("($T) this", returnType);
        unchecked = true;
      }
      builder
          .beginControlFlow("if ($N == $L)", result, delegate)
          .addStatement("return $L", self)
          .endControlFlow();
    }
    boolean alwaysService = types.isAssignable(returned, anyService);
    CodeBlock condition =
        alwaysService
            ? CodeBlock.of("$N != null && !($N instanceof $T)", result, result, anyGuardName)
            : CodeBlock.of(
                "$N instanceof $T && !($N instanceof $T)",
                result,
                anyServiceName,
                result,
                anyGuardName);
    builder.beginControlFlow("if ($L)", condition);
    if (service.isClass()) {
      builder.addStatement(
          "throw new $T($S)", IllegalStateException.class, unguardedInstance(method, service));
    } else {
      CodeBlock argument =
          alwaysService
              ? CodeBlock.of("$N", result)
              : CodeBlock.of("($T) $N", anyServiceName, result);
      TypeMirror wrapped = types.isAssignable(returned, serviceType) ? serviceType : anyService;
      CodeBlock wrap = CodeBlock.of("$T.wrap($L, $L)", service.guardName(), argument, source);
      if (!types.isAssignable(wrapped, returned)) {
        wrap = CodeBlock.of("($T) $L", returnType, wrap);
        unchecked = true;
      }
      builder.addStatement("return $L", wrap);
    }
    builder.endControlFlow().addStatement("return $N", result);
    if (unchecked) {
      builder.addAnnotation(UNCHECKED);
    }
  }

  /**
   * Adds to {@code builder} the call, the refusal of a result that is the delegate or an unguarded
   * instance of the {@code narrowing}'s subtype, and the return.
   */
  void addNarrowed(
      MethodSpec.Builder builder,
      List<ParameterSpec> parameters,
      GuardedMethod method,
      GuardedService service,
      Narrowing narrowing,
      TypeMirror returned,
      CodeBlock call,
      CodeBlock delegate) {
    String result = resultName(parameters);
    builder.addStatement("$T $N = $L", TypeName.get(returned), result, call);
    CodeBlock refused = CodeBlock.of("$N != null", result);
    if (narrowing.guarded()) {
      TypeName guard = wildcardName(narrowing.guard(), (DeclaredType) narrowing.subtype().asType());
      CodeBlock notGuard = CodeBlock.of("!($N instanceof $T)", result, guard);
      refused =
          service.isClass()
              ? CodeBlock.of("$L && $L", refused, notGuard)
              : CodeBlock.of("$L && ($N == $L || $L)", refused, result, delegate, notGuard);
    }
    builder
        .beginControlFlow("if ($L)", refused)
        .addStatement(
            "throw new $T($S)", IllegalStateException.class, narrowed(method, service, narrowing))
        .endControlFlow()
        .addStatement("return $N", result);
  }

  /** Returns the message a guard throws when {@code method} would hand out an unguarded subtype. */
  private static String narrowed(
      GuardedMethod method, GuardedService service, Narrowing narrowing) {
    String subtype = String.join(".", ClassName.get(narrowing.subtype()).simpleNames());
    String guard = service.guardName().simpleName();
    String what = service.isClass() ? "a " : "its implementation or a ";
    return method.operation()
        + " returned "
        + what
        + subtype
        + " that is not a guard of "
        + subtype
        + ", which would reach the caller unguarded: "
        + guard
        + " cannot stand in for a "
        + subtype
        + ". Return a guard of "
        + subtype
        + " ("
        + narrowing.howToGuard()
        + ") or data instead";
  }

  /**
   * Returns the message a guard throws when {@code method}, whose return type {@code returned} no
   * guard of the guarded type is an instance of, returns an instance of that type.
   */
  private String returnedAs(GuardedMethod method, GuardedService service, TypeMirror returned) {
    String type = String.join(".", ClassName.get(service.type()).simpleNames());
    TypeElement erased = (TypeElement) types.asElement(types.erasure(returned));
    String as = String.join(".", ClassName.get(erased).simpleNames());
    String what = service.isClass() ? article(type) : "its implementation or another " + type;
    return method.operation()
        + " returned "
        + what
        + " as "
        + article(as)
        + ", which would reach the caller unguarded. Return data or a guard instead";
  }

  /** Returns {@code noun} after "a" or "an". */
  private static String article(String noun) {
    return ("AEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  /** Returns the message a class guard throws when {@code method} returns an unguarded instance. */
  private static String unguardedInstance(GuardedMethod method, GuardedService service) {
    String type = String.join(".", ClassName.get(service.type()).simpleNames());
    String guard = service.guardName().simpleName();
    return method.operation()
        + " returned a "
        + type
        + " that is not a "
        + guard
        + ", which would reach the caller unguarded. Create instances with new "
        + guard
        + "(...), never new "
        + type
        + "(...), or return this";
  }

  /** Returns {@code type} with a {@code ?} for each type parameter, e.g. {@code Repo<?, ?>}. */
  private TypeMirror wildcards(TypeElement type) {
    int count = type.getTypeParameters().size();
    WildcardType any = types.getWildcardType(null, null);
    return types.getDeclaredType(type, Collections.nCopies(count, any).toArray(TypeMirror[]::new));
  }

  private static TypeName wildcardName(ClassName name, DeclaredType type) {
    int count = type.getTypeArguments().size();
    if (count == 0) {
      return name;
    }
    TypeName any = WildcardTypeName.subtypeOf(Object.class);
    return ParameterizedTypeName.get(
        name, Collections.nCopies(count, any).toArray(TypeName[]::new));
  }

  /** Returns the local variable's name for the result: "result", unless a parameter has it. */
  private static String resultName(List<ParameterSpec> parameters) {
    NameAllocator names = new NameAllocator();
    for (ParameterSpec parameter : parameters) {
      names.newName(parameter.name());
    }
    return names.newName("result");
  }
}
