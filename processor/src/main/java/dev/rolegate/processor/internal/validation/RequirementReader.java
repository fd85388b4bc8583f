package dev.rolegate.processor.internal.validation;

import dev.rolegate.processor.internal.base.Annotations;
import dev.rolegate.processor.internal.base.MethodNames;
import dev.rolegate.processor.internal.base.Names;
import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.NameList;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.matrix.CompiledMatrix;
import dev.rolegate.processor.internal.matrix.MatrixParser;
import dev.rolegate.processor.internal.model.RequirementSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/** Reads one {@code @RequiresPermission} into a {@link RequirementSpec}, checking every name. */
final class RequirementReader {
  private final Reporter reporter;
  private final CompiledMatrix matrix;
  private final PermissionListWarnings warnings;

  RequirementReader(Reporter reporter, CompiledMatrix matrix, PermissionListWarnings warnings) {
    this.reporter = reporter;
    this.matrix = matrix;
    this.warnings = warnings;
  }

  /** Returns whether {@code type} or one of its methods carries {@code @RequiresPermission}. */
  boolean isGuardedType(TypeElement type) {
    if (Annotations.find(type, Names.REQUIRES_PERMISSION).isPresent()) {
      return true;
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (Annotations.find(method, Names.REQUIRES_PERMISSION).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the requirement {@code element} declares, or empty when it has no annotation or the
   * annotation is wrong (then the mistake is reported).
   */
  Optional<RequirementSpec> read(Element element) {
    Optional<AnnotationMirror> found = Annotations.find(element, Names.REQUIRES_PERMISSION);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AnnotationMirror mirror = found.get();
    Optional<AnnotationValue> value = Annotations.value(mirror, "value");
    Optional<AnnotationValue> anyOf = Annotations.value(mirror, "anyOf");
    boolean hasValue = value.map(v -> !Annotations.items(v).isEmpty()).orElse(false);
    boolean hasAnyOf = anyOf.map(v -> !Annotations.items(v).isEmpty()).orElse(false);
    if (hasValue && hasAnyOf) {
      reporter.report(Diagnostic.AMBIGUOUS_PERMISSIONS, element, mirror, null, describe(element));
      return Optional.empty();
    }
    if (!hasValue && !hasAnyOf) {
      reporter.report(Diagnostic.EMPTY_PERMISSIONS, element, mirror, null, describe(element));
      return Optional.empty();
    }
    AnnotationValue list = hasValue ? value.get() : anyOf.get();
    List<String> names = new ArrayList<>();
    boolean valid = true;
    for (AnnotationValue item : Annotations.items(list)) {
      String name = (String) item.getValue();
      if (matrix.permission(name).isEmpty()) {
        List<String> closest = matrix.closestNames(name);
        if (closest.isEmpty()) {
          reporter.report(
              Diagnostic.UNKNOWN_PERMISSION_NO_CLOSE_NAME,
              element,
              mirror,
              item,
              MatrixParser.quote(name),
              MatrixParser.foreign(name),
              matrix.describe(),
              matrix.sourceName());
        } else {
          reporter.report(
              Diagnostic.UNKNOWN_PERMISSION,
              element,
              mirror,
              item,
              MatrixParser.quote(name),
              MatrixParser.foreign(name),
              matrix.describe(),
              NameList.or(closest));
        }
        valid = false;
      } else if (!names.contains(name)) {
        names.add(name);
      }
    }
    if (!valid) {
      return Optional.empty();
    }
    warnings.check(element, mirror, list, hasAnyOf);
    return Optional.of(new RequirementSpec(hasAnyOf, names));
  }

  /**
   * Returns whether any {@code @RequiresPermission} value on {@code type}, its methods or its
   * supertypes (superclasses and superinterfaces) has not resolved yet.
   */
  boolean anyUnresolved(TypeElement type, Types types) {
    if (unresolved(type)) {
      return true;
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (unresolved(method)) {
        return true;
      }
    }
    List<TypeMirror> parents = new ArrayList<>(type.getInterfaces());
    if (type.getSuperclass().getKind() != TypeKind.NONE) {
      parents.add(0, type.getSuperclass());
    }
    for (TypeMirror parent : parents) {
      if (parent.getKind() == TypeKind.ERROR) {
        return true;
      }
      if (parent.getKind() == TypeKind.DECLARED
          && anyUnresolved((TypeElement) types.asElement(parent), types)) {
        return true;
      }
    }
    return false;
  }

  private static boolean unresolved(Element element) {
    Optional<AnnotationMirror> mirror = Annotations.find(element, Names.REQUIRES_PERMISSION);
    if (mirror.isEmpty()) {
      return false;
    }
    for (String name : List.of("value", "anyOf")) {
      Optional<AnnotationValue> value = Annotations.value(mirror.get(), name);
      if (value.isPresent()) {
        for (AnnotationValue item : Annotations.items(value.get())) {
          if (Annotations.unresolved(item)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Returns "Things.look()" for a method, "type Things" for a type, as messages name them. */
  static String describe(Element element) {
    if (element instanceof TypeElement) {
      return "type " + element.getSimpleName();
    }
    return element.getEnclosingElement().getSimpleName()
        + "."
        + element.getSimpleName()
        + MethodNames.parameters((ExecutableElement) element);
  }
}
