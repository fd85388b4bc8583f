package dev.rolegate.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a method (or, on a type, every method of the type) acts in the account bound to the
 * caller's context, {@code CurrentPrincipal.bind(principal, accountId, workspaceId)} (or a {@code
 * PrincipalSource}'s {@code currentAccount()}), rather than in one an argument names.
 *
 * <p>Never implicit, like {@link BoundWorkspace}: a method that needs an account-level permission
 * names its account with an {@link AccountId} parameter, with this annotation, or by naming a
 * workspace (whose account it acts in); with none of them, compilation fails with {@code
 * [MissingAccount]}. At run time, when no account is bound, the call is denied; when the method
 * also names a workspace, the call is denied unless the workspace belongs to the bound account.
 *
 * <p>A method may not carry this annotation and an {@code @AccountId} parameter both; on a type, it
 * is a default for every guarded method of the type, which a method's {@code @AccountId} parameter
 * replaces.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BoundAccount {}
