package dev.rolegate.processor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A random matrix and random principals for {@link DecisionCoreDifferentialTest}, with a slow
 * reference decision written straight from the definitions in DESIGN.md ("Run-time semantics") and
 * MATRIX.md ("People and keys"), sharing no code with the processor or the runtime:
 *
 * <ul>
 *   <li>a permission implies itself and, transitively, everything it includes;
 *   <li>a role holds what it grants, what those imply, and everything the roles it inherits hold
 *       (transitively); a custom role holds its base role's set plus what its extras imply;
 *   <li>in a workspace a principal holds its explicit role there, else the workspace's default role
 *       when one is set ("no access" is none), else nothing; plus, in any named workspace, the
 *       workspace role its account role holds everywhere;
 *   <li>an account permission comes from the account role (the principal's, else the matrix's
 *       default) only; a workspace permission with no named workspace is never held;
 *   <li>a matrix whose includes or inherits loop does not compile.
 * </ul>
 */
final class DecisionModel {
  static final List<String> WORKSPACES =
      List.of("ws-a", "ws-b", "ws-c", "6f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c");

  /**
   * Workspaces a call may name: the above, one with no role anywhere, another UUID spelling, none.
   */
  static final List<String> CALLED =
      List.of(
          "ws-a",
          "ws-b",
          "ws-c",
          "ws-none",
          "6F1C2B3A-0D4E-4F5A-8B6C-7D8E9F0A1B2C",
          "6f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c",
          "",
          " ");

  private static final List<String> WORDS =
      List.of("VIEW", "EDIT", "RUN", "DELETE", "MANAGE", "SEE", "POLL", "BYPASS");
  private static final List<String> WORKSPACE_ROLE_NAMES =
      List.of("VIEWER", "RUNNER", "DEVELOPER", "OWNER", "WORKER", "AUDITOR");
  private static final List<String> ACCOUNT_ROLE_NAMES =
      List.of("MEMBER", "ADMIN", "OWNER", "BILLING");

  record Perm(String name, boolean account, List<String> includes) {}

  record RoleDef(
      String name,
      boolean account,
      String inherits,
      List<String> grants,
      String everywhere,
      boolean isDefault) {}

  /** A custom workspace role: a base (or "" for standalone) plus extras. */
  record CustomDef(String name, String base, List<String> extras) {}

  /** A principal: "" account role for none set; explicit role names by workspace id. */
  record PrincipalDef(
      String id, String accountRole, Map<String, String> explicit, boolean defaults) {}

  /** A requirement: all of (or any of) these permissions. */
  record Req(boolean any, List<String> permissions) {
    @Override
    public String toString() {
      return (any ? "anyOf" : "allOf") + permissions;
    }
  }

  final long seed;
  final Map<String, Perm> perms = new LinkedHashMap<>();
  final List<RoleDef> roles = new ArrayList<>();
  final List<CustomDef> customs = new ArrayList<>();

  /** Default role name by workspace; "" is "no access". */
  final Map<String, String> defaults = new LinkedHashMap<>();

  final List<PrincipalDef> principals = new ArrayList<>();
  final List<Req> requirements = new ArrayList<>();
  private final Random random;

