package dev.rolegate.processor.internal.validation;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Finds a method's {@code @WorkspaceId} parameter and checks its use. */
final class WorkspaceParameters {
  /** No parameter is marked: the bound workspace applies. */
  static final int NONE = -1;
  /** The marking is wrong (reported). */
  static final int INVALID = -2;

  private WorkspaceParameters() {}

  /** Returns the marked parameter's index, {@link #NONE} or {@link #INVALID}. */
  static int find(ExecutableElement method, Reporter reporter) {
    List<? extends VariableElement> parameters = method.getParameters();
    int found = NONE;
    boolean valid = true;
    for (int i = 0; i < parameters.size(); i++) {
      VariableElement parameter = parameters.get(i);
      AnnotationMirror mirror = Annotations.find(parameter, Names.WORKSPACE_ID).orElse(null);
      if (mirror == null) {
        continue;
      }
      String where = "parameter " + parameter.getSimpleName() + " of " + method.getSimpleName() + "()";
      if (found != NONE) {
        reporter.report(Diagnostic.WORKSPACE_ID, parameter, mirror, null,
            "@WorkspaceId marks both " + parameters.get(found).getSimpleName() + " and " + where,
            "A call acts on one workspace: keep @WorkspaceId on one parameter");
        valid = false;
      } else if (!supported(parameter.asType())) {
        reporter.report(Diagnostic.WORKSPACE_ID, parameter, mirror, null,
            "@WorkspaceId on " + where + " of type " + parameter.asType(),
            "A workspace id is a String or a java.util.UUID: change the parameter's type or move"
                + " the annotation");
        valid = false;
      }
      if (found == NONE) {
        found = i;
      }
    }
    return valid ? found : INVALID;
  }

  /** Returns whether the guard can pass this type to the runtime check as a workspace id. */
  static boolean supported(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
    return name.equals("java.lang.String") || name.equals("java.util.UUID");
  }
}
