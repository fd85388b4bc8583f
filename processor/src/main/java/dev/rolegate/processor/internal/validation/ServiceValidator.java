package dev.rolegate.processor.internal.validation;

import com.palantir.javapoet.ClassName;
import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.matrix.Level;
import dev.rolegate.processor.internal.model.GuardedMethod;
import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.MatrixHandle;
import dev.rolegate.processor.internal.model.RequirementSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
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
 * it cannot be guarded. Reports every independent mistake; never throws for user mistakes.
 */
public final class ServiceValidator {
  /** What became of one type. */
  public enum Status {
    VALID,
    INVALID,
    /** An annotation value does not resolve yet; try again next round. */
    DEFERRED
  }

  /** The outcome for one type; {@code service} is present when {@code status} is VALID. */
  public record Outcome(Status status, Optional<GuardedService> service) {}

  private static final String PRINCIPAL_SOURCE = "dev.rolegate.runtime.PrincipalSource";

  private final Types types;
  private final Reporter reporter;
  private final MatrixHandle matrix;
  private final RequirementReader requirements;
  private final WorkspaceParameters workspaces;
  private final Predicate<TypeElement> compiledHere;

  /**
   * Creates a validator checking against {@code matrix}; {@code compiledHere} tells whether a
   * type is compiled in this compilation (so its methods have source positions to report on).
   */
  public ServiceValidator(Elements elements, Types types, Reporter reporter, MatrixHandle matrix,
      Predicate<TypeElement> compiledHere) {
    this.types = types;
    this.reporter = reporter;
    this.matrix = matrix;
    this.requirements = new RequirementReader(reporter, matrix.matrix());
    this.workspaces = new WorkspaceParameters(reporter, new WorkspaceCarriers(elements, types));
    this.compiledHere = compiledHere;
  }

  /** Validates {@code type}. */
  public Outcome validate(TypeElement type) {
    if (requirements.anyUnresolved(type, types)) {
      return new Outcome(Status.DEFERRED, Optional.empty());
    }
    int errorsBefore = reporter.errorCount();
    if (!wrappable(type)) {
      return new Outcome(Status.INVALID, Optional.empty());
    }
    Optional<RequirementSpec> typeDefault = requirements.read(type);
    List<GuardedMethod> methods = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    boolean complete = collect(type, type, typeDefault, seen, methods);
    if (!complete || reporter.errorCount() > errorsBefore) {
      return new Outcome(Status.INVALID, Optional.empty());
    }
    return new Outcome(Status.VALID, Optional.of(new GuardedService(type, guardName(type), methods)));
  }

  /** Returns {@code GuardedOuter_Inner} for {@code Outer.Inner}, in the type's package. */
  public static ClassName guardName(TypeElement type) {
    ClassName name = ClassName.get(type);
    return ClassName.get(name.packageName(), "Guarded" + String.join("_", name.simpleNames()));
  }