  private DecisionModel(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  /** Draws a model from {@code seed}. */
  static DecisionModel draw(long seed) {
    DecisionModel model = new DecisionModel(seed);
    model.drawPermissions();
    model.drawRoles();
    model.drawCustomsAndDefaults();
    model.drawPrincipals();
    model.drawRequirements();
    return model;
  }

  private void drawPermissions() {
    int workspace = 1 + random.nextInt(8);
    int account = random.nextInt(5);
    for (int level = 0; level < 2; level++) {
      boolean isAccount = level == 1;
      List<String> earlier = new ArrayList<>();
      for (int i = 0; i < (isAccount ? account : workspace); i++) {
        String name = (isAccount ? "A" : "W") + i + "_" + pick(WORDS);
        List<String> includes = new ArrayList<>();
        if (!earlier.isEmpty() && random.nextInt(3) == 0) {
          includes.add(earlier.get(earlier.size() - 1)); // chains
        }
        for (String other : earlier) {
          if (random.nextInt(4) == 0 && !includes.contains(other)) {
            includes.add(other); // with chains, diamonds
          }
        }
        perms.put(name, new Perm(name, isAccount, includes));
        earlier.add(name);
      }
      if (earlier.size() > 0 && random.nextInt(6) == 0) {
        // An include pointing forward, or at itself: often a cycle.
        String from = pick(earlier);
        String to = pick(earlier);
        List<String> includes = new ArrayList<>(perms.get(from).includes());
        if (!includes.contains(to)) {
          includes.add(to);
          perms.put(from, new Perm(from, isAccount, includes));
        }
      }
    }
  }

  private void drawRoles() {
    List<String> workspaceNames = someNames(WORKSPACE_ROLE_NAMES, 1 + random.nextInt(5));
    for (int i = 0; i < workspaceNames.size(); i++) {
      String inherits = i > 0 && random.nextBoolean() ? workspaceNames.get(random.nextInt(i)) : "";
      roles.add(new RoleDef(workspaceNames.get(i), false, inherits, grants(false), "", false));
    }
    List<String> accountNames = someNames(ACCOUNT_ROLE_NAMES, random.nextInt(4));
    int defaultIndex =
        accountNames.isEmpty() || random.nextInt(4) == 0 ? -1 : random.nextInt(accountNames.size());
    for (int i = 0; i < accountNames.size(); i++) {
      String inherits = i > 0 && random.nextBoolean() ? accountNames.get(random.nextInt(i)) : "";
      String everywhere = random.nextBoolean() ? pick(workspaceNames) : "";
      roles.add(
          new RoleDef(
              accountNames.get(i), true, inherits, grants(true), everywhere, i == defaultIndex));
    }
    if (random.nextInt(12) == 0) {
      // An inherits loop (or a role inheriting itself) at one level.
      List<RoleDef> sameLevel = rolesOf(random.nextBoolean() && !accountNames.isEmpty());
      RoleDef from = pick(sameLevel);
      RoleDef to = pick(sameLevel);
      roles.set(
          roles.indexOf(from),
          new RoleDef(
              from.name(),
              from.account(),
              to.name(),
              from.grants(),
              from.everywhere(),
              from.isDefault()));
    }
  }

  private void drawCustomsAndDefaults() {
    List<String> workspacePerms = permsOf(false);
    int count = random.nextInt(3);
    for (int i = 0; i < count; i++) {
      boolean standalone = random.nextInt(3) == 0;
      List<String> extras = new ArrayList<>();
      int extraCount = (standalone ? 1 : 0) + random.nextInt(3);
      for (int j = 0; j < extraCount; j++) {
        extras.add(pick(workspacePerms));
      }
      customs.add(
          new CustomDef("CUSTOM_" + i, standalone ? "" : pick(rolesOf(false)).name(), extras));
    }
    for (String workspace : WORKSPACES) {
      int choice = random.nextInt(4);
      if (choice == 1) {
        defaults.put(workspace, "");
      } else if (choice >= 2) {
        defaults.put(workspace, workspaceRoleName());
      }
    }
  }

  private void drawPrincipals() {
    List<RoleDef> accountRoles = rolesOf(true);
    int count = 3 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      String account =
          accountRoles.isEmpty() || random.nextInt(3) == 0 ? "" : pick(accountRoles).name();
      Map<String, String> explicit = new LinkedHashMap<>();
      for (String workspace : WORKSPACES) {
        if (random.nextBoolean()) {
          // A UUID workspace is assigned in upper case now and then: one workspace either way.
          String id =
              workspace.length() > 10 && random.nextBoolean()
                  ? workspace.toUpperCase(Locale.ROOT)
                  : workspace;
          explicit.put(id, workspaceRoleName());
        }
      }
      principals.add(new PrincipalDef("p" + i, account, explicit, random.nextBoolean()));
    }
  }

