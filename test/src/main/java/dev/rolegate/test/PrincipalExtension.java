package dev.rolegate.test;

import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Binds the principal of {@link WithPrincipal} or {@link WithServiceAccount} around each test and
 * unbinds it after, and fails a test that leaves a principal bound. The annotations register it;
 * register it yourself ({@code @ExtendWith(PrincipalExtension.class)}) on a class without them to
 * get only the leak check.
 *
 * <p>Before each test: if a principal is already bound on the thread (a scope that an earlier test
 * or fixture left open), the test fails without running. Then the nearest annotation (the method's,
 * else the test class's, else an enclosing class's for {@code @Nested} classes) is turned into a
 * principal and bound; a bad role name fails the test before it runs, with the runtime's message.
 * After each test (also a failed one): if the test left a scope of its own open, the test fails
 * naming what was still bound; the binding is then closed, which also closes scopes the test left
 * open inside it.
 *
 * <p>A binding belongs to the thread: code the test hands to another thread runs unbound unless it
 * carries the binding ({@code PrincipalContext}); a test run with a preemptive timeout runs on
 * another thread than its callbacks and so sees no principal.
 */
public final class PrincipalExtension implements BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PrincipalExtension.class);
  private static final String BOUND = "bound";

  /**
   * The account of {@link WithPrincipal#account()} and {@link WithServiceAccount#account()} when
   * not set.
   */
  public static final String ACCOUNT = "test-account";

  @Override
  public void beforeEach(ExtensionContext context) {
    Optional<Principal> leaked = CurrentPrincipal.get();
    if (leaked.isPresent()) {
      throw new IllegalStateException(
          leaked.get()
              + " is still bound on this thread before "
              + context.getDisplayName()
              + " starts: an earlier test or fixture opened a"
              + " CurrentPrincipal scope and did not close it; close it (try-with-resources)");
    }
    Optional<PrincipalSpec> spec = find(context);
    if (spec.isEmpty()) {
      return;
    }
    Principal principal;
    try {
      principal = spec.get().build();
    } catch (RuntimeException e) {
      throw new ExtensionConfigurationException(spec.get().describe() + ": " + e.getMessage(), e);
    }
    String workspace = spec.get().workspace().isEmpty() ? null : spec.get().workspace();
    PrincipalScope scope = CurrentPrincipal.bind(principal, spec.get().account(), workspace);
    context.getStore(NAMESPACE).put(BOUND, new Bound(scope, principal, workspace, spec.get()));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Bound bound = context.getStore(NAMESPACE).remove(BOUND, Bound.class);
    String problem = null;
    if (bound != null) {
      Optional<Principal> now = CurrentPrincipal.get();
      if (now.isEmpty()
          || now.get() != bound.principal()
          || !Objects.equals(CurrentPrincipal.workspace().orElse(null), bound.workspace())) {
        problem =
            context.getDisplayName()
                + " left "
                + now.map(Object::toString).orElse("nothing")
                + " bound"
                + CurrentPrincipal.workspace().map(w -> " in workspace " + w).orElse("")
                + " where "
                + bound.spec().describe()
                + " had bound "
                + bound.principal()
                + ": a CurrentPrincipal scope opened in the test was not closed";
      }
      // Closing the test's binding also closes any scope the test left open inside it.
      bound.scope().close();
    }
    Optional<Principal> still = CurrentPrincipal.get();
    if (still.isPresent()) {
      problem =
          (problem == null ? "" : problem + "; and ")
              + context.getDisplayName()
              + " leaves "
              + still.get()
              + " bound on this thread after it ended: a CurrentPrincipal"
              + " scope opened in the test (or a fixture) was not closed";
    }
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
  }

  private static Optional<PrincipalSpec> find(ExtensionContext context) {
    Optional<Method> method = context.getTestMethod();
    if (method.isPresent()) {
      Optional<PrincipalSpec> spec = on(method.get(), "method " + method.get().getName());
      if (spec.isPresent()) {
        return spec;
      }
    }
    for (Class<?> type = context.getTestClass().orElse(null);
        type != null;
        type = enclosing(type)) {
      Optional<PrincipalSpec> spec = on(type, "class " + type.getSimpleName());
      if (spec.isPresent()) {
        return spec;
      }
    }
    return Optional.empty();
  }

  /** Returns the class a {@code @Nested} (inner) class inherits configuration from, or null. */
  private static Class<?> enclosing(Class<?> type) {
    return type.isMemberClass() && !Modifier.isStatic(type.getModifiers())
        ? type.getEnclosingClass()
        : null;
  }

  private static Optional<PrincipalSpec> on(AnnotatedElement element, String where) {
    Optional<WithPrincipal> user = AnnotationSupport.findAnnotation(element, WithPrincipal.class);
    Optional<WithServiceAccount> account =
        AnnotationSupport.findAnnotation(element, WithServiceAccount.class);
    if (user.isPresent() && account.isPresent()) {
      throw new ExtensionConfigurationException(
          "@WithPrincipal and @WithServiceAccount on "
              + where
              + ": a test runs as one principal; keep one of them");
    }
    return user.map(
            a ->
                new PrincipalSpec(
                    false,
                    where,
                    a.id(),
                    a.account(),
                    a.accountRole(),
                    a.workspace(),
                    a.role(),
                    a.workspaceRoles()))
        .or(
            () ->
                account.map(
                    a ->
                        new PrincipalSpec(
                            true,
                            where,
                            a.id(),
                            a.account(),
                            a.accountRole(),
                            a.workspace(),
                            a.role(),
                            a.workspaceRoles())));
  }

  /** What one annotation asks for. */
  private record PrincipalSpec(
      boolean serviceAccount,
      String where,
      String id,
      String account,
      String accountRole,
      String workspace,
      String role,
      WorkspaceRole[] workspaceRoles) {
    Principal build() {
      Principal.Builder builder =
          (serviceAccount ? Principal.serviceAccount(id) : Principal.user(id))
              .directory(AccountDirectory.singleAccount(account));
      if (!accountRole.isEmpty()) {
        builder.accountRole(accountRole);
      }
      if (!role.isEmpty()) {
        if (workspace.isEmpty()) {
          throw new IllegalArgumentException(
              "role \""
                  + role
                  + "\" is given without a workspace;"
                  + " set workspace = \"<id>\" too");
        }
        builder.workspaceRole(workspace, role);
      }
      for (WorkspaceRole each : workspaceRoles) {
        builder.workspaceRole(each.workspace(), each.role());
      }
      return builder.build();
    }

    String describe() {
      return (serviceAccount ? "@WithServiceAccount" : "@WithPrincipal") + " on " + where;
    }
  }

  private record Bound(
      PrincipalScope scope, Principal principal, String workspace, PrincipalSpec spec) {}
}
