package dev.rolegate.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test as a user principal: before each test (each invocation of a parameterized or repeated
 * test; a {@code @TestFactory} with its dynamic tests) the principal is built against the compiled
 * matrix ({@code Matrix.load()}) and bound with {@code CurrentPrincipal.bind(principal,
 * workspace)}; after it, it is always unbound, also when the test or the binding failed.
 *
 * <pre>{@code
 * @Test
 * @WithPrincipal(workspace = "ws-prod", role = WorkspaceRoles.DEVELOPER)
 * void developerDeletes() {
 *   assertTrue(deployments.delete("ws-prod", "d-42"));
 * }
 * }</pre>
 *
 * <p>On a test class it applies to every test of the class and of its {@code @Nested} classes; an
 * annotation on a method, or on a nearer class, replaces it (nothing is merged). A role name that
 * the matrix does not have at that level fails the test with the runtime's message, and the test
 * does not run. The {@link PrincipalExtension} that does this also fails a test that leaves a
 * principal bound (a scope it opened and did not close). May be used as a meta-annotation.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(PrincipalExtension.class)
public @interface WithPrincipal {
  /** The user id. */
  String id() default "test-user";

  /**
   * The account the principal is a member of, and which is bound for {@code @BoundAccount} methods:
   * the one account of the principal's directory ({@code AccountDirectory.singleAccount}), so that
   * every workspace is this account's.
   */
  String account() default PrincipalExtension.ACCOUNT;

  /** The account role by name (e.g. {@code AccountRoles.ADMIN}); "" is the matrix's default. */
  String accountRole() default "";

  /**
   * The workspace of {@link #role()}, also bound as the workspace that {@code @BoundWorkspace}
   * methods act on; "" binds none.
   */
  String workspace() default "";

  /**
   * The workspace role in {@link #workspace()} by name (e.g. {@code WorkspaceRoles.VIEWER}); "" for
   * none.
   */
  String role() default "";

  /** Roles in further workspaces. */
  WorkspaceRole[] workspaceRoles() default {};
}