  private void drawRequirements() {
    List<String> names = new ArrayList<>(perms.keySet());
    for (String name : names) {
      requirements.add(new Req(false, List.of(name)));
    }
    int count = 3 + random.nextInt(6);
    for (int i = 0; i < count; i++) {
      Set<String> chosen = new LinkedHashSet<>();
      int size = 2 + random.nextInt(2);
      for (int j = 0; j < size; j++) {
        chosen.add(pick(names));
      }
      requirements.add(new Req(random.nextBoolean(), List.copyOf(chosen)));
    }
  }

  private List<String> grants(boolean account) {
    List<String> grants = new ArrayList<>();
    for (String name : permsOf(account)) {
      if (random.nextInt(3) == 0) {
        grants.add(name);
      }
    }
    return grants;
  }

  private String workspaceRoleName() {
    if (!customs.isEmpty() && random.nextInt(3) == 0) {
      return pick(customs).name();
    }
    return pick(rolesOf(false)).name();
  }

  private List<String> someNames(List<String> pool, int count) {
    List<String> names = new ArrayList<>(pool);
    java.util.Collections.shuffle(names, random);
    return names.subList(0, Math.min(count, names.size()));
  }

  List<String> permsOf(boolean account) {
    return perms.values().stream().filter(p -> p.account() == account).map(Perm::name).toList();
  }

  List<RoleDef> rolesOf(boolean account) {
    return roles.stream().filter(r -> r.account() == account).toList();
  }

