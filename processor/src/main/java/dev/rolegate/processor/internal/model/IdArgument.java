package dev.rolegate.processor.internal.model;

import com.palantir.javapoet.ClassName;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;

/**
 * The argument that names a guarded call's workspace ({@code @WorkspaceId}) or account
 * ({@code @AccountId}): the marked parameter at index {@code parameter}, read as is ({@code
 * accessor} empty) or through its carrier's marked accessor, which {@code accessorText} describes;
 * {@code idType} is {@code String} or {@code UUID}.
 */
public record IdArgument(
    int parameter,
    Optional<ExecutableElement> accessor,
    ClassName idType,
    Optional<AccessorText> accessorText) {
  public IdArgument {
    if (accessor.isPresent() != accessorText.isPresent()) {
      throw new IllegalArgumentException("an accessor and its text both, or neither");
    }
  }

  /**
   * A carrier's accessor as the access report writes it: its simple {@code name}, the binary name
   * of the type declaring it ({@code test.DeploymentRef}) and how a reader of the source names it
   * ({@code DeploymentRef.workspace()}).
   */
  public record AccessorText(String name, String declaringType, String signature) {}
}
