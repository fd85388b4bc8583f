package dev.rolegate.processor.internal.model;

import com.palantir.javapoet.ClassName;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;

/**
 * The argument that names a guarded call's workspace ({@code @WorkspaceId}) or account
 * ({@code @AccountId}): the marked parameter at index {@code parameter}, read as is ({@code
 * accessor} empty) or through its carrier's marked accessor; {@code idType} is {@code String} or
 * {@code UUID}.
 */
public record IdArgument(int parameter, Optional<ExecutableElement> accessor, ClassName idType) {}
