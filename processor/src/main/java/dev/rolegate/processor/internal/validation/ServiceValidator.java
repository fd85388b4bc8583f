package dev.rolegate.processor.internal.validation;

import com.palantir.javapoet.ClassName;
import dev.rolegate.processor.internal.base.Annotations;
import dev.rolegate.processor.internal.base.MethodNames;
import dev.rolegate.processor.internal.base.Names;
import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.NameList;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.model.GuardedMethod;
import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.MatrixHandle;
import dev.rolegate.processor.internal.model.RequirementSpec;
import dev.rolegate.processor.internal.validation.ServiceValidation.Outcome;
import dev.rolegate.processor.internal.validation.ServiceValidation.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
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
 * Turns a type carrying {@code @RequiresPermission} into a {@link GuardedService}, or reports why
 * it cannot be guarded, checking the type on its own ({@link ServiceValidation} checks it against
 * the compilation's other guards). Reports every independent mistake; never throws for user
 * mistakes.
 */
final class ServiceValidator {
  private static final String PRINCIPAL_SOURCE = "dev.rolegate.runtime.PrincipalSource";

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final RequirementReader requirements;
  private final MethodValidator methods;
  private final ClassServiceValidator classes;
  private final ReturnNarrowings narrowings;
  private final ReturnWarnings returns;
  private final ModelText text;

  /**
   * Creates a validator checking against {@code matrix}; {@code compiledHere} tells whether a type
   * is compiled in this compilation (so its methods have source positions to report on), {@code
   * stability} whether a workspace or account carrier answers the same on every read.
   */
  ServiceValidator(
      Elements elements,
      Types types,
      Reporter reporter,
      MatrixHandle matrix,
      Predicate<TypeElement> compiledHere,
      StableAccessors stability) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.requirements =
        new RequirementReader(
            reporter,
            matrix.matrix(),
            new PermissionListWarnings(reporter, matrix.matrix(), compiledHere));
    IdCarriers carriers = new IdCarriers(elements, types, stability, compiledHere);
    this.text = new ModelText(elements, types);
    this.methods =
        new MethodValidator(
            types,
            reporter,
            matrix,
            requirements,
            new IdParameters(IdKind.WORKSPACE, reporter, carriers, text),
            new IdParameters(IdKind.ACCOUNT, reporter, carriers, text),
            compiledHere,
            text);
    this.classes = new ClassServiceValidator(elements, types, reporter, requirements, methods);
    this.narrowings = new ReturnNarrowings(types);
    this.returns = new ReturnWarnings(types, reporter, compiledHere);
  }

  /** Validates {@code type}. */
  Outcome validate(TypeElement type) {
    if (requirements.anyUnresolved(type, types)) {
      return new Outcome(Status.DEFERRED, Optional.empty());
    }
    int errorsBefore = reporter.errorCount() - methods.lenientErrors();
    boolean isInterface = type.getKind() == ElementKind.INTERFACE;
    if (isInterface ? !implementable(type) : !classes.extendable(type)) {
      return new Outcome(Status.INVALID, Optional.empty());
    }
    Optional<RequirementSpec> typeDefault = requirements.read(type);
    List<GuardedMethod> found = new ArrayList<>();
    boolean complete =
        isInterface ? collect(type, typeDefault, found) : classes.collect(type, typeDefault, found);
    if (!complete || reporter.errorCount() - methods.lenientErrors() > errorsBefore) {
      return new Outcome(Status.INVALID, Optional.empty());
    }
    List<ExecutableElement> constructors =
        isInterface ? List.of() : ClassServiceValidator.constructors(type);
    GuardedService service =
        new GuardedService(
            type,
            type.getQualifiedName().toString(),
            text.binaryName(type),
            guardName(type),
            narrowings.apply(type, found),
            constructors);
    returns.check(service);
    return new Outcome(Status.VALID, Optional.of(service));
  }

  /** Returns {@code GuardedOuter_Inner} for {@code Outer.Inner}, in the type's package. */
  static ClassName guardName(TypeElement type) {
    ClassName name = ClassName.get(type);
    return ClassName.get(name.packageName(), "Guarded" + String.join("_", name.simpleNames()));
  }

  /** Returns whether a guard can implement the interface {@code type}; reports if not. */
  private boolean implementable(TypeElement type) {
    if (type.getNestingKind() == NestingKind.LOCAL) {
      reportOnType(reporter, type, Diagnostic.NOT_PROXYABLE_LOCAL_INTERFACE, type.getSimpleName());
      return false;
    }
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        reportOnType(
            reporter,
            type,
            e == type
                ? Diagnostic.NOT_PROXYABLE_PRIVATE_INTERFACE
                : Diagnostic.NOT_PROXYABLE_INTERFACE_IN_PRIVATE_TYPE,
            type.getSimpleName(),
            e.getSimpleName());
        return false;
      }
    }
    return true;
  }

  /**
   * Reports {@code diagnostic}, why {@code type} cannot be guarded, once: on its own
   * {@code @RequiresPermission} where it has one, else on its declaration. The mistake is the
   * type's, however many of its methods carry a permission.
   */
  static void reportOnType(
      Reporter reporter, TypeElement type, Diagnostic diagnostic, Object... args) {
    reporter.report(
        diagnostic,
        type,
        Annotations.find(type, Names.REQUIRES_PERMISSION).orElse(null),
        null,
        args);
  }

  /** One declaration of a method that a guard of the root interface implements. */
  private record Declaration(
      TypeElement declaring, ExecutableElement method, ExecutableType asMember) {}

  /**
   * Adds the methods a guard of {@code root} implements, each read from the declaration that is the
   * root's member: its own, else the most specific inherited one (a subinterface's override of a
   * method, never the method it overrides), in the order a depth-first walk of the root and its
   * superinterfaces first meets them. Where unrelated superinterfaces declare the same method and
   * disagree about who may call it, the guard could only check one of them: that is reported.
   * Returns false if a method could not be read (its mistake is reported).
   */
  private boolean collect(
      TypeElement root, Optional<RequirementSpec> rootDefault, List<GuardedMethod> out) {
    Map<String, List<Declaration>> byKey = new LinkedHashMap<>();
    Map<TypeElement, Optional<RequirementSpec>> defaults = new LinkedHashMap<>();
    declarations(root, root, rootDefault, defaults, byKey);
    boolean complete = true;
    for (List<Declaration> declared : byKey.values()) {
      List<Declaration> members = members(root, declared);
      List<GuardedMethod> read = new ArrayList<>();
      for (Declaration each : members) {
        Optional<GuardedMethod> guarded =
            methods.method(
                root,
                each.declaring(),
                each.method(),
                each.asMember(),
                defaults.get(each.declaring()).or(() -> rootDefault));
        guarded.ifPresent(read::add);
        complete &= guarded.isPresent();
      }
      if (read.size() != members.size()) {
        continue;
      }
      if (!agree(read)) {
        ExecutableElement method = members.get(0).method();
        reportOnType(
            reporter,
            root,
            Diagnostic.INHERITED_DECLARATIONS_DISAGREE,
            root.getSimpleName(),
            method.getSimpleName() + MethodNames.parameters(method),
            NameList.and(
                members.stream().map(each -> each.declaring().getSimpleName().toString()).toList()),
            root.getSimpleName());
        complete = false;
        continue;
      }
      out.add(read.get(0));
    }
    return complete;
  }

  /**
   * Records the declarations of {@code current} (then of its superinterfaces, depth first, each
   * type once) that a guard of {@code root} implements, by override key, and each declaring type's
   * default requirement.
   */
  private void declarations(
      TypeElement root,
      TypeElement current,
      Optional<RequirementSpec> rootDefault,
      Map<TypeElement, Optional<RequirementSpec>> defaults,
      Map<String, List<Declaration>> byKey) {
    if (defaults.containsKey(current)) {
      return;
    }
    boolean own = current.equals(root);
    defaults.put(current, own ? rootDefault : requirements.read(current));
    for (ExecutableElement method : ElementFilter.methodsIn(current.getEnclosedElements())) {
      Set<Modifier> modifiers = method.getModifiers();
      if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.PRIVATE)) {
        if (own) {
          methods.rejectAnnotated(
              method, modifiers.contains(Modifier.STATIC) ? "static" : "private");
        }
        continue;
      }
      ExecutableType asMember =
          (ExecutableType) types.asMemberOf((DeclaredType) root.asType(), method);
      byKey
          .computeIfAbsent(methods.overrideKey(method, asMember), key -> new ArrayList<>())
          .add(new Declaration(current, method, asMember));
    }
    for (TypeMirror parent : current.getInterfaces()) {
      if (parent.getKind() == TypeKind.DECLARED) {
        declarations(root, (TypeElement) types.asElement(parent), rootDefault, defaults, byKey);
      }
    }
  }

  /**
   * Returns the declarations of one method that are members of {@code root}: those no other
   * declaration overrides (a subinterface's, or the root's own, overrides its superinterface's).
   */
  private List<Declaration> members(TypeElement root, List<Declaration> declared) {
    List<ExecutableElement> methods = declared.stream().map(Declaration::method).toList();
    List<Declaration> members = new ArrayList<>();
    for (Declaration each : declared) {
      if (!overriddenAmong(elements, root, each.method(), methods)) {
        members.add(each);
      }
    }
    return members;
  }

  /**
   * Returns whether a method of another type among {@code declared}, all one method's declarations,
   * overrides {@code method} in {@code root}: then {@code method} is not the root's member.
   */
  static boolean overriddenAmong(
      Elements elements,
      TypeElement root,
      ExecutableElement method,
      List<ExecutableElement> declared) {
    for (ExecutableElement other : declared) {
      if (other.getEnclosingElement() != method.getEnclosingElement()
          && elements.overrides(other, method, root)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether the declarations read as {@code read} say the same about who may call the
   * method: the same requirement or both {@code @Unguarded}, the same workspace and account.
   */
  private static boolean agree(List<GuardedMethod> read) {
    GuardedMethod first = read.get(0);
    for (GuardedMethod other : read) {
      if (!other.requirement().equals(first.requirement())
          || other.unguardedReason().isPresent() != first.unguardedReason().isPresent()
          || !other.workspace().equals(first.workspace())
          || !other.account().equals(first.account())
          || other.boundAccount() != first.boundAccount()) {
        return false;
      }
    }
    return true;
  }
}
