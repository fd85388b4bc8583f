package dev.rolegate.processor.internal.validation;

import com.palantir.javapoet.ClassName;
import dev.rolegate.processor.internal.base.Annotations;
import dev.rolegate.processor.internal.base.MethodNames;
import dev.rolegate.processor.internal.base.Names;
import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.NameList;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.matrix.Level;
import dev.rolegate.processor.internal.matrix.PermissionRow;
import dev.rolegate.processor.internal.model.GuardedMethod;
import dev.rolegate.processor.internal.model.IdArgument;
import dev.rolegate.processor.internal.model.MatrixHandle;
import dev.rolegate.processor.internal.model.RequirementSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Turns one method a guard overrides into a {@link GuardedMethod}: its requirement (own, or the
 * type default), its workspace, its account, and every mistake about them, for interface and class
 * guards alike.
 */
final class MethodValidator {
  private static final String PRINCIPAL_SOURCE = "dev.rolegate.runtime.PrincipalSource";

  private final Types types;
  private final Reporter reporter;
  private final MatrixHandle matrix;
  private final RequirementReader requirements;
  private final IdParameters workspaces;
  private final IdParameters accounts;
  private final ModelText text;
  private final Predicate<TypeElement> compiledHere;
  private int lenientErrors;

  MethodValidator(
      Types types,
      Reporter reporter,
      MatrixHandle matrix,
      RequirementReader requirements,
      IdParameters workspaces,
      IdParameters accounts,
      Predicate<TypeElement> compiledHere,
      ModelText text) {
    this.types = types;
    this.reporter = reporter;
    this.matrix = matrix;
    this.requirements = requirements;
    this.workspaces = workspaces;
    this.accounts = accounts;
    this.compiledHere = compiledHere;
    this.text = text;
  }

  /**
   * Returns the key under which {@code method}, seen as a member of the guarded type with type
   * {@code asMember}, overrides or is overridden: its name and erased parameter types.
   */
  String overrideKey(ExecutableElement method, ExecutableType asMember) {
    List<String> parameters = new ArrayList<>();
    for (TypeMirror parameter : asMember.getParameterTypes()) {
      parameters.add(types.erasure(parameter).toString());
    }
    return method.getSimpleName() + "(" + String.join(",", parameters) + ")";
  }

