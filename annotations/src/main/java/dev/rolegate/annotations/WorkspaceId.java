package dev.rolegate.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter that names the workspace a call acts on, or the accessor that reads the
 * workspace id out of such a parameter.
 *
 * <p>On a parameter, its type is one of:
 *
 * <ul>
 *   <li>{@code String} or {@code java.util.UUID}: the workspace id itself;
 *   <li>a <em>workspace carrier</em>: a type with exactly one no-argument instance method that is
 *       marked {@code @WorkspaceId} (or implements or overrides a marked method), returns {@code
 *       String} or {@code UUID}, and is public (or package-private in the guarded type's package).
 *       The guard checks the id it reads once and the delegate reads it again, so the accessor must
 *       answer the same on every read: the carrier is a record whose marked component has the
 *       accessor javac writes (the record declares no method of that name), or a final class whose
 *       marked method, declared in that class, is exactly {@code return id;} (or {@code return
 *       this.id;}) of a final {@code String} or {@code UUID} field of that class. Anything else is
 *       a compile error. On a record, mark the component; the annotation reaches its accessor:
 *       <pre>{@code
 * record DeploymentRef(@WorkspaceId String workspace, String id) {}
 * void delete(@WorkspaceId DeploymentRef ref);   // in the guarded interface
 * }</pre>
 * </ul>
 *
 * <p>Workspace-level permissions of the method are checked against the caller's role in that
 * workspace. The guard reads a carrier's id before the call; a null carrier, or a null, empty or
 * blank id, is denied (the delegate is not called).
 *
 * <p>A method that needs a workspace-level permission must name its workspace: with a parameter
 * marked {@code @WorkspaceId}, or with {@link BoundWorkspace} to act on the workspace bound to the
 * caller's context. With neither, compilation fails with {@code [MissingWorkspace]}. A method marks
 * at most one parameter, and may not carry {@code @BoundWorkspace} as well.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.METHOD})
public @interface WorkspaceId {}
