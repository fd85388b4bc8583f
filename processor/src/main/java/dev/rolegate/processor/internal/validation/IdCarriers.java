package dev.rolegate.processor.internal.validation;

import com.palantir.javapoet.ClassName;
import dev.rolegate.processor.internal.base.Annotations;
import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.NameList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the accessor through which a carrier, a parameter type other than {@code String} and {@code
 * UUID} marked {@code @WorkspaceId} or {@code @AccountId}, gives its id: its one no-argument
 * instance method (own or inherited) marked with that annotation ({@link IdKind}), returning {@code
 * String} or {@code UUID}, that the guard can call. Workspace and account carriers follow this one
 * rule. A method that implements or overrides a marked method counts as marked, so an interface can
 * declare the accessor once for every type implementing it. The accessor must also answer the same
 * on every read ({@link StableAccessors}), since the delegate reads it again after the guard
 * checked what it read.
 */
final class IdCarriers {
  /** The accessor a guard calls, and the type of the id it returns. */
  record Accessor(ExecutableElement method, ClassName idType) {}

  /**
   * Receives a mistake: its diagnostic, whose template starts with the marked parameter, its method
   * and its type, and the arguments that follow those three.
   */
  interface Mistake {
    void report(Diagnostic diagnostic, Object... args);
  }

  private final Elements elements;
  private final Types types;
  private final StableAccessors stability;
  private final Predicate<TypeElement> compiledHere;

  /**
   * Creates the lookup; {@code compiledHere} tells whether a type is compiled from source in this
   * compilation.
   */
  IdCarriers(
      Elements elements,
      Types types,
      StableAccessors stability,
      Predicate<TypeElement> compiledHere) {
    this.elements = elements;
    this.types = types;
    this.stability = stability;
    this.compiledHere = compiledHere;
  }

  /** Returns whether {@code type} is a JDK type, which cannot be marked as a carrier. */
  static boolean isJdkType(TypeMirror type) {
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    return element.getQualifiedName().toString().startsWith("java.");
  }

  /**
   * Returns the accessor of {@code carrier}, marked as {@code kind} says, that the guard {@code
   * guard} calls, or reports through {@code mistake}.
   */
  Optional<Accessor> accessor(IdKind kind, DeclaredType carrier, ClassName guard, Mistake mistake) {
    TypeElement type = (TypeElement) carrier.asElement();
    List<ExecutableElement> marked = marked(kind, type);
    if (marked.isEmpty()) {
      boolean record = type.getKind() == ElementKind.RECORD;
      mistake.report(
          kind.misuse(record ? IdKind.Misuse.UNMARKED_RECORD : IdKind.Misuse.UNMARKED_CLASS),
          type.getSimpleName());
      return Optional.empty();
    }
    if (marked.size() > 1) {
      List<String> names = new ArrayList<>();
      marked.forEach(method -> names.add(describe(method)));
      mistake.report(kind.misuse(IdKind.Misuse.SEVERAL_ACCESSORS), NameList.listed(names));
      return Optional.empty();
    }
    ExecutableElement method = marked.get(0);
    TypeMirror returned = ((ExecutableType) types.asMemberOf(carrier, method)).getReturnType();
    Optional<ClassName> id = IdParameters.idType(returned);
    if (id.isEmpty()) {
      mistake.report(kind.misuse(IdKind.Misuse.ACCESSOR_TYPE), describe(method), returned);
      return Optional.empty();
    }
    Optional<IdKind.Misuse> hidden = inaccessible(method, guard);
    if (hidden.isPresent()) {
      mistake.report(
          kind.misuse(hidden.get()),
          describe(method),
          elements.getPackageOf(method).getQualifiedName(),
          guard.simpleName(),
          guard.packageName());
      return Optional.empty();
    }
    Optional<StableAccessors.Unstable> unstable =
        stability.check(type, method, id.get(), compiledHere);
    if (unstable.isPresent()) {
      List<Object> names =
          new ArrayList<>(
              List.of(
                  describe(method),
                  type.getSimpleName(),
                  method.getSimpleName(),
                  id.get().simpleName()));
      names.addAll(unstable.get().names());
      mistake.report(kind.unstable(unstable.get().cause()), names.toArray());
      return Optional.empty();
    }
    return Optional.of(new Accessor(method, id.get()));
  }