  /**
   * Returns the guarded method for {@code method} of {@code declaring}, reached through the guard
   * of {@code root}; {@code fallback} is the type default that applies. Empty when a mistake was
   * reported.
   */
  Optional<GuardedMethod> method(
      TypeElement root,
      TypeElement declaring,
      ExecutableElement method,
      ExecutableType asMember,
      Optional<RequirementSpec> fallback) {
    String operation = operationName(declaring, method);
    if (root.getKind() == ElementKind.INTERFACE && clashesWithWrap(root, method, asMember)) {
      reportWrapClash(root, declaring, method, operation);
      return Optional.empty();
    }
    Optional<AnnotationMirror> unguarded = Annotations.find(method, Names.UNGUARDED);
    Optional<AnnotationMirror> required = Annotations.find(method, Names.REQUIRES_PERMISSION);
    if (unguarded.isPresent() && required.isPresent()) {
      reporter.report(
          Diagnostic.CONFLICTING_ANNOTATIONS,
          method,
          unguarded.get(),
          null,
          named(operation, method));
      return Optional.empty();
    }
    if (unguarded.isPresent()) {
      checkReason(method, unguarded.get(), operation);
    }
    ClassName guard = ServiceValidator.guardName(root);
    IdParameters.Found workspace = workspaces.find(method, asMember, guard);
    IdParameters.Found account = accounts.find(method, asMember, guard);
    if (unguarded.isPresent()) {
      if (!workspace.valid() || !account.valid()) {
        return Optional.empty();
      }
      workspace
          .argument()
          .ifPresent(
              argument ->
                  warnUnused(IdKind.WORKSPACE, root, declaring, method, operation, argument));
      account
          .argument()
          .ifPresent(
              argument -> warnUnused(IdKind.ACCOUNT, root, declaring, method, operation, argument));
      return Optional.of(
          new GuardedMethod(
              method,
              operation,
              Optional.empty(),
              workspace.argument(),
              account.argument(),
              false,
              Optional.empty(),
              Optional.of(reason(unguarded.get())),
              text.method(method)));
    }
    // Read the method's own annotation even when @WorkspaceId is wrong: independent mistakes.
    Optional<RequirementSpec> requirement =
        required.isPresent() ? requirements.read(method) : fallback;
    if (!workspace.valid() || !account.valid()) {
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
    boolean boundAccount =
        account.argument().isEmpty() && bound(Names.BOUND_ACCOUNT, root, declaring, method);
    if (account.argument().isEmpty()
        && !boundAccount
        && workspace.argument().isEmpty()
        && !accountOptional(root, declaring, method, operation, requirement.get())) {
      return Optional.empty();
    }
    return Optional.of(
        new GuardedMethod(
            method,
            operation,
            requirement,
            workspace.argument(),
            account.argument(),
            boundAccount,
            Optional.empty(),
            Optional.empty(),
            text.method(method)));
  }

  /**
   * Returns the reason an {@code @Unguarded} gives as written, or empty text where it sets none.
   */
  private static String reason(AnnotationMirror unguarded) {
    return Annotations.value(unguarded, "reason")
        .map(value -> String.valueOf(value.getValue()))
        .orElse("");
  }

  /**
   * Warns ({@code [UnusedWorkspaceId]}, {@code [UnusedAccountId]}) when the {@code @Unguarded}
   * {@code method} marks a workspace or an account: its guard checks nothing and never reads it, so
   * the marker suggests a check that does not happen.
   */
  private void warnUnused(
      IdKind kind,
      TypeElement root,
      TypeElement declaring,
      ExecutableElement method,
      String operation,
      IdArgument argument) {
    VariableElement parameter = method.getParameters().get(argument.parameter());
    boolean here = declaring.equals(root) || compiledHere.test(declaring);
    javax.lang.model.element.Element subject = here ? parameter : root;
    AnnotationMirror mirror =
        here ? Annotations.find(parameter, kind.annotation()).orElse(null) : null;
    reporter.report(
        kind == IdKind.WORKSPACE ? Diagnostic.UNUSED_WORKSPACE_ID : Diagnostic.UNUSED_ACCOUNT_ID,
        subject,
        mirror,
        null,
        parameter.getSimpleName(),
        named(operation, method));
  }

  /**
   * Reports a package-private method that {@code root} inherits from another package (its guard
   * cannot override it, so it would stay open to that package) unless it is {@code @Unguarded};
   * returns whether it reported.
   */
  boolean rejectHidden(TypeElement root, TypeElement declaring, ExecutableElement method) {
    if (Annotations.find(method, Names.UNGUARDED).isPresent()) {
      return false;
    }
    String other =
        ((javax.lang.model.element.PackageElement) packageOf(declaring))
            .getQualifiedName()
            .toString();
    reporter.report(
        Diagnostic.UNPROTECTED_HIDDEN_METHOD,
        root,
        operationName(declaring, method) + MethodNames.parameters(method),
        root.getSimpleName(),
        other,
        ServiceValidator.guardName(root).simpleName());
    return true;
  }

  private static javax.lang.model.element.Element packageOf(
      javax.lang.model.element.Element element) {
    javax.lang.model.element.Element e = element;
    while (e.getKind() != ElementKind.PACKAGE) {
      e = e.getEnclosingElement();
    }
    return e;
  }

  /**
   * Reports a final method of a class a guard extends: with {@code @RequiresPermission} the
   * permission cannot be checked ({@code [NotProxyable]}); without {@code @Unguarded} the guard
   * would leave it open ({@code [UnprotectedMethod]}). Returns whether it reported.
   */
  boolean rejectFinal(TypeElement root, TypeElement declaring, ExecutableElement method) {
    String operation = operationName(declaring, method);
    boolean onMethod = declaring.equals(root) || compiledHere.test(declaring);
    if (Annotations.find(method, Names.REQUIRES_PERMISSION).isPresent()) {
      if (onMethod) {
        rejectAnnotated(method, "final");
      } else {
        reporter.report(
            Diagnostic.NOT_PROXYABLE_INHERITED_FINAL_METHOD,
            root,
            named(operation, method),
            root.getSimpleName());
      }
      return true;
    }
    if (Annotations.find(method, Names.UNGUARDED).isPresent()) {
      return false;
    }
    // A guarded declaring type reports this itself, naming its own guard; printed once.
    String guard =
        ServiceValidator.guardName(
                onMethod && requirements.isGuardedType(declaring) ? declaring : root)
            .simpleName();
    if (onMethod) {
      reporter.report(Diagnostic.UNPROTECTED_FINAL_METHOD, method, named(operation, method), guard);
    } else {
      reporter.report(
          Diagnostic.UNPROTECTED_INHERITED_FINAL_METHOD,
          root,
          named(operation, method),
          root.getSimpleName(),
          guard);
    }
    return true;
  }

  /** Reports {@code @RequiresPermission} on a {@code modifier} method a guard cannot override. */
  void rejectAnnotated(ExecutableElement method, String modifier) {
    String name = method.getSimpleName() + MethodNames.parameters(method);
    Annotations.find(method, Names.REQUIRES_PERMISSION)
        .ifPresent(
            mirror -> {
              if (modifier.equals("final")) {
                reporter.report(Diagnostic.NOT_PROXYABLE_FINAL_METHOD, method, mirror, null, name);
              } else {
                reporter.report(Diagnostic.NOT_PROXYABLE, method, mirror, null, modifier, name);
              }
            });
  }

  /** Returns whether {@code @BoundWorkspace} covers the method. */
  private static boolean boundWorkspace(
      TypeElement root, TypeElement declaring, ExecutableElement method) {
    return bound(Names.BOUND_WORKSPACE, root, declaring, method);
  }

  /**
   * Returns whether the annotation {@code bound} ({@code @BoundWorkspace}, {@code @BoundAccount})
   * covers the method: on it, on its declaring type or on the guarded type.
   */
  private static boolean bound(
      String bound, TypeElement root, TypeElement declaring, ExecutableElement method) {
    return Annotations.find(method, bound).isPresent()
        || Annotations.find(declaring, bound).isPresent()
        || Annotations.find(root, bound).isPresent();
  }

  /**
   * Returns whether a method that names neither an account nor a workspace may do so: its
   * requirement has no account permission. Otherwise reports {@code [MissingAccount]}. A method
   * with a workspace permission names its workspace (or {@code [MissingWorkspace]} was reported),
   * and so acts in that workspace's account: only an account-only requirement arrives here.
   */
  private boolean accountOptional(
      TypeElement root,
      TypeElement declaring,
      ExecutableElement method,
      String operation,
      RequirementSpec requirement) {
    List<String> needed = new ArrayList<>();
    for (String name : requirement.permissions()) {
      Level level =
          matrix.matrix().permission(name).map(PermissionRow::level).orElse(Level.WORKSPACE);
      if (level != Level.ACCOUNT) {
        return true;
      }
      needed.add(name);
    }
    String needs = NameList.counted("account permission", needed);
    if (declaring.equals(root) || compiledHere.test(declaring)) {
      reporter.report(Diagnostic.MISSING_ACCOUNT, method, named(operation, method), needs);
    } else {
      reporter.report(
          root.getKind() == ElementKind.INTERFACE
              ? Diagnostic.MISSING_ACCOUNT_INHERITED_BY_INTERFACE
              : Diagnostic.MISSING_ACCOUNT_INHERITED_BY_CLASS,
          root,
          named(operation, method),
          root.getSimpleName(),
          needs);
    }
    return false;
  }

  /**
   * Returns whether a method that names no workspace may do so: its requirement has no workspace
   * permission. Otherwise reports {@code [MissingWorkspace]}: checking the bound workspace silently
   * would let a forgotten {@code @WorkspaceId} act on whatever is bound.
   */
  private boolean workspaceOptional(
      TypeElement root,
      TypeElement declaring,
      ExecutableElement method,
      String operation,
      RequirementSpec requirement) {
    List<String> needed = new ArrayList<>();
    for (String name : requirement.permissions()) {
      matrix
          .matrix()
          .permission(name)
          .filter(permission -> permission.level() == Level.WORKSPACE)
          .ifPresent(permission -> needed.add(name));
    }
    if (needed.isEmpty()) {
      return true;
    }
    String needs = NameList.counted("workspace permission", needed);
    if (declaring.equals(root) || compiledHere.test(declaring)) {
      reporter.report(Diagnostic.MISSING_WORKSPACE, method, named(operation, method), needs);
    } else {
      reporter.report(
          root.getKind() == ElementKind.INTERFACE
              ? Diagnostic.MISSING_WORKSPACE_INHERITED_BY_INTERFACE
              : Diagnostic.MISSING_WORKSPACE_INHERITED_BY_CLASS,
          root,
          named(operation, method),
          root.getSimpleName(),
          needs);
    }
    return false;
  }

  private static boolean hasTypeDefault(TypeElement root, TypeElement declaring) {
    return Annotations.find(declaring, Names.REQUIRES_PERMISSION).isPresent()
        || Annotations.find(root, Names.REQUIRES_PERMISSION).isPresent();
  }

  private void reportUnprotected(
      TypeElement root, TypeElement declaring, ExecutableElement method, String operation) {
    if (root.getKind() == ElementKind.CLASS) {
      Optional<TypeElement> guarded = guardedInterface(root);
      if (guarded.isPresent()) {
        // The user meant the interface's guard: say so once, not once per open method.
        TypeElement face = guarded.get();
        reporter.report(
            Diagnostic.GUARDED_IMPLEMENTATION,
            root,
            Annotations.find(root, Names.REQUIRES_PERMISSION).orElse(null),
            null,
            root.getSimpleName(),
            face.getSimpleName(),
            ServiceValidator.guardName(face).simpleName());
        return;
      }
    }
    String guard = String.join("_", ClassName.get(root).simpleNames());
    if (declaring.equals(root) || requirements.isGuardedType(declaring)) {
      // A guarded declaring type reports this itself; the reporter prints it once.
      reporter.report(
          Diagnostic.UNPROTECTED_METHOD,
          method,
          named(operation, method),
          String.join("_", ClassName.get(declaring).simpleNames()));
    } else {
      reporter.report(
          root.getKind() == ElementKind.INTERFACE
              ? Diagnostic.UNPROTECTED_METHOD_INHERITED_BY_INTERFACE
              : Diagnostic.UNPROTECTED_METHOD_INHERITED_BY_CLASS,
          root,
          named(operation, method),
          root.getSimpleName(),
          guard);
    }
  }

  /** Returns an interface {@code type} implements, directly or not, that is a guarded type. */
  private Optional<TypeElement> guardedInterface(TypeElement type) {
    List<TypeMirror> parents = new ArrayList<>(type.getInterfaces());
    if (type.getSuperclass().getKind() == javax.lang.model.type.TypeKind.DECLARED) {
      parents.add(type.getSuperclass());
    }
    for (TypeMirror parent : parents) {
      javax.lang.model.element.Element element = types.asElement(parent);
      if (!(element instanceof TypeElement parentType)) {
        continue;
      }
      if (parentType.getKind() == ElementKind.INTERFACE && requirements.isGuardedType(parentType)) {
        return Optional.of(parentType);
      }
      Optional<TypeElement> deeper = guardedInterface(parentType);
      if (deeper.isPresent()) {
        return deeper;
      }
    }
    return Optional.empty();
  }

  /** Returns how diagnostics name {@code method}: {@code Things.view()}, or with its types. */
  private static String named(String operation, ExecutableElement method) {
    return operation + MethodNames.parameters(method);
  }

  static String operationName(TypeElement declaring, ExecutableElement method) {
    return String.join(".", ClassName.get(declaring).simpleNames()) + "." + method.getSimpleName();
  }

  /**
   * Returns whether {@code method} erases to {@code wrap(Root)} or {@code wrap(Root,
   * PrincipalSource)}, an interface guard's static factories, which an instance method cannot
   * share.
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
    javax.lang.model.element.Element subject =
        declaring.equals(root) || compiledHere.test(declaring) ? method : root;
    String parameters =
        root.getSimpleName() + (method.getParameters().size() > 1 ? ", PrincipalSource" : "");
    reporter.report(
        Diagnostic.NOT_PROXYABLE_WRAP_CLASH,
        subject,
        operation + "(" + parameters + ")",
        root.getSimpleName(),
        ServiceValidator.guardName(root).simpleName());
  }

  /**
   * Reports an {@code @Unguarded} whose reason is missing, empty or blank, on the reason where
   * there is one. The method is still an unguarded method of the guard: the mistake is in what
   * reviewers read, not in what the guard does, so it stops the build without stopping the guard
   * (see {@link #lenientErrors}), and code using the guard reports nothing more.
   */
  private void checkReason(ExecutableElement method, AnnotationMirror unguarded, String operation) {
    Optional<? extends AnnotationValue> reason = Annotations.value(unguarded, "reason");
    if (reason.isPresent() && !(reason.get().getValue() instanceof String text && text.isBlank())) {
      return;
    }
    if (reporter.report(
        reason.isPresent()
            ? Diagnostic.BLANK_UNGUARDED_REASON
            : Diagnostic.MISSING_UNGUARDED_REASON,
        method,
        unguarded,
        reason.orElse(null),
        named(operation, method))) {
      lenientErrors++;
    }
  }

  /**
   * Returns how many errors this validator printed that do not stop a guard from being written (an
   * {@code @Unguarded} reason that is missing or blank): a service is valid when all its new errors
   * are of this kind.
   */
  int lenientErrors() {
    return lenientErrors;
  }
}