  private boolean wrappable(TypeElement type) {
    if (type.getKind() != ElementKind.INTERFACE) {
      String why = "rolegate 0.1 guards interfaces only; guards for classes come in a later release";
      String fix = "Extract an interface with the guarded methods, annotate it, and wrap the"
          + " implementation with its Guarded type";
      reportOnEachAnnotated(type, kindWord(type) + " " + type.getSimpleName(), why, fix);
      return false;
    }
    if (type.getNestingKind() == NestingKind.LOCAL) {
      reportOnEachAnnotated(type, "local interface " + type.getSimpleName(),
          "a guard cannot implement an interface declared inside a method",
          "Move the interface to the top level of its file or into a class");
      return false;
    }
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        reportOnEachAnnotated(type, "interface " + type.getSimpleName(),
            (e == type ? "it is private" : "its enclosing type " + e.getSimpleName() + " is private")
                + ", so a guard in its package cannot implement it",
            "Make it package-private or public");
        return false;
      }
    }
    return true;
  }

  private void reportOnEachAnnotated(TypeElement type, String subject, String why, String fix) {
    Annotations.find(type, Names.REQUIRES_PERMISSION).ifPresent(mirror ->
        reporter.report(Diagnostic.NOT_PROXYABLE, type, mirror, null, subject, why, fix));
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      Annotations.find(method, Names.REQUIRES_PERMISSION).ifPresent(mirror ->
          reporter.report(Diagnostic.NOT_PROXYABLE, method, mirror, null,
              "method " + method.getSimpleName() + "() of " + subject, why, fix));
    }
  }

  private static String kindWord(TypeElement type) {
    switch (type.getKind()) {
      case ENUM:
        return "enum";
      case RECORD:
        return "record";
      case ANNOTATION_TYPE:
        return "annotation type";
      default:
        return type.getModifiers().contains(Modifier.FINAL) ? "final class" : "class";
    }
  }

  /**
   * Adds the methods of {@code current} (then of its superinterfaces, depth first) that a guard
   * of {@code root} implements, skipping ones already overridden. Returns false if a method
   * could not be read (its mistake is reported).
   */
  private boolean collect(TypeElement root, TypeElement current, Optional<RequirementSpec> rootDefault,
      Set<String> seen, List<GuardedMethod> methods) {
    boolean own = current.equals(root);
    boolean complete = true;
    Optional<RequirementSpec> declaringDefault = own ? rootDefault : requirements.read(current);
    for (ExecutableElement method : ElementFilter.methodsIn(current.getEnclosedElements())) {
      Set<Modifier> modifiers = method.getModifiers();
      if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.PRIVATE)) {
        if (own) {
          rejectAnnotated(method, modifiers.contains(Modifier.STATIC) ? "static" : "private");
        }
        continue;
      }
      TypeMirror asMember = types.asMemberOf((DeclaredType) root.asType(), method);
      String key = method.getSimpleName() + types.erasure(asMember).toString();
      if (!seen.add(key)) {
        continue;
      }
      Optional<GuardedMethod> guarded = method(root, current, method,
          (ExecutableType) asMember, declaringDefault.or(() -> rootDefault));
      guarded.ifPresent(methods::add);
      complete &= guarded.isPresent();
    }
    for (TypeMirror parent : current.getInterfaces()) {
      if (parent.getKind() == TypeKind.DECLARED) {
        complete &= collect(root, (TypeElement) types.asElement(parent), rootDefault, seen, methods);
      }
    }
    return complete;
  }

  private void rejectAnnotated(ExecutableElement method, String modifier) {
    Annotations.find(method, Names.REQUIRES_PERMISSION).ifPresent(mirror ->
        reporter.report(Diagnostic.NOT_PROXYABLE, method, mirror, null,
            modifier + " method " + method.getSimpleName() + "()",
            "a guard can only intercept calls to instance methods it overrides",
            "Make it a non-" + modifier + " instance method, or remove @RequiresPermission"));
  }

  private Optional<GuardedMethod> method(TypeElement root, TypeElement declaring,
      ExecutableElement method, ExecutableType asMember, Optional<RequirementSpec> fallback) {
    String operation = operationName(declaring, method);
    if (clashesWithWrap(root, method, asMember)) {
      reportWrapClash(root, declaring, method, operation);
      return Optional.empty();
    }
    Optional<AnnotationMirror> unguarded = Annotations.find(method, Names.UNGUARDED);
    Optional<AnnotationMirror> required = Annotations.find(method, Names.REQUIRES_PERMISSION);
    if (unguarded.isPresent() && required.isPresent()) {
      reporter.report(Diagnostic.CONFLICTING_ANNOTATIONS, method, unguarded.get(), null, operation + "()");
      return Optional.empty();
    }
    WorkspaceParameters.Found workspace = workspaces.find(method, asMember, guardName(root));
    if (unguarded.isPresent()) {
      return workspace.valid()
          ? Optional.of(new GuardedMethod(method, operation, Optional.empty(), workspace.argument()))
          : Optional.empty();
    }
    // Read the method's own annotation even when @WorkspaceId is wrong: independent mistakes.
    Optional<RequirementSpec> requirement =
        required.isPresent() ? requirements.read(method) : fallback;
    if (!workspace.valid()) {
      return Optional.empty();
    }
    if (requirement.isEmpty()) {
      // A type default that is present but wrong is reported on the type; do not cascade.
      if (required.isEmpty() && !hasTypeDefault(root, declaring)) {
        reportUnprotected(root, declaring, method, operation);
      }
      return Optional.empty();
    }
    if (workspace.argument().isEmpty()
        && !boundWorkspace(root, declaring, method)
        && !workspaceOptional(root, declaring, method, operation, requirement.get())) {
      return Optional.empty();
    }
    return Optional.of(new GuardedMethod(method, operation, requirement, workspace.argument()));
  }

  /**
   * Returns whether {@code method} erases to {@code wrap(Root)} or {@code wrap(Root,
   * PrincipalSource)}, the guard's static factories, which an instance method cannot share.
   */
  private boolean clashesWithWrap(
      TypeElement root, ExecutableElement method, ExecutableType asMember) {
    List<? extends TypeMirror> parameters = asMember.getParameterTypes();
    if (!method.getSimpleName().contentEquals("wrap")
        || parameters.isEmpty()
        || parameters.size() > 2
        || !types.isSameType(types.erasure(parameters.get(0)), types.erasure(root.asType()))) {
      return false;
    }
    return parameters.size() == 1
        || types.erasure(parameters.get(1)).toString().equals(PRINCIPAL_SOURCE);
  }

  private void reportWrapClash(
      TypeElement root, TypeElement declaring, ExecutableElement method, String operation) {
    Element subject = declaring.equals(root) || compiledHere.test(declaring) ? method : root;
    String parameters = root.getSimpleName()
        + (method.getParameters().size() > 1 ? ", PrincipalSource" : "");
    reporter.report(Diagnostic.NOT_PROXYABLE, subject,
        "method " + operation + "(" + parameters + ") of interface " + root.getSimpleName(),
        "it has the parameters of the guard's own factory method "
            + guardName(root).simpleName() + ".wrap",
        "Rename the method, or change its parameters");
  }

  /** Returns whether {@code @BoundWorkspace} covers the method. */
  private static boolean boundWorkspace(
      TypeElement root, TypeElement declaring, ExecutableElement method) {
    return Annotations.find(method, Names.BOUND_WORKSPACE).isPresent()
        || Annotations.find(declaring, Names.BOUND_WORKSPACE).isPresent()
        || Annotations.find(root, Names.BOUND_WORKSPACE).isPresent();
  }

  /**
   * Returns whether a method that names no workspace may do so: its requirement has no
   * workspace permission. Otherwise reports {@code [MissingWorkspace]}: checking the bound
   * workspace silently would let a forgotten {@code @WorkspaceId} act on whatever is bound.
   */
  private boolean workspaceOptional(TypeElement root, TypeElement declaring,
      ExecutableElement method, String operation, RequirementSpec requirement) {
    List<String> needed = new ArrayList<>();
    for (String name : requirement.permissions()) {
      matrix.matrix().permission(name)
          .filter(permission -> permission.level() == Level.WORKSPACE)
          .ifPresent(permission -> needed.add(name));
    }
    if (needed.isEmpty()) {
      return true;
    }
    String needs = (needed.size() == 1 ? "workspace permission " : "workspace permissions ")
        + String.join(", ", needed);
    String bound = "act on the workspace bound with CurrentPrincipal.bind(principal, workspaceId)";
    if (declaring.equals(root) || compiledHere.test(declaring)) {
      reporter.report(Diagnostic.MISSING_WORKSPACE, method, operation + "()", needs,
          "Mark the parameter that names it with @WorkspaceId, or add @BoundWorkspace to " + bound);
    } else {
      String name = root.getSimpleName().toString();
      reporter.report(Diagnostic.MISSING_WORKSPACE, root,
          "method " + operation + "(), inherited by " + name + ",", needs,
          "Redeclare it in " + name + " with a @WorkspaceId parameter, or add @BoundWorkspace to "
              + name + " to " + bound);
    }
    return false;
  }

  private static boolean hasTypeDefault(TypeElement root, TypeElement declaring) {
    return Annotations.find(declaring, Names.REQUIRES_PERMISSION).isPresent()
        || Annotations.find(root, Names.REQUIRES_PERMISSION).isPresent();
  }

  private void reportUnprotected(TypeElement root, TypeElement declaring, ExecutableElement method,
      String operation) {
    String guard = String.join("_", ClassName.get(root).simpleNames());
    if (declaring.equals(root) || requirements.isGuardedType(declaring)) {
      // A guarded declaring type reports this itself; the reporter prints it once.
      reporter.report(Diagnostic.UNPROTECTED_METHOD, method, operation + "()",
          String.join("_", ClassName.get(declaring).simpleNames()),
          "Add @RequiresPermission(...) to it (or to its type as a default), or"
              + " @Unguarded(reason = \"...\") if it is meant to be open");
    } else {
      reporter.report(Diagnostic.UNPROTECTED_METHOD, root,
          "method " + operation + "(), inherited by " + root.getSimpleName() + ",", guard,
          "Redeclare it in " + root.getSimpleName() + " with @RequiresPermission(...) or"
              + " @Unguarded(reason = \"...\"), or put @RequiresPermission on "
              + root.getSimpleName() + " as the default for every method it has");
    }
  }

  private static String operationName(TypeElement declaring, ExecutableElement method) {
    return String.join(".", ClassName.get(declaring).simpleNames()) + "." + method.getSimpleName();
  }
}
