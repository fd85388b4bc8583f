package dev.rolegate.test;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.GuardIndex;
import dev.rolegate.runtime.GuardedMethod;
import dev.rolegate.runtime.GuardedType;
import dev.rolegate.runtime.Level;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Permission;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.runtime.PrincipalSource;
import dev.rolegate.runtime.Role;
import dev.rolegate.runtime.UnauthenticatedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The exhaustive authorization test of one guarded type: for every method the processor guarded
 * (read from the guard index, {@code META-INF/rolegate/guard-index}) and every role of the
 * compiled matrix, one dynamic test calls the method through your guard as a principal holding
 * that role, and checks that the call is allowed or denied exactly as the matrix says. The
 * expectations are computed from the matrix and the method's requirement; nothing is written by
 * hand.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> deploymentsFollowTheMatrix() {
 *   DeploymentService impl = new InMemoryDeploymentService();
 *   return AuthorizationMatrix.of(DeploymentService.class)
 *       .guard(source -> GuardedDeploymentService.wrap(impl, source))
 *       .call("ping", s -> s.ping())
 *       .call("read", s -> s.read(AuthorizationMatrix.WORKSPACE, "d-1"))
 *       // ... one call per method: a method without one fails the factory
 *       .tests();
 * }
 * }</pre>
 *
 * <p>The cases, per method: each workspace role of the matrix in workspace {@link #WORKSPACE}
 * (with the matrix's default account role) of account {@link #ACCOUNT}; each account role of
 * that account with no role in that workspace; each account role held only in another account
 * (denied every guarded method); and no principal at all. Each call must act on that workspace
 * (and name that account, where it names one); both are also bound, for {@code @BoundWorkspace}
 * and {@code @BoundAccount} methods. A call that throws {@link AccessDeniedException} from this
 * method's guard was denied; {@link UnauthenticatedException} means no principal was found; any
 * other outcome (a result, or an exception of the implementation, such as a missing id) means the
 * guard let the call through. So give an implementation that does not call other guarded
 * services: their denials are reported as such, not counted.
 *
 * <p>{@link #tests()} fails at once (so the {@code @TestFactory} fails) when a method of the type
 * has no call, a call names no method or an overloaded name, the type is not in the guard index,
 * or the index was compiled against another matrix.
 */
public final class AuthorizationMatrix<T> {
  /** The workspace every case's principal holds its role in, and which is bound. */
  public static final String WORKSPACE = "ws-authz";

  /** The account {@link #WORKSPACE} belongs to, which the cases' principals are members of. */
  public static final String ACCOUNT = "acct-authz";

  /** The account of the cases whose roles are held elsewhere only. */
  static final String OTHER_ACCOUNT = "acct-authz-other";

  private final Class<T> type;
  private Function<PrincipalSource, ? extends T> guard;
  private Matrix matrix;
  private GuardIndex index;
  private String workspace = WORKSPACE;
  private String account = ACCOUNT;
  private final Map<String, Call<? super T>> calls = new LinkedHashMap<>();

  private AuthorizationMatrix(Class<T> type) {
    this.type = type;
  }

  /** Starts the test of guarded type {@code type} (an interface or a class). */
  public static <T> AuthorizationMatrix<T> of(Class<T> type) {
    return new AuthorizationMatrix<>(Objects.requireNonNull(type, "type"));
  }

  /**
   * Sets how to get the guarded instance for a source of principals, e.g. {@code source ->
   * GuardedDeploymentService.wrap(impl, source)}; called once per case. A guard that reads
   * {@code CurrentPrincipal} instead works too: each case is also bound to the thread.
   */
  public AuthorizationMatrix<T> guard(Function<PrincipalSource, ? extends T> guard) {
    this.guard = Objects.requireNonNull(guard, "guard");
    return this;
  }

  /**
   * Gives the call of one method: {@code method} is its name, or for an overloaded name its
   * signature with erased binary parameter type names, e.g. {@code
   * "run(java.lang.String,java.lang.String)"}.
   */
  public AuthorizationMatrix<T> call(String method, Call<? super T> call) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(call, "call");
    if (calls.putIfAbsent(method, call) != null) {
      throw new IllegalArgumentException("a call of " + method + " is given twice");
    }
    return this;
  }

  /** Uses this matrix instead of {@code Matrix.load()}. */
  public AuthorizationMatrix<T> matrix(Matrix matrix) {
    this.matrix = Objects.requireNonNull(matrix, "matrix");
    return this;
  }

  /** Uses this guard index instead of those on the type's class loader. */
  public AuthorizationMatrix<T> index(GuardIndex index) {
    this.index = Objects.requireNonNull(index, "index");
    return this;
  }

  /** Sets the account the workspace belongs to and which is bound (default {@link #ACCOUNT}). */
  public AuthorizationMatrix<T> account(String account) {
    this.account = Objects.requireNonNull(account, "account");
    return this;
  }

  /** Sets the workspace the cases' roles are held in and bound (default {@link #WORKSPACE}). */
  public AuthorizationMatrix<T> workspace(String workspace) {
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    return this;
  }

  /**
   * Returns one dynamic test per (method, role), and per method one without a principal.
   *
   * @throws IllegalStateException when a method has no call, a call matches no method, the type
   *     is not indexed, no guard is set, or the index names another matrix than the one in use
   */
  public Stream<DynamicTest> tests() {
    if (guard == null) {
      throw new IllegalStateException("no guard for " + type.getName()
          + ": give .guard(source -> Guarded" + type.getSimpleName() + ".wrap(impl, source))");
    }
    Matrix matrix = this.matrix != null ? this.matrix : Matrix.load();
    GuardIndex index = this.index != null ? this.index : GuardIndex.load(loader());
    GuardedType guarded = index.find(type).orElseThrow(() -> new IllegalStateException(
        type.getName() + " is in no guard index (" + GuardIndex.RESOURCE + "): it carries no"
            + " @RequiresPermission, or it was not compiled with rolegate-processor"));
    // The index writes the name on one line, runs of white space as one space.
    if (!guarded.matrixName().equals(matrix.name().replaceAll("\\s+", " ").trim())) {
      throw new IllegalStateException(type.getName() + " was checked against matrix "
          + guarded.matrixName() + " (" + guarded.resource() + "), but the matrix in use is "
          + matrix.name() + "; pass the matching one with .matrix(...)");
    }
    Map<GuardedMethod, Call<? super T>> byMethod = resolveCalls(guarded);
    List<DynamicTest> tests = new ArrayList<>();
    for (GuardedMethod method : guarded.methods()) {
      Call<? super T> call = byMethod.get(method);
      List<Permission> permissions = permissions(method, matrix, guarded);
      // Every workspace a call names is the account's: the calls act in it.
      AccountDirectory directory = named -> account;
      for (Role role : matrix.roles(Level.WORKSPACE)) {
        Principal principal = Principal.user("authz-" + role.name()).matrix(matrix)
            .directory(directory).member(account).workspaceRole(workspace, role.name()).build();
        tests.add(test(method, call, "as workspace " + role.name(), principal, permissions));
      }
      for (Role role : matrix.roles(Level.ACCOUNT)) {
        Principal principal = Principal.user("authz-account-" + role.name()).matrix(matrix)
            .directory(directory).member(account, role.name()).build();
        tests.add(test(method, call, "as account " + role.name() + " (no workspace role)",
            principal, permissions));
      }
      for (Role role : matrix.roles(Level.ACCOUNT)) {
        Principal principal = Principal.user("authz-elsewhere-" + role.name()).matrix(matrix)
            .directory(directory).member(OTHER_ACCOUNT, role.name()).build();
        tests.add(test(method, call, "as account " + role.name() + " of another account",
            principal, permissions));
      }
      tests.add(test(method, call, "with no principal", null, permissions));
    }
    return tests.stream();
  }

  private ClassLoader loader() {
    ClassLoader loader = type.getClassLoader();
    return loader != null ? loader : ClassLoader.getSystemClassLoader();
  }

  private Map<GuardedMethod, Call<? super T>> resolveCalls(GuardedType guarded) {
    Map<GuardedMethod, Call<? super T>> byMethod = new LinkedHashMap<>();
    for (Map.Entry<String, Call<? super T>> entry : calls.entrySet()) {
      String key = entry.getKey();
      List<GuardedMethod> matches = key.contains("(")
          ? guarded.method(key.replace(" ", "")).map(List::of).orElse(List.of())
          : guarded.methodsNamed(key);
      if (matches.isEmpty()) {
        throw new IllegalStateException("call(\"" + key + "\") matches no guarded method of "
            + type.getName() + "; its methods: " + signatures(guarded.methods()));
      }
      if (matches.size() > 1) {
        throw new IllegalStateException("call(\"" + key + "\") is ambiguous in " + type.getName()
            + ": give the signature of one of " + signatures(matches));
      }
      if (byMethod.putIfAbsent(matches.get(0), entry.getValue()) != null) {
        throw new IllegalStateException("two calls are given for " + matches.get(0).signature());
      }
    }
    List<GuardedMethod> missing =
        guarded.methods().stream().filter(method -> !byMethod.containsKey(method)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(type.getName() + " has " + missing.size() + " method(s)"
          + " with no call: " + signatures(missing) + "; give each a .call(...), so that no"
          + " guarded method goes unchecked");
    }
    return byMethod;
  }

  private static List<Permission> permissions(
      GuardedMethod method, Matrix matrix, GuardedType guarded) {
    List<Permission> permissions = new ArrayList<>();
    for (String name : method.permissions()) {
      permissions.add(matrix.permission(name).orElseThrow(() -> new IllegalStateException(
          guarded.typeName() + "." + method.signature() + " requires " + name + ", which matrix "
              + matrix.name() + " does not have (" + guarded.resource() + ")")));
    }
    return permissions;
  }

  private DynamicTest test(GuardedMethod method, Call<? super T> call, String as,
      Principal principal, List<Permission> permissions) {
    Outcome expected = principal == null
        ? (method.isGuarded() ? Outcome.UNAUTHENTICATED : Outcome.ALLOWED)
        : (allowed(method, permissions, principal) ? Outcome.ALLOWED : Outcome.DENIED);
    String name = method.signature() + " " + as + ": " + expected.word;
    return DynamicTest.dynamicTest(name, () -> {
      Outcome actual = run(method, call, principal);
      if (actual != expected) {
        throw new AssertionError(type.getSimpleName() + "." + method.signature() + " " + as
            + " was " + actual.word + ", but matrix " + matrix().name() + " says " + expected.word
            + " (" + requirement(method) + ")");
      }
    });
  }

  private Matrix matrix() {
    return matrix != null ? matrix : Matrix.load();
  }

  private Outcome run(GuardedMethod method, Call<? super T> call, Principal principal)
      throws Throwable {
    PrincipalSource source = new PrincipalSource() {
      @Override
      public Principal current() {
        return principal;
      }

      @Override
      public String currentWorkspace() {
        return principal == null ? null : workspace;
      }

      @Override
      public String currentAccount() {
        return principal == null ? null : account;
      }
    };
    T instance = Objects.requireNonNull(guard.apply(source), "the guard function returned null");
    PrincipalScope scope =
        principal == null ? null : CurrentPrincipal.bind(principal, account, workspace);
    try {
      call.call(instance);
      return Outcome.ALLOWED;
    } catch (AccessDeniedException denied) {
      if (denied.operation() == null || !denied.operation().endsWith("." + method.name())) {
        throw new AssertionError("calling " + type.getSimpleName() + "." + method.signature()
            + " was denied by another guarded call (" + denied.operation() + ") inside it; give an"
            + " implementation that calls no other guarded service", denied);
      }
      return Outcome.DENIED;
    } catch (UnauthenticatedException unauthenticated) {
      return Outcome.UNAUTHENTICATED;
    } catch (RuntimeException implementation) {
      // Thrown past the guard by the implementation (a missing id, say): the guard let it through.
      return Outcome.ALLOWED;
    } finally {
      if (scope != null) {
        scope.close();
      }
    }
  }

  /** Decides as the documented semantics do, from the matrix's closed role sets. */
  private boolean allowed(GuardedMethod method, List<Permission> permissions, Principal principal) {
    if (!method.isGuarded()) {
      return true;
    }
    boolean any = method.mode() == GuardedMethod.Mode.ANY_OF;
    for (Permission permission : permissions) {
      if (holds(principal, permission) == any) {
        return any;
      }
    }
    return !any;
  }

  private boolean holds(Principal principal, Permission permission) {
    if (!principal.isMemberOf(this.account)) {
      return false;
    }
    Role account = principal.accountRole(this.account);
    if (permission.level() == Level.ACCOUNT) {
      return account != null && account.holds(permission);
    }
    Role role = principal.workspaceRole(workspace);
    if (role != null && role.holds(permission)) {
      return true;
    }
    return account != null && account.everywhere() != null && account.everywhere().holds(permission);
  }

  private static String requirement(GuardedMethod method) {
    return switch (method.mode()) {
      case ALL_OF -> "requires " + String.join(" and ", method.permissions());
      case ANY_OF -> "requires one of " + String.join(", ", method.permissions());
      case UNGUARDED -> "unguarded";
    };
  }

  private static String signatures(List<GuardedMethod> methods) {
    return String.join(", ", methods.stream().map(GuardedMethod::signature).toList());
  }

  private enum Outcome {
    ALLOWED("allowed"),
    DENIED("denied"),
    UNAUTHENTICATED("unauthenticated");

    private final String word;

    Outcome(String word) {
      this.word = word;
    }
  }

  /** One call of a method of the guarded instance. */
  @FunctionalInterface
  public interface Call<T> {
    /** Calls the method on {@code instance}. */
    void call(T instance) throws Exception;
  }
}
