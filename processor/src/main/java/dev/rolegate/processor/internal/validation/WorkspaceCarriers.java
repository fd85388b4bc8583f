package dev.rolegate.processor.internal.validation;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the accessor through which a workspace carrier, a parameter type other than {@code
 * String} and {@code UUID}, gives its workspace id: its one no-argument instance method (own or
 * inherited) marked {@code @WorkspaceId}, returning {@code String} or {@code UUID}, that the
 * guard can call. A method that implements or overrides a marked method counts as marked, so an
 * interface can declare the accessor once for every type implementing it.
 */
final class WorkspaceCarriers {
  /** The accessor a guard calls, and the type of the id it returns. */
  record Accessor(ExecutableElement method, ClassName idType) {}

  private final Elements elements;
  private final Types types;

  WorkspaceCarriers(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** Returns whether {@code type} is a JDK type, which cannot be marked as a carrier. */
  static boolean isJdkType(TypeMirror type) {
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    return element.getQualifiedName().toString().startsWith("java.");
  }

  /**
   * Returns the accessor of {@code carrier} that the guard {@code guard} calls, or reports
   * through {@code mistake} (what is wrong, continuing "... of type T", then how to fix it).
   */
  Optional<Accessor> accessor(
      DeclaredType carrier, ClassName guard, BiConsumer<String, String> mistake) {
    TypeElement type = (TypeElement) carrier.asElement();
    List<ExecutableElement> marked = marked(type);
    if (marked.isEmpty()) {
      mistake.accept(", which carries no workspace id", howToMark(type));
      return Optional.empty();
    }
    if (marked.size() > 1) {
      List<String> names = new ArrayList<>();
      marked.forEach(method -> names.add(describe(method)));
      mistake.accept(", which marks more than one accessor with @WorkspaceId: "
              + String.join(", ", names),
          "A call acts on one workspace: keep @WorkspaceId on one of them");
      return Optional.empty();
    }
    ExecutableElement method = marked.get(0);
    String whose = ", whose @WorkspaceId accessor " + describe(method);
    TypeMirror returned = ((ExecutableType) types.asMemberOf(carrier, method)).getReturnType();
    Optional<ClassName> id = WorkspaceParameters.idType(returned);
    if (id.isEmpty()) {
      mistake.accept(whose + " returns " + returned, "A workspace id is a String or a"
          + " java.util.UUID: change the accessor's return type, or mark another accessor");
      return Optional.empty();
    }
    Optional<String> hidden = inaccessible(method, guard);
    if (hidden.isPresent()) {
      mistake.accept(whose + " is " + hidden.get() + ", so " + guard.simpleName() + " in package "
          + guard.packageName() + " cannot call it", "Make " + describe(method) + " public");
      return Optional.empty();
    }
    return Optional.of(new Accessor(method, id.get()));
  }

  /**
   * Returns the no-argument instance methods of {@code type} (own or inherited) that are marked,
   * or that override a marked method of a supertype, sorted by name.
   */
  private List<ExecutableElement> marked(TypeElement type) {
    List<ExecutableElement> inSupertypes = new ArrayList<>();
    for (TypeElement supertype : supertypes(type, new LinkedHashSet<>())) {
      for (ExecutableElement method : ElementFilter.methodsIn(supertype.getEnclosedElements())) {
        if (isMarkedAccessor(method)) {
          inSupertypes.add(method);
        }
      }
    }
    List<ExecutableElement> marked = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (isMarkedAccessor(method) || (isAccessorShaped(method) && inSupertypes.stream().anyMatch(
          marking -> elements.overrides(method, marking, type)))) {
        marked.add(method);
      }
    }
    marked.sort(Comparator.comparing(WorkspaceCarriers::describe));
    return marked;
  }

  private static boolean isAccessorShaped(ExecutableElement method) {
    return method.getParameters().isEmpty() && !method.getModifiers().contains(Modifier.STATIC);
  }

  private static boolean isMarkedAccessor(ExecutableElement method) {
    return isAccessorShaped(method) && Annotations.find(method, Names.WORKSPACE_ID).isPresent();
  }

  /** Adds every proper supertype of {@code type} to {@code into}, nearest first. */
  private Set<TypeElement> supertypes(TypeElement type, Set<TypeElement> into) {
    for (TypeMirror parent : types.directSupertypes(type.asType())) {
      if (parent.getKind() == TypeKind.DECLARED) {
        TypeElement element = (TypeElement) types.asElement(parent);
        if (into.add(element)) {
          supertypes(element, into);
        }
      }
    }
    return into;
  }

  private static String howToMark(TypeElement type) {
    String name = type.getSimpleName().toString();
    String mark = type.getKind() == ElementKind.RECORD
        ? "Mark the record component that holds the workspace id (a String or UUID) with"
            + " @WorkspaceId, as in record " + name + "(@WorkspaceId String workspace, ...)"
        : "Mark the no-argument method of " + name + " that returns the workspace id (a String"
            + " or UUID) with @WorkspaceId";
    return mark + ", or give the parameter the type String or UUID";
  }

  /** Returns why the guard cannot call {@code method} ("private", ...), or empty if it can. */
  private Optional<String> inaccessible(ExecutableElement method, ClassName guard) {
    Set<Modifier> modifiers = method.getModifiers();
    if (modifiers.contains(Modifier.PUBLIC)) {
      return Optional.empty();
    }
    if (modifiers.contains(Modifier.PRIVATE)) {
      return Optional.of("private");
    }
    String pkg = elements.getPackageOf(method).getQualifiedName().toString();
    if (pkg.equals(guard.packageName())) {
      return Optional.empty();
    }
    return Optional.of((modifiers.contains(Modifier.PROTECTED) ? "protected" : "package-private")
        + " in package " + pkg);
  }

  /** Returns "Ref.workspace()", named by the type that declares it. */
  private static String describe(ExecutableElement method) {
    return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName() + "()";
  }
}
