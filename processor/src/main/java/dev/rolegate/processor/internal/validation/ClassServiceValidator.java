package dev.rolegate.processor.internal.validation;

import dev.rolegate.processor.internal.base.Annotations;
import dev.rolegate.processor.internal.base.MethodNames;
import dev.rolegate.processor.internal.base.Names;
import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.NameList;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.model.GuardedMethod;
import dev.rolegate.processor.internal.model.RequirementSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks a class carrying {@code @RequiresPermission}: that a guard can extend it (not final,
 * sealed, private, inner, abstract with unimplemented methods, an enum or a record, and with a
 * non-private constructor), and collects every method reachable through the guard.
 *
 * <p>Reachable means: each instance method that the guard, in the class's package, can override:
 * public, protected and package-private methods declared in the class or inherited from its
 * superclasses (package-private ones only from the same package), and default methods of its
 * interfaces. Overrides of {@code Object}'s {@code equals}, {@code hashCode}, {@code toString} and
 * {@code finalize} are exempt: they need no permission and are guarded only when they carry
 * {@code @RequiresPermission} themselves. An override of {@code clone} is not: it can hand out a
 * new instance of the class, so it needs a permission or {@code @Unguarded} like any other method.
 */
final class ClassServiceValidator {
  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final RequirementReader requirements;
  private final MethodValidator methods;

