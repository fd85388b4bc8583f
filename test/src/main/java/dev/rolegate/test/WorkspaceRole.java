package dev.rolegate.test;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One more workspace role of a {@link WithPrincipal} or {@link WithServiceAccount} principal, for a
 * principal with roles in several workspaces:
 *
 * <pre>{@code
 * @WithPrincipal(workspace = "ws-prod", role = WorkspaceRoles.VIEWER,
 *     workspaceRoles = @WorkspaceRole(workspace = "ws-dev", role = WorkspaceRoles.DEVELOPER))
 * }</pre>
 *
 * <p>It grants the role only; the bound workspace is the principal annotation's {@code workspace}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface WorkspaceRole {
  /** The workspace id. */
  String workspace();

  /** The workspace role there, by name (e.g. {@code WorkspaceRoles.DEVELOPER}); case-sensitive. */
  String role();
}
