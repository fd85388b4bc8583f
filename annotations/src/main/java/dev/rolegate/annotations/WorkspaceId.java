package dev.rolegate.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter that names the workspace a call acts on ({@code String} or
 * {@code java.util.UUID}).
 *
 * <p>Workspace-level permissions of the method are checked against the caller's role in that
 * workspace. Without such a parameter, the workspace bound with {@code
 * CurrentPrincipal.bind(principal, workspaceId)} applies; with neither, a workspace permission is
 * denied. A null, empty or blank workspace id is always denied.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface WorkspaceId {}