  ClassServiceValidator(
      Elements elements,
      Types types,
      Reporter reporter,
      RequirementReader requirements,
      MethodValidator methods) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.requirements = requirements;
    this.methods = methods;
  }

  /** Returns whether a guard can extend {@code type}; reports once, on the type, if not. */
  boolean extendable(TypeElement type) {
    String name = type.getSimpleName().toString();
    if (type.getKind() == ElementKind.ANNOTATION_TYPE) {
      report(type, Diagnostic.NOT_PROXYABLE_ANNOTATION_TYPE, name);
      return false;
    }
    if (type.getKind() != ElementKind.CLASS) {
      report(
          type,
          type.getKind() == ElementKind.RECORD
              ? Diagnostic.NOT_PROXYABLE_RECORD
              : Diagnostic.NOT_PROXYABLE_ENUM,
          name);
      return false;
    }
    // javac does not show annotation processors the classes declared inside method bodies, so
    // a local or anonymous class never arrives here.
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        report(
            type,
            e == type
                ? Diagnostic.NOT_PROXYABLE_PRIVATE_CLASS
                : Diagnostic.NOT_PROXYABLE_CLASS_IN_PRIVATE_TYPE,
            name,
            e.getSimpleName());
        return false;
      }
    }
    return modifiersAllowExtension(type, name) && hasConstructor(type, name);
  }

  private boolean modifiersAllowExtension(TypeElement type, String name) {
    Set<Modifier> modifiers = type.getModifiers();
    if (type.getNestingKind() == NestingKind.MEMBER && !modifiers.contains(Modifier.STATIC)) {
      report(
          type,
          Diagnostic.NOT_PROXYABLE_INNER_CLASS,
          name,
          type.getEnclosingElement().getSimpleName());
      return false;
    }
    if (modifiers.contains(Modifier.FINAL)) {
      report(type, Diagnostic.NOT_PROXYABLE_FINAL_CLASS, name);
      return false;
    }
    if (modifiers.contains(Modifier.SEALED)) {
      report(type, Diagnostic.NOT_PROXYABLE_SEALED_CLASS, name);
      return false;
    }
    return true;
  }

  private boolean hasConstructor(TypeElement type, String name) {
    if (constructors(type).isEmpty()) {
      report(type, Diagnostic.NOT_PROXYABLE_NO_CONSTRUCTOR, name);
      return false;
    }
    return true;
  }

  /** Returns the constructors of {@code type} a guard in its package can call, in source order. */
  static List<ExecutableElement> constructors(TypeElement type) {
    List<ExecutableElement> found = new ArrayList<>();
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (!constructor.getModifiers().contains(Modifier.PRIVATE)) {
        found.add(constructor);
      }
    }
    return found;
  }

  private void report(TypeElement type, Diagnostic diagnostic, Object... args) {
    ServiceValidator.reportOnType(reporter, type, diagnostic, args);
  }

  /**
   * Adds every method reachable through the guard of {@code root} to {@code out}: its own and its
   * superclasses' first, nearest first, then its interfaces' default methods. Returns false if a
   * mistake was reported.
   */
  boolean collect(
      TypeElement root, Optional<RequirementSpec> rootDefault, List<GuardedMethod> out) {
    Walk walk = new Walk(root, rootDefault, out);
    List<TypeElement> classes = new ArrayList<>();
    for (TypeElement c = root; c != null; c = superclass(c)) {
      classes.add(c);
    }
    boolean complete = true;
    for (TypeElement c : classes) {
      complete &= walk.members(c);
    }
    Set<TypeElement> interfaces = new LinkedHashSet<>();
    for (TypeElement c : classes) {
      walk.interfaces(c, interfaces);
    }
    complete &= walk.interfaceMembers(interfaces);
    return complete & walk.allImplemented();
  }

  /** Returns the superclass of {@code type}, or null when it is {@code Object} or none. */
  private TypeElement superclass(TypeElement type) {
    TypeMirror parent = type.getSuperclass();
    if (parent.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) types.asElement(parent);
    return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
  }

  /** One collection: the methods seen so far (by override key) and those left abstract. */
  private final class Walk {
    private final TypeElement root;
    private final DeclaredType rootType;
    private final Optional<RequirementSpec> rootDefault;
    private final List<GuardedMethod> out;
    private final Set<String> seen = new LinkedHashSet<>();

    /** The override keys of Object's methods that need no permission (not clone). */
    private final Set<String> objectMethods = new LinkedHashSet<>();

    private final List<String> unimplemented = new ArrayList<>();

    Walk(TypeElement root, Optional<RequirementSpec> rootDefault, List<GuardedMethod> out) {
      this.root = root;
      this.rootType = (DeclaredType) root.asType();
      this.rootDefault = rootDefault;
      this.out = out;
      TypeElement object = elements.getTypeElement("java.lang.Object");
      for (ExecutableElement method : ElementFilter.methodsIn(object.getEnclosedElements())) {
        if (overridable(method.getModifiers()) && !method.getSimpleName().contentEquals("clone")) {
          objectMethods.add(methods.overrideKey(method, (ExecutableType) method.asType()));
        }
      }
    }

    /** Adds the interfaces of {@code type} to {@code visited}, depth first, each once. */
    void interfaces(TypeElement type, Set<TypeElement> visited) {
      for (TypeMirror parent : type.getInterfaces()) {
        if (parent.getKind() == TypeKind.DECLARED) {
          TypeElement element = (TypeElement) types.asElement(parent);
          if (visited.add(element)) {
            interfaces(element, visited);
          }
        }
      }
    }

    /**
     * Adds the methods of {@code interfaces} that the class chain does not declare, each read from
     * the declaration that is the root's member: the one no other of them overrides (a
     * subinterface's default method, never the method it overrides).
     */
    boolean interfaceMembers(Set<TypeElement> interfaces) {
      Map<String, List<ExecutableElement>> byKey = new LinkedHashMap<>();
      Map<TypeElement, Optional<RequirementSpec>> fallbacks = new LinkedHashMap<>();
      boolean complete = true;
      for (TypeElement declaring : interfaces) {
        fallbacks.put(declaring, requirements.read(declaring).or(() -> rootDefault));
        for (ExecutableElement method : ElementFilter.methodsIn(declaring.getEnclosedElements())) {
          Set<Modifier> modifiers = method.getModifiers();
          if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.PRIVATE)) {
            continue;
          }
          if (!inherited(declaring, modifiers)) {
            complete &= !methods.rejectHidden(root, declaring, method);
            continue;
          }
          String key =
              methods.overrideKey(method, (ExecutableType) types.asMemberOf(rootType, method));
          if (!seen.contains(key)) {
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(method);
          }
        }
      }
      for (Map.Entry<String, List<ExecutableElement>> declared : byKey.entrySet()) {
        seen.add(declared.getKey());
        for (ExecutableElement method : declared.getValue()) {
          if (ServiceValidator.overriddenAmong(elements, root, method, declared.getValue())) {
            continue;
          }
          TypeElement declaring = (TypeElement) method.getEnclosingElement();
          complete &=
              member(
                  declaring,
                  method,
                  (ExecutableType) types.asMemberOf(rootType, method),
                  declared.getKey(),
                  fallbacks.get(declaring));
        }
      }
      return complete;
    }

    boolean members(TypeElement declaring) {
      boolean own = declaring.equals(root);
      Optional<RequirementSpec> fallback =
          (own ? rootDefault : requirements.read(declaring)).or(() -> rootDefault);
      boolean complete = true;
      for (ExecutableElement method : ElementFilter.methodsIn(declaring.getEnclosedElements())) {
        Set<Modifier> modifiers = method.getModifiers();
        if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.PRIVATE)) {
          if (own) {
            methods.rejectAnnotated(
                method, modifiers.contains(Modifier.STATIC) ? "static" : "private");
          }
          continue;
        }
        if (!inherited(declaring, modifiers)) {
          // Package-private in another package: the guard cannot override it.
          complete &= !methods.rejectHidden(root, declaring, method);
          continue;
        }
        ExecutableType asMember = (ExecutableType) types.asMemberOf(rootType, method);
        String key = methods.overrideKey(method, asMember);
        if (seen.add(key)) {
          complete &= member(declaring, method, asMember, key, fallback);
        }
      }
      return complete;
    }

    private boolean member(
        TypeElement declaring,
        ExecutableElement method,
        ExecutableType asMember,
        String key,
        Optional<RequirementSpec> fallback) {
      boolean ofObject = objectMethods.contains(key);
      if (ofObject && Annotations.find(method, Names.REQUIRES_PERMISSION).isEmpty()) {
        return true;
      }
      if (method.getModifiers().contains(Modifier.FINAL)) {
        if (methods.rejectFinal(root, declaring, method)) {
          return false;
        }
        // @Unguarded: the guard inherits it unchanged, and the report and the index list it.
        Optional<GuardedMethod> listed =
            methods.method(root, declaring, method, asMember, fallback);
        listed.ifPresent(out::add);
        return listed.isPresent();
      }
      if (method.getModifiers().contains(Modifier.ABSTRACT) && !ofObject) {
        unimplemented.add(
            MethodValidator.operationName(declaring, method) + MethodNames.parameters(method));
        return true;
      }
      Optional<GuardedMethod> guarded = methods.method(root, declaring, method, asMember, fallback);
      guarded.ifPresent(out::add);
      return guarded.isPresent();
    }

    /** Returns whether a method of {@code declaring} is one the root's guard can override. */
    private boolean inherited(TypeElement declaring, Set<Modifier> modifiers) {
      return modifiers.contains(Modifier.PUBLIC)
          || modifiers.contains(Modifier.PROTECTED)
          || elements.getPackageOf(declaring).equals(elements.getPackageOf(root));
    }

    /** Reports the abstract methods left unimplemented; returns whether there are none. */
    boolean allImplemented() {
      if (unimplemented.isEmpty()) {
        return true;
      }
      String name = root.getSimpleName().toString();
      report(
          root,
          unimplemented.size() == 1
              ? Diagnostic.NOT_PROXYABLE_ABSTRACT_CLASS
              : Diagnostic.NOT_PROXYABLE_ABSTRACT_CLASS_METHODS,
          name,
          NameList.listed(unimplemented));
      return false;
    }
  }

  private static boolean overridable(Set<Modifier> modifiers) {
    return !modifiers.contains(Modifier.STATIC)
        && !modifiers.contains(Modifier.PRIVATE)
        && !modifiers.contains(Modifier.FINAL);
  }
}
