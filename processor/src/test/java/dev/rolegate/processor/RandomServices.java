package dev.rolegate.processor;

import dev.rolegate.processor.ServiceShapes.Method;
import dev.rolegate.processor.ServiceShapes.Parameter;
import dev.rolegate.processor.ServiceShapes.Requirement;
import dev.rolegate.processor.ServiceShapes.Service;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Random guarded services against {@link TestMatrices#SMALL}, as Java source. A <em>clean</em>
 * sample makes only valid choices (known permissions, a workspace for every workspace permission,
 * no conflicting annotations) and must compile, each method's requirement known; a <em>wild</em>
 * sample also draws mistakes (unknown names, misplaced {@code @WorkspaceId}, empty or ambiguous
 * annotations, clashing names, static and private methods, classes). Every sample is valid Java
 * apart from those mistakes.
 */
final class RandomServices {
  static final List<String> WORKSPACE_PERMISSIONS =
      List.of("VIEW_THINGS", "EDIT_THINGS", "DELETE_THINGS", "VIEW_SECRETS");
  static final List<String> ACCOUNT_PERMISSIONS = List.of("VIEW_ACCOUNT", "EDIT_ACCOUNT");
  private static final List<String> UNKNOWN_PERMISSIONS =
      List.of("VIEW_THING", "view_things", "", "NOPE", "EDIT_ACCOUNTS", "VIEW THINGS");
  private static final List<String> SERVICE_NAMES =
      List.of("Things", "Repo", "Vault", "Ledger", "\u00c4rger", "$Api");
  private static final List<String> CLASHING_NAMES =
      List.of(
          "Permissions",
          "WorkspaceRoles",
          "AccountRoles",
          "MatrixCapabilityTable",
          "GuardedThings",
          "Things_Inner",
          "Repo_Api");
  private static final List<String> NESTED_NAMES = List.of("Inner", "Api", "Port");
  private static final List<String> METHOD_NAMES =
      List.of(
          "get",
          "find",
          "delete",
          "run",
          "check",
          "delegate",
          "source",
          "wrap",
          "workspace",
          "gr\u00f6\u00dfe",
          "$x",
          "_under");
  private static final List<String> PARAMETER_NAMES =
      List.of(
          "ws",
          "id",
          "delegate",
          "source",
          "e",
          "workspace",
          "VIEW_THINGS",
          "Objects",
          "value",
          "gr\u00f6\u00dfe",
          "MatrixCapabilityTable");

  /** Type variable names that shadow names generated code might use unqualified. */
  private static final List<String> TYPE_VARIABLES =
      List.of(
          "T",
          "E",
          "Objects",
          "Requirement",
          "PrincipalSource",
          "CurrentPrincipal",
          "Override",
          "Permission",
          "MatrixCapabilityTable");

  private static final List<String> PLAIN_TYPES =
      List.of(
          "int",
          "long",
          "boolean",
          "char",
          "double",
          "byte[]",
          "String",
          "String[][]",
          "java.util.UUID",
          "Object",
          "java.util.List<String>",
          "java.util.Map<String, java.util.List<Integer>>",
          "java.util.Optional<? extends Number>",
          "Ref");
  private static final List<String> THROWS =
      List.of("", "", "java.io.IOException", "Exception, InterruptedException");

  /** The services of one compilation, and whether every choice was a valid one. */
  record Sample(boolean clean, List<Service> services) {
    /** Returns every service, nested ones included. */
    List<Service> all() {
      List<Service> all = new ArrayList<>();
      for (Service service : services) {
        all.add(service);
        all.addAll(service.nested);
      }
      return all;
    }
  }

  private final Random random;
  private final boolean clean;
  private final Set<String> methodKeys = new HashSet<>();
  private final Set<String> serviceNames = new HashSet<>();

  private RandomServices(Random random, boolean clean) {
    this.random = random;
    this.clean = clean;
  }

  /** Returns a random sample; about half of them are clean. */
  static Sample sample(Random random) {
    return new RandomServices(random, random.nextBoolean()).build();
  }

  private Sample build() {
    List<Service> services = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      List<Service> interfaces = services.stream().filter(s -> !s.isClass).toList();
      Service parent = interfaces.isEmpty() || random.nextBoolean() ? null : pick(interfaces);
      services.add(service(null, parent));
    }
    if (wild(3)) {
      twin(services);
    }
    if (wild(3)) {
      factoryTwin(pick(services));
    }
    return new Sample(clean, services);
  }

  /** Adds wrap(Self) or wrap(Self, PrincipalSource): the signatures of the guard's factories. */
  private void factoryTwin(Service service) {
    boolean withSource = random.nextBoolean();
    if (!methodKeys.add("wrap/" + (withSource ? 2 : 1))) {
      return;
    }
    Method wrap = new Method();
    wrap.name = "wrap";
    wrap.parameters.add(new Parameter("", service.selfType(), "delegate"));
    if (withSource) {
      wrap.parameters.add(new Parameter("", "dev.rolegate.runtime.PrincipalSource", "source"));
    }
    guard(service, wrap);
    service.methods.add(wrap);
  }

  /** Adds a top-level Outer_Inner beside Outer.Inner: both guards would be GuardedOuter_Inner. */
  private void twin(List<Service> services) {
    for (Service outer : services) {
      for (Service inner : outer.nested) {
        String flat = outer.name + "_" + inner.name;
        if (serviceNames.add(flat)) {
          Service twin = new Service();
          twin.name = flat;
          twin.annotations.add("@RequiresPermission(\"VIEW_ACCOUNT\")");
          services.add(twin);
          return;
        }
      }
    }
  }

  private Service service(Service outer, Service parent) {
    Service service = new Service();
    service.outer = outer;
    service.name = serviceName(outer);
    service.isClass = wild(12) && outer == null;
    if (outer != null) {
      service.visibility =
          outer.isClass && random.nextBoolean()
              ? pick(List.of("private ", "protected "))
              : random.nextBoolean() ? "public " : "";
    } else if (random.nextInt(3) == 0) {
      service.visibility = "";
    }
    if (outer == null && random.nextBoolean()) {
      int count = 1 + random.nextInt(2);
      for (int i = 0; i < count; i++) {
        service.typeVariables.add(typeVariable(i));
      }
    }
    if (parent != null) {
      service.parent = parent;
      service.parentArguments = arguments(parent.typeVariables.size());
    }
    typeAnnotations(service);
    int methods = random.nextInt(5);
    for (int i = 0; i < methods; i++) {
      service.methods.add(method(service));
    }
    redeclare(service);
    if (clean) {
      ensureGuarded(service);
    }
    if (outer == null && random.nextInt(3) == 0) {
      service.nested.add(service(service, null));
    }
    return service;
  }

  private String serviceName(Service outer) {
    List<String> pool = outer != null ? NESTED_NAMES : wild(12) ? CLASHING_NAMES : SERVICE_NAMES;
    String name = pick(pool);
    String qualified = (outer == null ? "" : outer.name + ".") + name;
    while (!serviceNames.add(qualified)) {
      name = name + "X";
      qualified = (outer == null ? "" : outer.name + ".") + name;
    }
    return name;
  }

  private String typeVariable(int index) {
    String name = pick(TYPE_VARIABLES) + (index == 0 ? "" : index);
    while (serviceNames.contains(name)) {
      name = name + "V"; // a type variable named like the parent would hide it in "extends"
    }
    return random.nextInt(3) == 0 ? name + " extends Comparable<" + name + ">" : name;
  }

  private String arguments(int count) {
    if (count == 0) {
      return "";
    }
    List<String> arguments = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      arguments.add(pick(List.of("String", "Integer", "java.util.UUID")));
    }
    // Integer and UUID are Comparable to themselves, as a bound may ask.
    return "<" + String.join(", ", arguments) + ">";
  }

  private void typeAnnotations(Service service) {
    if (random.nextInt(3) == 0) {
      Requirement requirement = requirement();
      service.typeDefault = Optional.of(requirement);
      service.annotations.add(annotation(requirement));
    }
    if (random.nextInt(4) == 0) {
      service.annotations.add("@BoundWorkspace");
    }
    if (random.nextInt(6) == 0) {
      service.annotations.add("@BoundAccount");
    }
  }

  /** A clean service is guarded: it carries a permission somewhere. */
  private void ensureGuarded(Service service) {
    boolean guarded =
        service.typeDefault.isPresent()
            || service.methods.stream()
                .anyMatch(
                    m -> m.annotations.stream().anyMatch(a -> a.startsWith("@RequiresPermission")));
    if (!guarded) {
      Requirement requirement = new Requirement(false, List.of(pick(ACCOUNT_PERMISSIONS)));
      service.typeDefault = Optional.of(requirement);
      service.annotations.add(annotation(requirement));
    }
  }

  private Method method(Service service) {
    Method method = new Method();
    method.name = pick(METHOD_NAMES);
    method.hasBody = random.nextInt(4) == 0;
    if (wild(10)) {
      method.modifier = pick(List.of("static", "private"));
      method.hasBody = true;
    }
    List<String> scope = new ArrayList<>();
    boolean isStatic = method.modifier.equals("static");
    if (service.outer == null && !isStatic) {
      service.typeVariables.forEach(v -> scope.add(v.split(" ")[0]));
    }
    methodTypeVariables(method, scope);
    method.returnType = random.nextInt(3) == 0 ? "void" : type(service, scope, isStatic);
    int arity = random.nextInt(4);
    // One signature per name and arity in the whole compilation: never an accidental override.
    while (!methodKeys.add(method.name + "/" + arity)) {
      arity++;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < arity; i++) {
      String name = pick(PARAMETER_NAMES);
      while (!names.add(name)) {
        name = name + i;
      }
      String type = type(service, scope, isStatic);
      if (i == arity - 1 && random.nextInt(5) == 0) {
        type = type.replace("[]", "") + "...";
      }
      if (clean && method.name.equals("wrap") && type.startsWith(service.name)) {
        type = "Object"; // wrap(Self) is the guard's own factory: a mistake, drawn in wild samples
        // only
      }
      method.parameters.add(new Parameter("", type, name));
    }
    method.throwsClause = pick(THROWS);
    if (method.typeParameters.contains("X extends Exception") && random.nextBoolean()) {
      method.throwsClause = "X";
    }
    guard(service, method);
    return method;
  }

  private void methodTypeVariables(Method method, List<String> scope) {
    switch (random.nextInt(6)) {
      case 0 -> {
        method.typeParameters = "<X extends Exception>";
        scope.add("X");
      }
      case 1 -> {
        method.typeParameters = "<N extends Number & Comparable<N>, M>";
        scope.add("N");
        scope.add("M");
      }
      case 2 -> {
        if (!scope.contains("Objects")) { // shadowing the type's own Objects breaks its bound
          method.typeParameters = "<Objects>";
          scope.add("Objects");
        }
      }
      default -> {}
    }
  }

  /** A random type; a static method sees no type variable of its type, so it names the type raw. */
  private String type(Service service, List<String> scope, boolean isStatic) {
    int kind = random.nextInt(10);
    if (kind == 0 && !scope.isEmpty()) {
      return pick(scope) + (random.nextInt(3) == 0 ? "[]" : "");
    }
    if (kind == 1) {
      return isStatic ? service.name : service.selfType();
    }
    if (kind == 2 && !scope.isEmpty()) {
      return "java.util.List<? extends " + pick(scope) + ">";
    }
    return pick(PLAIN_TYPES);
  }

  /** Gives the method its annotations, and a workspace when its requirement needs one. */
  private void guard(Service service, Method method) {
    int choice = random.nextInt(10);
    Optional<Requirement> requirement;
    if (choice < 6 || (clean && service.typeDefault.isEmpty() && choice >= 8)) {
      Requirement own = requirement();
      method.annotations.add(annotation(own));
      requirement = Optional.of(own);
    } else if (choice < 8) {
      // A blank reason is a mistake ([BlankUnguardedReason]), among the wild ones below.
      String reason = pick(List.of("probe", " spaced ", "\\\"quoted\\\""));
      method.annotations.add("@Unguarded(reason = \"" + reason + "\")");
      requirement = Optional.of(Requirement.UNGUARDED);
    } else {
      requirement = service.typeDefault;
    }
    if (wild(8)) {
      String mistake =
          pick(
              List.of(
                  "@Unguarded(reason = \"both\")",
                  "@Unguarded(reason = \" \")",
                  "@RequiresPermission",
                  "@RequiresPermission({})",
                  "@RequiresPermission(value = \"VIEW_THINGS\", anyOf = \"EDIT_THINGS\")"));
      // Neither annotation repeats: replace one of the same kind (javac would stop first).
      String kind = mistake.startsWith("@Unguarded") ? "@Unguarded" : "@RequiresPermission";
      method.annotations.removeIf(a -> a.startsWith(kind));
      method.annotations.add(mistake);
      requirement = Optional.empty();
    }
    workspace(service, method, requirement);
    account(service, method, requirement);
    method.expected = clean ? requirement : Optional.empty();
  }

  /**
   * Names the account of a method that needs only account permissions and names no workspace: an
   * {@code @AccountId} String parameter or {@code @BoundAccount} ([MissingAccount] otherwise).
   */
  private void account(Service service, Method method, Optional<Requirement> requirement) {
    boolean accountOnly =
        requirement
            .map(
                r -> !r.permissions().isEmpty() && ACCOUNT_PERMISSIONS.containsAll(r.permissions()))
            .orElse(false);
    boolean namesWorkspace =
        method.parameters.stream()
            .anyMatch(parameter -> parameter.annotation().contains("@WorkspaceId"));
    if (!accountOnly || namesWorkspace || service.annotations.contains("@BoundAccount")) {
      return;
    }
    if (wild(6)) {
      return; // forgotten: [MissingAccount]
    }
    for (int slot = 0; slot < method.parameters.size(); slot++) {
      Parameter old = method.parameters.get(slot);
      if (old.type().equals("String") && random.nextBoolean()) {
        method.parameters.set(slot, new Parameter("@AccountId ", old.type(), old.name()));
        return;
      }
    }
    method.annotations.add("@BoundAccount");
  }

  /** Marks a parameter {@code @WorkspaceId} or the method {@code @BoundWorkspace} as needed. */
  private void workspace(Service service, Method method, Optional<Requirement> requirement) {
    boolean needs =
        requirement
            .map(r -> r.permissions().stream().anyMatch(WORKSPACE_PERMISSIONS::contains))
            .orElse(false);
    boolean typeBound = service.annotations.contains("@BoundWorkspace");
    if (wild(6)) {
      wildWorkspace(method);
      return;
    }
    if (wild(6)) {
      return; // forgotten: [MissingWorkspace] when the requirement has a workspace permission
    }
    if (!needs && random.nextInt(3) > 0) {
      return;
    }
    if (typeBound && random.nextBoolean()) {
      return;
    }
    int slot = random.nextInt(method.parameters.size() + 1);
    List<String> idTypes = List.of("String", "java.util.UUID", "Ref");
    // A redeclared method keeps its parameter types, or it would overload instead.
    if (slot == method.parameters.size()
        || random.nextInt(4) == 0
        || (method.redeclared && !idTypes.contains(method.parameters.get(slot).type()))) {
      method.annotations.add("@BoundWorkspace");
      return;
    }
    Parameter old = method.parameters.get(slot);
    String type = method.redeclared ? old.type() : pick(idTypes);
    method.parameters.set(slot, new Parameter("@WorkspaceId ", type, old.name()));
  }

  private void wildWorkspace(Method method) {
    if (method.parameters.isEmpty()) {
      method.annotations.add("@BoundWorkspace");
      return;
    }
    int slot = random.nextInt(method.parameters.size());
    Parameter old = method.parameters.get(slot);
    method.parameters.set(slot, new Parameter("@WorkspaceId ", old.type(), old.name()));
    if (random.nextBoolean()) {
      method.annotations.add("@BoundWorkspace");
    }
    if (random.nextBoolean()) {
      int other = random.nextInt(method.parameters.size());
      Parameter second = method.parameters.get(other);
      method.parameters.set(
          other,
          new Parameter(
              "@WorkspaceId ", pick(List.of("String", "BadRef", second.type())), second.name()));
    }
  }

  /** Redeclares a parent method in the child with its own annotations (same signature). */
  private void redeclare(Service service) {
    if (service.parent == null
        || !service.parent.typeVariables.isEmpty()
        || service.parent.methods.isEmpty()
        || random.nextBoolean()) {
      return;
    }
    Method inherited = pick(service.parent.methods);
    if (!inherited.modifier.isEmpty()
        || service.methods.stream().anyMatch(m -> m.key().equals(inherited.key()))) {
      return;
    }
    Method copy = inherited.copy();
    copy.redeclared = true;
    copy.hasBody = random.nextBoolean();
    copy.parameters.replaceAll(parameter -> new Parameter("", parameter.type(), parameter.name()));
    guard(service, copy);
    service.methods.add(copy);
  }

  private Requirement requirement() {
    boolean any = random.nextBoolean();
    List<String> names = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      String name =
          wild(6)
              ? pick(UNKNOWN_PERMISSIONS)
              : random.nextBoolean() ? pick(WORKSPACE_PERMISSIONS) : pick(ACCOUNT_PERMISSIONS);
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return new Requirement(any, names);
  }

  private String annotation(Requirement requirement) {
    List<String> items = new ArrayList<>();
    for (String name : requirement.permissions()) {
      boolean constant = random.nextBoolean() && name.matches("[A-Za-z_]+");
      items.add(constant ? "Permissions." + name : "\"" + name + "\"");
    }
    String list =
        items.size() == 1 && random.nextBoolean()
            ? items.get(0)
            : "{" + String.join(", ", items) + "}";
    return "@RequiresPermission(" + (requirement.any() ? "anyOf = " : "") + list + ")";
  }

  /** Returns true, in a wild sample only, once in {@code odds} draws. */
  private boolean wild(int odds) {
    return !clean && random.nextInt(odds) == 0;
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
