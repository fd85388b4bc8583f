package dev.rolegate.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a method (or, on a type, every method of the type) acts on the workspace bound to
 * the caller's context, {@code CurrentPrincipal.bind(principal, workspaceId)} (or a {@code
 * PrincipalSource}'s {@code currentWorkspace()}), rather than on one an argument names.
 *
 * <p>The rule: a method whose permissions include a workspace-level one must say which workspace
 * they are checked in, with a {@link WorkspaceId} parameter or with this annotation on the method,
 * on the type that declares it, or on the guarded type. With neither, compilation fails with {@code
 * [MissingWorkspace]}: checking silently against whatever workspace happens to be bound would let a
 * call meant for one workspace be authorized in another. At run time, when no workspace is bound,
 * the call is denied.
 *
 * <p>A method may not carry this annotation and a {@code @WorkspaceId} parameter both; on a type,
 * it is a default that a method's {@code @WorkspaceId} parameter replaces. Methods that need only
 * account-level permissions, and {@link Unguarded} methods, need no workspace.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BoundWorkspace {}
