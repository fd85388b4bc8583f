package dev.rolegate.processor.internal.validation;

import com.palantir.javapoet.ClassName;
import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.model.WorkspaceArgument;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;

/**
 * Finds a method's {@code @WorkspaceId} parameter and checks its use: at most one, of type
 * {@code String}, {@code UUID} or a workspace carrier, and not beside {@code @BoundWorkspace}.
 */
final class WorkspaceParameters {
  /** What a method's parameters say about its workspace; {@code argument} is empty for none. */
  record Found(boolean valid, Optional<WorkspaceArgument> argument) {
    static final Found INVALID = new Found(false, Optional.empty());
  }

  private final Reporter reporter;
  private final WorkspaceCarriers carriers;

  WorkspaceParameters(Reporter reporter, WorkspaceCarriers carriers) {
    this.reporter = reporter;
    this.carriers = carriers;
  }

  /**
   * Returns the marked parameter of {@code method}, whose parameter types as a member of the
   * guarded type are {@code asMember}, for the guard {@code guard}; reports every mistake.
   */
  Found find(ExecutableElement method, ExecutableType asMember, ClassName guard) {
    List<? extends VariableElement> parameters = method.getParameters();
    Optional<WorkspaceArgument> found = Optional.empty();
    int first = -1;
    boolean valid = true;
    for (int i = 0; i < parameters.size(); i++) {
      VariableElement parameter = parameters.get(i);
      AnnotationMirror mirror = Annotations.find(parameter, Names.WORKSPACE_ID).orElse(null);
      if (mirror == null) {
        continue;
      }
      String where = "parameter " + parameter.getSimpleName() + " of " + method.getSimpleName()
          + MethodNames.parameters(method);
      if (first >= 0) {
        reporter.report(Diagnostic.WORKSPACE_ID, parameter, mirror, null,
            "@WorkspaceId marks both " + parameters.get(first).getSimpleName() + " and " + where,
            "A call acts on one workspace: keep @WorkspaceId on one parameter");
        valid = false;
        continue;
      }
      first = i;
      if (Annotations.find(method, Names.BOUND_WORKSPACE).isPresent()) {
        reporter.report(Diagnostic.WORKSPACE_ID, parameter, mirror, null,
            "@WorkspaceId on " + where + ", which also carries @BoundWorkspace",
            "A call acts on one workspace: keep @WorkspaceId to check the workspace the call"
                + " names, or remove it to check the workspace bound to the caller's context");
        valid = false;
        continue;
      }
      found = argument(i, parameter, mirror, where, asMember.getParameterTypes().get(i), guard);
      valid &= found.isPresent();
    }
    return valid ? new Found(true, found) : Found.INVALID;
  }

  private Optional<WorkspaceArgument> argument(int index, VariableElement parameter,
      AnnotationMirror mirror, String where, TypeMirror type, ClassName guard) {
    Optional<ClassName> id = idType(type);
    if (id.isPresent()) {
      return Optional.of(new WorkspaceArgument(index, Optional.empty(), id.get()));
    }
    TypeMirror carrier = type;
    while (carrier.getKind() == TypeKind.TYPEVAR) {
      carrier = ((TypeVariable) carrier).getUpperBound();
    }
    String subject = "@WorkspaceId on " + where + " of type " + type;
    if (carrier.getKind() != TypeKind.DECLARED || WorkspaceCarriers.isJdkType(carrier)) {
      reporter.report(Diagnostic.WORKSPACE_ID, parameter, mirror, null, subject,
          "A workspace id is a String or a java.util.UUID, or a type that carries one (see"
              + " @WorkspaceId): change the parameter's type or move the annotation");
      return Optional.empty();
    }
    return carriers.accessor((DeclaredType) carrier, guard, (diagnostic, what, fix) ->
            reporter.report(diagnostic, parameter, mirror, null, subject + what, fix))
        .map(accessor -> new WorkspaceArgument(index, Optional.of(accessor.method()), accessor.idType()));
  }

  /** Returns {@code String} or {@code UUID} when {@code type} is one of them. */
  static Optional<ClassName> idType(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
    switch (name) {
      case "java.lang.String":
        return Optional.of(ClassName.get(String.class));
      case "java.util.UUID":
        return Optional.of(ClassName.get("java.util", "UUID"));
      default:
        return Optional.empty();
    }
  }
}
