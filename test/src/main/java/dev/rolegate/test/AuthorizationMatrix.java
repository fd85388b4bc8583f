package dev.rolegate.test;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.CustomRoles;
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
import dev.rolegate.runtime.WorkspaceDefaults;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The exhaustive authorization test of one guarded type: for every method the processor guarded
 * (read from the guard index, {@code META-INF/rolegate/guard-index}), every role of the compiled
 * matrix and every placement of that role, one dynamic test calls the method through your guard and
 * checks that the call is allowed or denied exactly as the matrix says. The expectations are
 * computed from the matrix, the method's requirement and where its guard reads the workspace;
 * nothing is written by hand.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> deploymentsFollowTheMatrix() {
 *   return AuthorizationMatrix.of(DeploymentService.class)
 *       .implementation(new InMemoryDeploymentService())
 *       .guard((delegate, source) -> GuardedDeploymentService.wrap(delegate, source))
 *       .call("ping", s -> s.ping())
 *       .call("read", s -> s.read(AuthorizationMatrix.WORKSPACE, "d-1"))
 *       // ... one call per method: a method without one fails the factory
 *       .tests();
 * }
 * }</pre>
 *
 * <p>Each call acts on workspace {@link #WORKSPACE} of account {@link #ACCOUNT} (and names that
 * account, where it names one). The cases, per method:
 *
 * <ul>
 *   <li>each workspace role of the matrix (and each custom role given with {@link #customRoles}),
 *       held in that workspace, which is bound (with the matrix's default account role);
 *   <li>each such role held only in another workspace of the same account ({@link
 *       #OTHER_WORKSPACE}) with the call's workspace bound; held in the call's workspace with the
 *       other one bound; and held only in the other workspace with that one bound. A method taking
 *       its workspace from a parameter is decided by the role in the call's workspace, a
 *       {@code @BoundWorkspace} method by the role in the bound one, an account-level method by
 *       neither (the guard index says which);
 *   <li>an account member with no explicit role, where the call's workspace's default role is each
 *       workspace role, and where it is "no access";
 *   <li>each account role of the account with no role in the workspace; each account role held only
 *       in another account (denied every guarded method);
 *   <li>no principal at all.
 * </ul>
 *
 * <p>Accounts are not varied the same way: the guard index does not say whether a method names its
 * account ({@code @AccountId}) or reads the bound one ({@code @BoundAccount}), so the call's
 * account and the bound one are always the same.
 *
 * <p><b>Two forms.</b> The recording form, {@link #implementation} with {@link #guard(Guard)}, is
 * for guarded interfaces: the matrix hands your guard a recording proxy of the implementation as
 * its delegate, and so knows whether the call got through. A case passes only when the delegate was
 * reached through exactly the method called iff the matrix allows the call; a denial must come from
 * the guard, before the delegate, as {@link AccessDeniedException} whose {@code operation()} is the
 * method's ({@code Type.method}); without a principal, {@link UnauthenticatedException}. Any other
 * exception, or a return, without reaching the delegate is the guard's failure; an exception after
 * reaching it is the implementation's (the call was allowed). The function form, {@link
 * #guard(Function)}, is for guarded classes (whose guard subclass delegates to {@code super}) and
 * for guards built some other way: it cannot see the delegate, so a normal return counts as
 * allowed, and an exception other than rolegate's counts as allowed only when its stack trace shows
 * the guarded method itself was entered. It proves less: a guard that returns without delegating,
 * or calls another method of its delegate, passes it.
 *
 * <p>Give an implementation that does not call other guarded services: their denials are reported
 * as such, not counted.
 *
 * <p>{@link #tests()} fails at once (so the {@code @TestFactory} fails) when a method of the type
 * has no call, a call names no method or an overloaded name, the type is not in the guard index, or
 * the index was compiled against another matrix.
 */
public final class AuthorizationMatrix<T> {
  /** The workspace every call acts on, and which the cases' roles are held in unless said. */
  public static final String WORKSPACE = "ws-authz";

  /** The account {@link #WORKSPACE} belongs to, which the cases' principals are members of. */
  public static final String ACCOUNT = "acct-authz";

  /** The other workspace of the same account, where some cases hold their role or bind. */
  public static final String OTHER_WORKSPACE = "ws-authz-other";

  /** The account of the cases whose roles are held elsewhere only. */
  static final String OTHER_ACCOUNT = "acct-authz-other";

  private final Class<T> type;
  private Function<PrincipalSource, ? extends T> guard;
  private Guard<T> recordingGuard;
  private Supplier<? extends T> implementation;
  private Matrix matrix;
  private GuardIndex index;
  private CustomRoles customRoles;
  private String workspace = WORKSPACE;
  private String otherWorkspace = OTHER_WORKSPACE;
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
   * Sets how to get the guarded instance for a source of principals, e.g. {@code source -> new
   * GuardedLedger()} for a guarded class; called once per case. A guard that reads {@code
   * CurrentPrincipal} instead works too: each case is also bound to the thread. For an interface,
   * prefer the recording form, {@link #guard(Guard)}, which proves more.
   */
  public AuthorizationMatrix<T> guard(Function<PrincipalSource, ? extends T> guard) {
    this.guard = Objects.requireNonNull(guard, "guard");
    this.recordingGuard = null;
    return this;
  }

  /**
   * Sets how to guard a delegate for a source of principals, e.g. {@code (delegate, source) ->
   * GuardedDeploymentService.wrap(delegate, source)}; called once per case with a recording proxy
   * of the {@link #implementation} as the delegate. For interface types only.
   */
  public AuthorizationMatrix<T> guard(Guard<T> guard) {
    this.recordingGuard = Objects.requireNonNull(guard, "guard");
    this.guard = null;
    return this;
  }

  /** Sets the implementation the recording form's guard delegates to, shared by every case. */
  public AuthorizationMatrix<T> implementation(T implementation) {
    Objects.requireNonNull(implementation, "implementation");
    this.implementation = () -> implementation;
    return this;
  }

  /**
   * Sets how to make the implementation the recording form's guard delegates to, called once per
   * case, e.g. to seed each case's data afresh.
   */
  public AuthorizationMatrix<T> implementations(Supplier<? extends T> implementations) {
    this.implementation = Objects.requireNonNull(implementations, "implementations");
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

  /**
   * Adds the cases of these custom workspace roles (of the account the cases use, or of a
   * single-account application), as those of the built-in ones: held in the workspace, held
   * elsewhere, and as the workspace's default role. Their matrix is the one in use.
   */
  public AuthorizationMatrix<T> customRoles(CustomRoles customRoles) {
    this.customRoles = Objects.requireNonNull(customRoles, "custom roles");
    return this;
  }

  /** Sets the account the workspaces belong to and which is bound (default {@link #ACCOUNT}). */
  public AuthorizationMatrix<T> account(String account) {
    this.account = Objects.requireNonNull(account, "account");
    return this;
  }

  /**
   * Sets the workspace the calls act on (default {@link #WORKSPACE}); the other workspace of the
   * account becomes this one's id with {@code -other} appended.
   */
  public AuthorizationMatrix<T> workspace(String workspace) {
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.otherWorkspace = workspace + "-other";
    return this;
  }

  /**
   * Returns one dynamic test per (method, case).
   *
   * @throws IllegalStateException when a method has no call, a call matches no method, the type is
   *     not indexed, no guard is set, the recording form is used without an implementation or for a
   *     class, the custom roles belong to another matrix or account, or the index names another
   *     matrix than the one in use
   */
  public Stream<DynamicTest> tests() {
    if (guard == null && recordingGuard == null) {
      throw new IllegalStateException(
          "no guard for "
              + type.getName()
              + ": give .guard(source -> Guarded"
              + type.getSimpleName()
              + ".wrap(impl, source))");
    }
    if (recordingGuard != null && implementation == null) {
      throw new IllegalStateException(
          "no implementation for "
              + type.getName()
              + ": give"
              + " .implementation(impl), which the guard's delegate forwards to");
    }
    if (recordingGuard != null && !type.isInterface()) {
      throw new IllegalStateException(
          type.getName()
              + " is a class: its guard delegates to"
              + " super, so give .guard(source -> new Guarded"
              + type.getSimpleName()
              + "())");
    }
    Matrix matrix = matrix();
    GuardIndex index = this.index != null ? this.index : GuardIndex.load(loader());
    GuardedType guarded =
        index
            .find(type)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        type.getName()
                            + " is in no guard index ("
                            + GuardIndex.RESOURCE
                            + "): it carries no"
                            + " @RequiresPermission, or it was not compiled with rolegate-processor"));
    // The index writes the name on one line, runs of white space as one space.
    if (!guarded.matrixName().equals(matrix.name().replaceAll("\\s+", " ").trim())) {
      throw new IllegalStateException(
          type.getName()
              + " was checked against matrix "
              + guarded.matrixName()
              + " ("
              + guarded.resource()
              + "), but the matrix in use is "
              + matrix.name()
              + "; pass the matching one with .matrix(...)");
    }
    checkCustomRoles(matrix);
    Map<GuardedMethod, Call<? super T>> byMethod = resolveCalls(guarded);
    List<Case> cases = cases(matrix);
    List<DynamicTest> tests = new ArrayList<>();
    for (GuardedMethod method : guarded.methods()) {
      Call<? super T> call = byMethod.get(method);
      List<Permission> permissions = permissions(method, matrix, guarded);
      String operation = operation(method);
      for (Case each : cases) {
        tests.add(test(method, operation, call, each, permissions));
      }
    }
    return tests.stream();
  }

  private void checkCustomRoles(Matrix matrix) {
    if (customRoles == null) {
      return;
    }
    if (customRoles.matrix() != matrix) {
      throw new IllegalStateException(
          "the custom roles given belong to matrix "
              + customRoles.matrix().name()
              + ", not to the matrix in use, "
              + matrix.name()
              + "; define them against the same one");
    }
    customRoles
        .account()
        .ifPresent(
            own -> {
              if (!AccountDirectory.sameAccount(own, account)) {
                throw new IllegalStateException(
                    "the custom roles given belong to account "
                        + own
                        + ", but the cases' account is "
                        + account
                        + "; pass .account(\""
                        + own
                        + "\")");
              }
            });
  }

  /** The cases every method is called in, in a fixed order. */
  private List<Case> cases(Matrix matrix) {
    // Every workspace a call names is the account's; custom roles of no account need the
    // single-account directory to be held.
    AccountDirectory directory =
        customRoles != null && customRoles.account().isEmpty()
            ? AccountDirectory.singleAccount(account)
            : named -> account;
    List<Role> workspaceRoles = new ArrayList<>(matrix.roles(Level.WORKSPACE));
    if (customRoles != null) {
      workspaceRoles.addAll(customRoles.all());
    }
    List<Case> cases = new ArrayList<>();
    for (Role role : workspaceRoles) {
      String as = "as " + (role.isCustom() ? "custom " : "") + "workspace " + role.name();
      cases.add(
          new Case(
              as,
              user("authz-" + role.name(), directory).workspaceRole(workspace, role).build(),
              workspace));
      Principal elsewhere =
          user("authz-elsewhere-" + role.name(), directory)
              .workspaceRole(otherWorkspace, role)
              .build();
      cases.add(
          new Case(
              as + " in another workspace only, the call's workspace bound", elsewhere, workspace));
      cases.add(
          new Case(
              as + ", another workspace bound",
              user("authz-" + role.name(), directory).workspaceRole(workspace, role).build(),
              otherWorkspace));
      cases.add(
          new Case(
              as + " in another workspace only, that workspace bound", elsewhere, otherWorkspace));
    }
    for (Role role : workspaceRoles) {
      WorkspaceDefaults defaults = defaults(matrix);
      defaults.setDefaultRole(workspace, role);
      cases.add(
          new Case(
              "as account member, no explicit role, default role " + role.name(),
              user("authz-default-" + role.name(), directory).workspaceDefaults(defaults).build(),
              workspace));
    }
    WorkspaceDefaults noAccess = defaults(matrix);
    noAccess.setNoAccess(workspace);
    cases.add(
        new Case(
            "as account member, no explicit role, default no access",
            user("authz-default-none", directory).workspaceDefaults(noAccess).build(),
            workspace));
    for (Role role : matrix.roles(Level.ACCOUNT)) {
      Principal principal =
          Principal.user("authz-account-" + role.name())
              .matrix(matrix)
              .directory(directory)
              .member(account, role.name())
              .build();
      cases.add(
          new Case("as account " + role.name() + " (no workspace role)", principal, workspace));
    }
    for (Role role : matrix.roles(Level.ACCOUNT)) {
      Principal principal =
          Principal.user("authz-elsewhere-" + role.name())
              .matrix(matrix)
              .directory(directory)
              .member(OTHER_ACCOUNT, role.name())
              .build();
      cases.add(
          new Case("as account " + role.name() + " of another account", principal, workspace));
    }
    cases.add(new Case("with no principal", null, workspace));
    return cases;
  }

  private Principal.Builder user(String id, AccountDirectory directory) {
    Principal.Builder builder = Principal.user(id).matrix(matrix()).directory(directory);
    if (customRoles != null) {
      builder.customRoles(customRoles);
    }
    return builder.member(account);
  }

  private WorkspaceDefaults defaults(Matrix matrix) {
    return customRoles != null ? new WorkspaceDefaults(customRoles) : new WorkspaceDefaults(matrix);
  }

  private ClassLoader loader() {
    ClassLoader loader = type.getClassLoader();
    return loader != null ? loader : ClassLoader.getSystemClassLoader();
  }

  private Map<GuardedMethod, Call<? super T>> resolveCalls(GuardedType guarded) {
    Map<GuardedMethod, Call<? super T>> byMethod = new LinkedHashMap<>();
    for (Map.Entry<String, Call<? super T>> entry : calls.entrySet()) {
      String key = entry.getKey();
      List<GuardedMethod> matches =
          key.contains("(")
              ? guarded.method(key.replace(" ", "")).map(List::of).orElse(List.of())
              : guarded.methodsNamed(key);
      if (matches.isEmpty()) {
        throw new IllegalStateException(
            "call(\""
                + key
                + "\") matches no guarded method of "
                + type.getName()
                + "; its methods: "
                + signatures(guarded.methods()));
      }
      if (matches.size() > 1) {
        throw new IllegalStateException(
            "call(\""
                + key
                + "\") is ambiguous in "
                + type.getName()
                + ": give the signature of one of "
                + signatures(matches));
      }
      if (byMethod.putIfAbsent(matches.get(0), entry.getValue()) != null) {
        throw new IllegalStateException("two calls are given for " + matches.get(0).signature());
      }
    }
    List<GuardedMethod> missing =
        guarded.methods().stream().filter(method -> !byMethod.containsKey(method)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          type.getName()
              + " has "
              + missing.size()
              + " method(s)"
              + " with no call: "
              + signatures(missing)
              + "; give each a .call(...), so that no"
              + " guarded method goes unchecked");
    }
    return byMethod;
  }

  private static List<Permission> permissions(
      GuardedMethod method, Matrix matrix, GuardedType guarded) {
    List<Permission> permissions = new ArrayList<>();
    for (String name : method.permissions()) {
      permissions.add(
          matrix
              .permission(name)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          guarded.typeName()
                              + "."
                              + method.signature()
                              + " requires "
                              + name
                              + ", which matrix "
                              + matrix.name()
                              + " does not have ("
                              + guarded.resource()
                              + ")")));
    }
    return permissions;
  }

  /**
   * Returns the operation a guard of {@code method} denies as: the simple names of the type
   * declaring it, then its name ({@code Outer.Inner.method}), as the processor writes it.
   */
  private String operation(GuardedMethod method) {
    Class<?> declaring = type;
    for (Method each : allMethods(type)) {
      if (signature(each).equals(method.signature())) {
        declaring = each.getDeclaringClass();
        break;
      }
    }
    StringBuilder names = new StringBuilder(declaring.getSimpleName());
    for (Class<?> outer = declaring.getEnclosingClass();
        outer != null;
        outer = outer.getEnclosingClass()) {
      names.insert(0, outer.getSimpleName() + ".");
    }
    return names + "." + method.name();
  }

  /** The type's own methods first, then its supertypes', so the most specific comes first. */
  private static List<Method> allMethods(Class<?> type) {
    List<Method> methods = new ArrayList<>();
    List<Class<?>> pending = new ArrayList<>(List.of(type));
    while (!pending.isEmpty()) {
      Class<?> next = pending.remove(0);
      methods.addAll(Arrays.asList(next.getDeclaredMethods()));
      if (next.getSuperclass() != null) {
        pending.add(next.getSuperclass());
      }
      pending.addAll(Arrays.asList(next.getInterfaces()));
    }
    return methods;
  }

  private static String signature(Method method) {
    return method.getName()
        + "("
        + String.join(
            ",", Arrays.stream(method.getParameterTypes()).map(Class::getTypeName).toList())
        + ")";
  }

  private DynamicTest test(
      GuardedMethod method,
      String operation,
      Call<? super T> call,
      Case each,
      List<Permission> permissions) {
    Outcome expected =
        each.principal() == null
            ? (method.isGuarded() ? Outcome.UNAUTHENTICATED : Outcome.ALLOWED)
            : (allowed(method, permissions, each) ? Outcome.ALLOWED : Outcome.DENIED);
    String name = method.signature() + " " + each.as() + ": " + expected.word;
    String label = type.getSimpleName() + "." + method.signature() + " " + each.as();
    return DynamicTest.dynamicTest(
        name,
        () -> {
          if (each.principal() == null && CurrentPrincipal.get().isPresent()) {
            throw new AssertionError(
                label
                    + ": a principal is already bound on this thread (a scope"
                    + " an earlier test left open), so the case cannot run without one");
          }
          Outcome actual =
              recordingGuard != null
                  ? runRecorded(method, operation, call, each, label, expected)
                  : run(method, operation, call, each);
          if (actual != expected) {
            throw new AssertionError(
                label
                    + " was "
                    + actual.word
                    + ", but matrix "
                    + matrix().name()
                    + " says "
                    + expected.word
                    + " ("
                    + requirement(method)
                    + ")");
          }
        });
  }

  private Matrix matrix() {
    return matrix != null ? matrix : Matrix.load();
  }

  private PrincipalSource source(Case each) {
    Principal principal = each.principal();
    return new PrincipalSource() {
      @Override
      public Principal current() {
        return principal;
      }

      @Override
      public String currentWorkspace() {
        return principal == null ? null : each.bound();
      }

      @Override
      public String currentAccount() {
        return principal == null ? null : account;
      }
    };
  }

  private PrincipalScope bind(Case each) {
    return each.principal() == null
        ? null
        : CurrentPrincipal.bind(each.principal(), account, each.bound());
  }

  /** The function form: the delegate is out of sight, so only what the guard throws is read. */
  private Outcome run(GuardedMethod method, String operation, Call<? super T> call, Case each)
      throws Throwable {
    T instance =
        Objects.requireNonNull(guard.apply(source(each)), "the guard function returned null");
    PrincipalScope scope = bind(each);
    try {
      call.call(instance);
      return Outcome.ALLOWED;
    } catch (AccessDeniedException denied) {
      if (!operation.equals(denied.operation())) {
        throw anotherGuard(method, denied);
      }
      return Outcome.DENIED;
    } catch (UnauthenticatedException unauthenticated) {
      return Outcome.UNAUTHENTICATED;
    } catch (Exception | LinkageError | AssertionError failure) {
      // Thrown past the guard by the guarded method itself (a missing id, say): the guard let
      // it through. Thrown before the method was entered: the guard failed.
      if (entered(method, instance, failure)) {
        return Outcome.ALLOWED;
      }
      throw new AssertionError(
          type.getSimpleName()
              + "."
              + method.signature()
              + " "
              + each.as()
              + ": the guard failed before delegating: "
              + failure,
          failure);
    } finally {
      if (scope != null) {
        scope.close();
      }
    }
  }

  /** Whether {@code failure}'s stack shows {@code method} entered outside the guard's class. */
  private static boolean entered(GuardedMethod method, Object guard, Throwable failure) {
    String guardClass = guard.getClass().getName();
    for (StackTraceElement frame : failure.getStackTrace()) {
      if (frame.getMethodName().equals(method.name()) && !frame.getClassName().equals(guardClass)) {
        return true;
      }
    }
    return false;
  }

  private AssertionError anotherGuard(GuardedMethod method, AccessDeniedException denied) {
    return new AssertionError(
        "calling "
            + type.getSimpleName()
            + "."
            + method.signature()
            + " was denied by another guarded call ("
            + denied.operation()
            + ") inside it; give an"
            + " implementation that calls no other guarded service",
        denied);
  }

  /** The recording form: whether the delegate was reached decides, with what was thrown. */
  private Outcome runRecorded(
      GuardedMethod method,
      String operation,
      Call<? super T> call,
      Case each,
      String label,
      Outcome expected)
      throws Throwable {
    T impl =
        Objects.requireNonNull(implementation.get(), "the implementation supplier returned null");
    Recorder recorder = new Recorder(impl);
    T delegate = type.cast(Proxy.newProxyInstance(loader(), new Class<?>[] {type}, recorder));
    T instance =
        Objects.requireNonNull(
            recordingGuard.wrap(delegate, source(each)), "the guard function returned null");
    Throwable thrown = null;
    PrincipalScope scope = bind(each);
    try {
      call.call(instance);
    } catch (Throwable failure) {
      thrown = failure;
    } finally {
      if (scope != null) {
        scope.close();
      }
    }
    String but = label + ": expected " + expected.word + ", but ";
    for (Method reached : recorder.reached) {
      if (!signature(reached).equals(method.signature())) {
        throw new AssertionError(
            but
                + "the guard of "
                + method.signature()
                + " called the delegate's "
                + signature(reached),
            thrown);
      }
    }
    boolean delegated = !recorder.reached.isEmpty();
    boolean refused =
        thrown instanceof AccessDeniedException || thrown instanceof UnauthenticatedException;
    if (delegated && refused) {
      if (recorder.thrown.contains(thrown)) {
        if (thrown instanceof AccessDeniedException denied) {
          throw anotherGuard(method, denied);
        }
        throw new AssertionError(
            "calling "
                + type.getSimpleName()
                + "."
                + method.signature()
                + " found no principal in another guarded call inside it; give an implementation"
                + " that calls no other guarded service",
            thrown);
      }
      throw new AssertionError(
          but
              + "it was delegated, then "
              + (thrown instanceof AccessDeniedException ? "denied" : "found unauthenticated")
              + ": a denied call must never reach the delegate",
          thrown);
    }
    if (delegated) {
      // What the implementation threw after the guard let the call through is its own.
      return Outcome.ALLOWED;
    }
    if (thrown instanceof AccessDeniedException denied) {
      if (!operation.equals(denied.operation())) {
        throw new AssertionError(
            but + "it was denied as operation " + denied.operation() + ", not " + operation,
            denied);
      }
      return Outcome.DENIED;
    }
    if (thrown instanceof UnauthenticatedException) {
      return Outcome.UNAUTHENTICATED;
    }
    throw new AssertionError(
        but
            + "the guard failed before delegating: "
            + (thrown == null ? "it returned without reaching the delegate" : thrown.toString()),
        thrown);
  }

  /** Decides as the documented semantics do, from the matrix's closed role sets. */
  private boolean allowed(GuardedMethod method, List<Permission> permissions, Case each) {
    if (!method.isGuarded()) {
      return true;
    }
    // Where the guard reads the workspace: the argument (always the call's), or the bound one.
    String in =
        switch (method.workspaceSource()) {
          case PARAMETER, CARRIER -> workspace;
          case BOUND, NONE -> each.bound();
        };
    boolean any = method.mode() == GuardedMethod.Mode.ANY_OF;
    for (Permission permission : permissions) {
      if (holds(each.principal(), permission, in) == any) {
        return any;
      }
    }
    return !any;
  }

  private boolean holds(Principal principal, Permission permission, String in) {
    if (!principal.isMemberOf(this.account)) {
      return false;
    }
    Role account = principal.accountRole(this.account);
    if (permission.level() == Level.ACCOUNT) {
      return account != null && account.holds(permission);
    }
    // The principal's workspace role applies the workspace's default role where it has none.
    Role role = principal.workspaceRole(in);
    if (role != null && role.holds(permission)) {
      return true;
    }
    return account != null
        && account.everywhere() != null
        && account.everywhere().holds(permission);
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

  /**
   * One case: its description, the principal (null: none) and the bound workspace; the call acts on
   * the matrix's workspace whatever is bound.
   */
  private record Case(String as, Principal principal, String bound) {}

  /** The recording delegate: each interface method reached, and what the implementation threw. */
  private static final class Recorder implements InvocationHandler {
    private final Object target;
    final List<Method> reached = new CopyOnWriteArrayList<>();
    final List<Throwable> thrown = new CopyOnWriteArrayList<>();

    Recorder(Object target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> "recording delegate of " + target;
        };
      }
      reached.add(method);
      if (!method.canAccess(target)) {
        // A package-private interface: the test may still call it through its delegate.
        method.setAccessible(true);
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException failure) {
        thrown.add(failure.getCause());
        throw failure.getCause();
      }
    }
  }

  /** One call of a method of the guarded instance. */
  @FunctionalInterface
  public interface Call<T> {
    /** Calls the method on {@code instance}. */
    void call(T instance) throws Exception;
  }

  /** The recording form's guard: guards {@code delegate} for the principals of {@code source}. */
  @FunctionalInterface
  public interface Guard<T> {
    /** Returns {@code delegate} guarded, e.g. {@code GuardedX.wrap(delegate, source)}. */
    T wrap(T delegate, PrincipalSource source);
  }
}
