package dev.rolegate.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter that names the account a call acts in, or the accessor that reads the account
 * id out of such a parameter: a {@code String} or {@code java.util.UUID}, or an <em>account
 * carrier</em>, under exactly the rules of a {@link WorkspaceId} carrier (a record component, or a
 * final class's {@code return id;} of its own final field).
 *
 * <p>Account-level permissions of the method are checked against the caller's account role in that
 * account; a caller who is no member of it holds none. When the method also names a workspace
 * ({@link WorkspaceId}, {@link BoundWorkspace}), the call is denied unless the workspace belongs to
 * this account. A null carrier, or a null, empty or blank id, is denied.
 *
 * <p>A method that needs an account-level permission must name its account: with a parameter marked
 * {@code @AccountId}, with {@link BoundAccount}, or by naming a workspace, whose account it then
 * acts in. With none of them, compilation fails with {@code [MissingAccount]}. A method marks at
 * most one parameter, and may not carry {@code @BoundAccount} as well.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.METHOD})
public @interface AccountId {}
