package dev.rolegate.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the permissions a caller needs to invoke a method through its generated guard.
 *
 * <p>Exactly one of {@link #value()} and {@link #anyOf()} is non-empty: {@code value} lists
 * permissions that are <em>all</em> required, {@code anyOf} lists permissions of which one
 * suffices. Names are the upper-case names of the permission matrix in use; the generated {@code
 * Permissions} constants give completion, and the processor checks raw strings too.
 *
 * <p>Each permission is checked at its own level: a workspace permission against the caller's role
 * in the workspace the call acts on (see {@link WorkspaceId}), an account permission against the
 * caller's account role.
 *
 * <p>Rules the processor enforces: every name must exist in the matrix; the annotation may not be
 * empty; it may not sit on a static, private or final method, nor on a type that cannot be guarded.
 * On an interface, every method (abstract or default, inherited ones included) then needs a
 * permission or {@link Unguarded}. On a non-final class, whose guard is a subclass, every method
 * the guard can override does: public, protected and package-private instance methods, declared or
 * inherited (from superclasses other than {@code Object}, and interface default methods); a final
 * one must be {@link Unguarded}. Overrides of {@code Object}'s methods ({@code equals}, {@code
 * hashCode}, {@code toString}, {@code clone}, {@code finalize}) need none, and are checked only
 * when they carry this annotation themselves. On a type, the annotation is the default for the
 * type's methods; a method's own annotation replaces it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {
  /** Permissions that are all required. */
  String[] value() default {};

  /** Permissions of which any one suffices. */
  String[] anyOf() default {};
}