  /**
   * Returns the no-argument instance methods of {@code type} (own or inherited) that are marked, or
   * that override a marked method of a supertype, sorted by name. For a record, the accessor of a
   * marked component counts as marked even when the record declares it itself (which the annotation
   * does not reach), so that such an accessor is refused as unstable rather than missed.
   */
  private List<ExecutableElement> marked(IdKind kind, TypeElement type) {
    List<ExecutableElement> inSupertypes = new ArrayList<>();
    for (TypeElement supertype : supertypes(type, new LinkedHashSet<>())) {
      for (ExecutableElement method : ElementFilter.methodsIn(supertype.getEnclosedElements())) {
        if (isMarkedAccessor(kind, method)) {
          inSupertypes.add(method);
        }
      }
    }
    List<ExecutableElement> marked = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (isMarkedAccessor(kind, method)
          || (isAccessorShaped(method)
              && inSupertypes.stream()
                  .anyMatch(marking -> elements.overrides(method, marking, type)))) {
        marked.add(method);
      }
    }
    for (ExecutableElement accessor : markedComponentAccessors(kind, type)) {
      if (!marked.contains(accessor)) {
        marked.add(accessor);
      }
    }
    marked.sort(Comparator.comparing(IdCarriers::describe));
    return marked;
  }

  /**
   * Returns the accessors of the components of record {@code type} that are marked: the annotation
   * sits on the matching parameter of the canonical constructor, where javac puts it (a component
   * keeps only annotations meant for record components).
   */
  private List<ExecutableElement> markedComponentAccessors(IdKind kind, TypeElement type) {
    List<ExecutableElement> accessors = new ArrayList<>();
    if (type.getKind() != ElementKind.RECORD) {
      return accessors;
    }
    List<? extends RecordComponentElement> components = type.getRecordComponents();
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      List<? extends VariableElement> parameters = constructor.getParameters();
      if (!canonical(components, parameters)) {
        continue;
      }
      for (int i = 0; i < parameters.size(); i++) {
        ExecutableElement accessor = components.get(i).getAccessor();
        if (Annotations.find(parameters.get(i), kind.annotation()).isPresent()
            && accessor != null) {
          accessors.add(accessor);
        }
      }
    }
    return accessors;
  }

  private boolean canonical(
      List<? extends RecordComponentElement> components,
      List<? extends VariableElement> parameters) {
    if (components.size() != parameters.size()) {
      return false;
    }
    for (int i = 0; i < parameters.size(); i++) {
      if (!types.isSameType(components.get(i).asType(), parameters.get(i).asType())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAccessorShaped(ExecutableElement method) {
    return method.getParameters().isEmpty() && !method.getModifiers().contains(Modifier.STATIC);
  }

  private static boolean isMarkedAccessor(IdKind kind, ExecutableElement method) {
    return isAccessorShaped(method) && Annotations.find(method, kind.annotation()).isPresent();
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

  /** Returns why the guard cannot call {@code method} (it is private, ...), or empty if it can. */
  private Optional<IdKind.Misuse> inaccessible(ExecutableElement method, ClassName guard) {
    Set<Modifier> modifiers = method.getModifiers();
    if (modifiers.contains(Modifier.PUBLIC)) {
      return Optional.empty();
    }
    if (modifiers.contains(Modifier.PRIVATE)) {
      return Optional.of(IdKind.Misuse.ACCESSOR_PRIVATE);
    }
    String pkg = elements.getPackageOf(method).getQualifiedName().toString();
    if (pkg.equals(guard.packageName())) {
      return Optional.empty();
    }
    return Optional.of(
        modifiers.contains(Modifier.PROTECTED)
            ? IdKind.Misuse.ACCESSOR_PROTECTED
            : IdKind.Misuse.ACCESSOR_PACKAGE_PRIVATE);
  }

  /** Returns "Ref.workspace()", named by the type that declares it. */
  private static String describe(ExecutableElement method) {
    return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName() + "()";
  }
}
