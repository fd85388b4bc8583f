package dev.rolegate.processor.internal.validation;

import com.palantir.javapoet.ClassName;
import dev.rolegate.processor.internal.base.Annotations;
import dev.rolegate.processor.internal.base.MethodNames;
import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.model.IdArgument;
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
 * Finds a method's {@code @WorkspaceId} or {@code @AccountId} parameter (one {@link IdKind} per
 * instance) and checks its use: at most one, of type {@code String}, {@code UUID} or a carrier, and
 * not beside {@code @BoundWorkspace} or {@code @BoundAccount} on the method.
 */
final class IdParameters {
  /** What a method's parameters say about its id; {@code argument} is empty for none. */
  record Found(boolean valid, Optional<IdArgument> argument) {
    static final Found INVALID = new Found(false, Optional.empty());
  }

  private final IdKind kind;
  private final Reporter reporter;
  private final ModelText text;
  private final IdCarriers carriers;

  IdParameters(IdKind kind, Reporter reporter, IdCarriers carriers, ModelText text) {
    this.kind = kind;
    this.reporter = reporter;
    this.carriers = carriers;
    this.text = text;
  }

  /**
   * Returns the marked parameter of {@code method}, whose parameter types as a member of the
   * guarded type are {@code asMember}, for the guard {@code guard}; reports every mistake.
   */
  Found find(ExecutableElement method, ExecutableType asMember, ClassName guard) {
    List<? extends VariableElement> parameters = method.getParameters();
    Optional<IdArgument> found = Optional.empty();
    int first = -1;
    boolean valid = true;
    for (int i = 0; i < parameters.size(); i++) {
      VariableElement parameter = parameters.get(i);
      AnnotationMirror mirror = Annotations.find(parameter, kind.annotation()).orElse(null);
      if (mirror == null) {
        continue;
      }
      String name = parameter.getSimpleName().toString();
      String signature = method.getSimpleName() + MethodNames.parameters(method);
      if (first >= 0) {
        reporter.report(
            kind.misuse(IdKind.Misuse.TWICE),
            parameter,
            mirror,
            null,
            parameters.get(first).getSimpleName(),
            name,
            signature);
        valid = false;
        continue;
      }
      first = i;
      if (kind == IdKind.ACCOUNT
          && Annotations.find(parameter, IdKind.WORKSPACE.annotation()).isPresent()
          && idType(asMember.getParameterTypes().get(i)).isPresent()) {
        // One id read as both (a carrier reads each through its own accessor): the call would be
        // denied unless the two ids were equal.
        reporter.report(
            Diagnostic.ACCOUNT_ID_ON_WORKSPACE_ID, parameter, mirror, null, name, signature);
        valid = false;
        continue;
      }
      if (Annotations.find(method, kind.bound()).isPresent()) {
        reporter.report(
            kind.misuse(IdKind.Misuse.WITH_BOUND), parameter, mirror, null, name, signature);
        valid = false;
        continue;
      }
      found =
          argument(
              i, parameter, mirror, name, signature, asMember.getParameterTypes().get(i), guard);
      valid &= found.isPresent();
    }
    return valid ? new Found(true, found) : Found.INVALID;
  }

  private Optional<IdArgument> argument(
      int index,
      VariableElement parameter,
      AnnotationMirror mirror,
      String name,
      String signature,
      TypeMirror type,
      ClassName guard) {
    Optional<ClassName> id = idType(type);
    if (id.isPresent()) {
      return Optional.of(new IdArgument(index, Optional.empty(), id.get(), Optional.empty()));
    }
    TypeMirror carrier = type;
    while (carrier.getKind() == TypeKind.TYPEVAR) {
      carrier = ((TypeVariable) carrier).getUpperBound();
    }
    if (carrier.getKind() != TypeKind.DECLARED || IdCarriers.isJdkType(carrier)) {
      reporter.report(
          kind.misuse(IdKind.Misuse.TYPE), parameter, mirror, null, name, signature, type);
      return Optional.empty();
    }
    return carriers
        .accessor(
            kind,
            (DeclaredType) carrier,
            guard,
            (diagnostic, args) -> {
              Object[] all = new Object[args.length + 3];
              all[0] = name;
              all[1] = signature;
              all[2] = type;
              System.arraycopy(args, 0, all, 3, args.length);
              reporter.report(diagnostic, parameter, mirror, null, all);
            })
        .map(
            accessor ->
                new IdArgument(
                    index,
                    Optional.of(accessor.method()),
                    accessor.idType(),
                    Optional.of(text.accessor(accessor.method()))));
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