  Optional<RoleDef> role(String name, boolean account) {
    return roles.stream().filter(r -> r.account() == account && r.name().equals(name)).findFirst();
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** What {@link #features()} can name. */
  static final Set<String> FEATURES =
      new TreeSet<>(
          List.of(
              "account role everywhere",
              "allow and deny",
              "any-of",
              "custom role on a base",
              "default account role",
              "diamond",
              "include chain",
              "includes loop",
              "inherits chain",
              "inherits loop",
              "no access default",
              "no account roles",
              "standalone custom role",
              "workspace default role"));

  /** Returns which of {@link #FEATURES} this model has. */
  Set<String> features() {
    Set<String> features = new TreeSet<>();
    Optional<String> loop = cycle();
    loop.ifPresent(
        text -> features.add(text.startsWith("permission") ? "includes loop" : "inherits loop"));
    for (Perm perm : perms.values()) {
      for (String include : perm.includes()) {
        if (!perms.get(include).includes().isEmpty()) {
          features.add("include chain");
        }
      }
      if (loop.isEmpty()) {
        List<String> reached = new ArrayList<>();
        perm.includes().forEach(include -> reached.addAll(implied(include)));
        if (reached.size() > new TreeSet<>(reached).size()) {
          features.add("diamond");
        }
      }
    }
    for (RoleDef role : roles) {
      if (!role.inherits().isEmpty()
          && !role(role.inherits(), role.account()).map(RoleDef::inherits).orElse("").isEmpty()) {
        features.add("inherits chain");
      }
      features.add(role.everywhere().isEmpty() ? "" : "account role everywhere");
      features.add(role.isDefault() ? "default account role" : "");
    }
    features.add(rolesOf(true).isEmpty() ? "no account roles" : "");
    customs.forEach(
        c -> features.add(c.base().isEmpty() ? "standalone custom role" : "custom role on a base"));
    defaults
        .values()
        .forEach(d -> features.add(d.isEmpty() ? "no access default" : "workspace default role"));
    requirements.forEach(r -> features.add(r.any() ? "any-of" : ""));
    if (loop.isEmpty()) {
      Set<Boolean> answers = new TreeSet<>();
      for (PrincipalDef principal : principals) {
        for (Req req : requirements) {
          answers.add(allows(principal, "ws-a", req).held());
        }
      }
      features.add(answers.size() == 2 ? "allow and deny" : "");
    }
    features.remove("");
    return features;
  }

  // ---- the matrix file ----

  /** Renders the matrix as the Markdown the processor reads. */
  String render() {
    StringBuilder text = new StringBuilder("# Random matrix ").append(seed).append("\n\n");
    text.append("| Permission | Level | Includes | Description |\n|---|---|---|---|\n");
    for (Perm perm : perms.values()) {
      text.append("| ")
          .append(perm.name())
          .append(" | ")
          .append(perm.account() ? "account" : "workspace")
          .append(" | ")
          .append(String.join(", ", perm.includes()))
          .append(" | ")
          .append(perm.name().toLowerCase(Locale.ROOT))
          .append(" |\n");
    }
    text.append(
            "\n| Role | Level | Inherits | Grants | Workspace role everywhere | Description |\n")
        .append("|---|---|---|---|---|---|\n");
    for (RoleDef role : roles) {
      text.append("| ")
          .append(role.name())
          .append(" | ")
          .append(
              role.account() ? (role.isDefault() ? "account (default)" : "account") : "workspace")
          .append(" | ")
          .append(role.inherits())
          .append(" | ")
          .append(String.join(", ", role.grants()))
          .append(" | ")
          .append(role.everywhere())
          .append(" | role |\n");
    }
    return text.toString();
  }

  // ---- the reference ----

  /** Returns a loop in includes or inherits, described, or empty when there is none. */
  Optional<String> cycle() {
    for (Perm perm : perms.values()) {
      if (reaches(perm.name(), perm.name(), name -> perms.get(name).includes())) {
        return Optional.of(
            "permission " + perm.name() + " includes itself through " + perm.includes());
      }
    }
    for (RoleDef role : roles) {
      java.util.function.Function<String, List<String>> up =
          name ->
              role(name, role.account())
                  .map(r -> r.inherits().isEmpty() ? List.<String>of() : List.of(r.inherits()))
                  .orElse(List.of());
      if (reaches(role.name(), role.name(), up)) {
        return Optional.of("role " + role.name() + " inherits itself through " + role.inherits());
      }
    }
    return Optional.empty();
  }

  /** Whether {@code target} is reachable from {@code start} by one or more steps. */
  private static boolean reaches(
      String start, String target, java.util.function.Function<String, List<String>> next) {
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(next.apply(start));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (name.equals(target)) {
        return true;
      }
      if (seen.add(name)) {
        todo.addAll(next.apply(name));
      }
    }
    return false;
  }

  /** The permissions {@code name} implies: itself and everything it includes, transitively. */
  Set<String> implied(String name) {
    Set<String> implied = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(name));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (implied.add(next)) {
        todo.addAll(perms.get(next).includes());
      }
    }
    return implied;
  }

  /** The closed permission set of a matrix role: grants, implied, and all inherited roles'. */
  Set<String> closure(RoleDef role) {
    Set<String> held = new TreeSet<>();
    Set<String> visited = new TreeSet<>();
    for (RoleDef r = role;
        r != null && visited.add(r.name());
        r = r.inherits().isEmpty() ? null : role(r.inherits(), r.account()).orElseThrow()) {
      for (String grant : r.grants()) {
        held.addAll(implied(grant));
      }
    }
    return held;
  }

  /** The closed permission set of a workspace role name: a matrix role or a custom one. */
  Set<String> workspaceSet(String name) {
    Optional<RoleDef> builtIn = role(name, false);
    if (builtIn.isPresent()) {
      return closure(builtIn.get());
    }
    CustomDef custom =
        customs.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    Set<String> held = custom.base().isEmpty() ? new TreeSet<>() : workspaceSet(custom.base());
    for (String extra : custom.extras()) {
      held.addAll(implied(extra));
    }
    return held;
  }

  /** The account role a principal holds: its own, else the matrix default, else none (""). */
  String accountRoleOf(PrincipalDef principal) {
    if (!principal.accountRole().isEmpty()) {
      return principal.accountRole();
    }
    return rolesOf(true).stream()
        .filter(RoleDef::isDefault)
        .map(RoleDef::name)
        .findFirst()
        .orElse("");
  }

  /** The workspace role a principal holds in {@code workspace} by the rules, or "" for none. */
  String workspaceRoleOf(PrincipalDef principal, String workspace) {
    if (!named(workspace)) {
      return "";
    }
    for (Map.Entry<String, String> entry : principal.explicit().entrySet()) {
      if (sameWorkspace(entry.getKey(), workspace)) {
        return entry.getValue();
      }
    }
    if (principal.defaults()) {
      for (Map.Entry<String, String> entry : defaults.entrySet()) {
        if (sameWorkspace(entry.getKey(), workspace)) {
          return entry.getValue(); // "" for no access
        }
      }
    }
    return "";
  }

  /** Whether {@code principal} holds {@code permission} in {@code workspace}, with the reason. */
  Held holds(PrincipalDef principal, String workspace, String permission) {
    String account = accountRoleOf(principal);
    Optional<RoleDef> accountRole = role(account, true);
    if (perms.get(permission).account()) {
      boolean held = accountRole.map(r -> closure(r).contains(permission)).orElse(false);
      return new Held(
          held,
          "account role "
              + (account.isEmpty() ? "none" : account)
              + (held ? " holds it" : " does not hold it"));
    }
    if (!named(workspace)) {
      return new Held(false, "no workspace named");
    }
    String role = workspaceRoleOf(principal, workspace);
    if (!role.isEmpty() && workspaceSet(role).contains(permission)) {
      return new Held(true, "workspace role " + role + " holds it");
    }
    String everywhere = accountRole.map(RoleDef::everywhere).orElse("");
    if (!everywhere.isEmpty() && workspaceSet(everywhere).contains(permission)) {
      return new Held(
          true, "account role " + account + " holds " + everywhere + " everywhere, which holds it");
    }
    return new Held(
        false,
        "workspace role "
            + (role.isEmpty() ? "none" : role + " " + workspaceSet(role))
            + ", everywhere "
            + (everywhere.isEmpty() ? "none" : everywhere));
  }

  /** The reference answer for a call naming {@code workspace}, with each permission's reason. */
  Held allows(PrincipalDef principal, String workspace, Req requirement) {
    if (!named(workspace)) {
      return new Held(false, "a call that names a workspace never runs without one");
    }
    return allowsIn(principal, workspace, requirement);
  }

  /**
   * Whether {@code requirement} holds in {@code workspace} by the roles alone (null: no workspace,
   * as for a call that names none, where only account permissions can hold).
   */
  Held allowsIn(PrincipalDef principal, String workspace, Req requirement) {
    List<String> reasons = new ArrayList<>();
    int held = 0;
    for (String permission : requirement.permissions()) {
      Held one = holds(principal, workspace, permission);
      held += one.held() ? 1 : 0;
      reasons.add(permission + ": " + one.why());
    }
    boolean allowed = requirement.any() ? held > 0 : held == requirement.permissions().size();
    return new Held(allowed, String.join("; ", reasons));
  }

  /** A reference answer and why. */
  record Held(boolean held, String why) {}

  static boolean named(String workspace) {
    return workspace != null && !workspace.isBlank();
  }

  private static boolean sameWorkspace(String a, String b) {
    boolean uuids =
        a.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
            && b.matches(
                "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    return uuids ? a.equalsIgnoreCase(b) : a.equals(b);
  }

  /** Returns the principal, its roles and the defaults it sees, for a failure message. */
  String describe(PrincipalDef principal) {
    return principal.id()
        + ": account role "
        + (principal.accountRole().isEmpty()
            ? "unset (default "
                + (accountRoleOf(principal).isEmpty() ? "none" : accountRoleOf(principal))
                + ")"
            : principal.accountRole())
        + ", explicit "
        + principal.explicit()
        + (principal.defaults()
            ? ", workspace defaults " + defaults + " (\"\" = no access)"
            : ", no defaults")
        + (customs.isEmpty() ? "" : ", custom roles " + customs);
  }
}
