package dev.rolegate.runtime.internal;

import static dev.rolegate.runtime.TestMatrix.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.CustomRoles;
import dev.rolegate.runtime.Decision;
import dev.rolegate.runtime.Decisions;
import dev.rolegate.runtime.InMemoryAccountDirectory;
import dev.rolegate.runtime.Permission;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.runtime.PrincipalSource;
import dev.rolegate.runtime.Role;
import dev.rolegate.runtime.WorkspaceDefaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Decisions across accounts: every principal of two accounts (no membership, MEMBER or ADMIN in
 * each; a role or none in a workspace of the first), for every requirement shape, on workspaces of
 * either account and an unknown one, with and without a named account, equal a reference written
 * here from the seed's rules; and the cases the rules single out, each on its own.
 */
class AccountDecisionTest {
  private static final String A = "acct-a";
  private static final String B = "acct-b";
  private static final String WS_A = "ws-a";
  private static final String WS_A2 = "ws-a2";
  private static final String WS_B = "ws-b";
  private static final String UNKNOWN = "ws-unknown";
  private static final UUID UUID_B = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

  private static final Map<String, Set<String>> HOLDS =
      Map.of(
          VIEWER, Set.of(VIEW_X),
          DEVELOPER, Set.of(VIEW_X, EDIT_X, DELETE_X),
          OWNER, Set.of(VIEW_X, EDIT_X, DELETE_X, VIEW_SECRETS),
          MEMBER, Set.of(VIEW_ACCOUNT),
          ADMIN, Set.of(VIEW_ACCOUNT, EDIT_ACCOUNT));
  private static final Set<String> ACCOUNT_PERMISSIONS = Set.of(VIEW_ACCOUNT, EDIT_ACCOUNT);

  private final List<Decision> decisions = new ArrayList<>();

  @AfterEach
  void removeListener() {
    Decisions.setListener(null);
  }

  private static InMemoryAccountDirectory directory() {
    return new InMemoryAccountDirectory()
        .add(A, WS_A, WS_A2)
        .add(B, WS_B, UUID_B.toString().toUpperCase());
  }

  private static final InMemoryAccountDirectory DIRECTORY = directory();

  /** ws-a2 defaults to DEVELOPER for members of acct-a. */
  private static final WorkspaceDefaults DEFAULTS = new WorkspaceDefaults(MATRIX);

  static {
    DEFAULTS.setDefaultRole(WS_A2, DEVELOPER);
  }

  private static Principal.Builder person(String id) {
    return Principal.user(id).matrix(MATRIX).directory(DIRECTORY).workspaceDefaults(DEFAULTS);
  }

  private static PrincipalSource fixed(Principal principal) {
    return () -> principal;
  }

  private static boolean allowed(Runnable check) {
    try {
      check.run();
      return true;
    } catch (AccessDeniedException denied) {
      return false;
    }
  }

  private static Requirement require(String... names) {
    Permission[] permissions = new Permission[names.length];
    for (int i = 0; i < names.length; i++) {
      permissions[i] = permission(names[i]);
    }
    return Requirement.allOf(permissions);
  }

  // --- the exhaustive reference ---

  /**
   * A principal as the reference sees it: its account role in A and B (null: no member), its role
   * in ws-a.
   */
  private record Subject(Principal principal, String inA, String inB, String roleInWsA) {}

  private static String accountOf(String workspace) {
    return switch (workspace) {
      case WS_A, WS_A2 -> A;
      case WS_B -> B;
      default -> null;
    };
  }

  /**
   * The seed's rules, for a call on {@code workspace} (null: none) in {@code named} (null: the
   * workspace's).
   */
  private static boolean reference(
      List<String> shape, Subject subject, String workspace, String named) {
    String account = workspace == null ? named : accountOf(workspace);
    if (account == null || (named != null && !named.equals(account))) {
      return false;
    }
    String accountRole = account.equals(A) ? subject.inA() : subject.inB();
    if (accountRole == null) {
      return false;
    }
    String role = null;
    if (WS_A.equals(workspace)) {
      role = subject.roleInWsA();
    } else if (WS_A2.equals(workspace)) {
      role = DEVELOPER;
    }
    for (String permission : shape) {
      boolean held;
      if (ACCOUNT_PERMISSIONS.contains(permission)) {
        held = HOLDS.get(accountRole).contains(permission);
      } else {
        held =
            workspace != null
                && ((role != null && HOLDS.get(role).contains(permission))
                    || (accountRole.equals(ADMIN) && HOLDS.get(OWNER).contains(permission)));
      }
      if (!held) {
        return false;
      }
    }
    return true;
  }

  private static List<Subject> subjects() {
    List<Subject> subjects = new ArrayList<>();
    String[] accountRoles = {null, MEMBER, ADMIN};
    for (String inA : accountRoles) {
      for (String inB : accountRoles) {
        for (String role : new String[] {null, VIEWER, DEVELOPER}) {
          if (role != null && inA == null) {
            continue; // refused when built: see serviceAccount_belongsToExactlyOneAccount_...
          }
          Principal.Builder builder = person("p");
          if (inA != null) {
            builder.member(A, inA);
          }
          if (inB != null) {
            builder.member(B, inB);
          }
          if (role != null) {
            builder.workspaceRole(WS_A, role);
          }
          subjects.add(new Subject(builder.build(), inA, inB, role));
        }
      }
    }
    return subjects;
  }

  @Test
  void everySubjectShapeWorkspaceAndAccount_decisionEqualsTheReference() {
    List<List<String>> shapes =
        List.of(
            List.of(VIEW_X),
            List.of(DELETE_X),
            List.of(VIEW_SECRETS),
            List.of(VIEW_ACCOUNT),
            List.of(EDIT_ACCOUNT),
            List.of(DELETE_X, EDIT_ACCOUNT));
    int checked = 0;
    for (List<String> shape : shapes) {
      Requirement requirement = require(shape.toArray(String[]::new));
      boolean workspaceLevel = shape.stream().anyMatch(p -> !ACCOUNT_PERMISSIONS.contains(p));
      for (Subject subject : subjects()) {
        for (String workspace : new String[] {WS_A, WS_A2, WS_B, UNKNOWN}) {
          String context = shape + " " + subject + " in " + workspace;
          assertEquals(
              reference(shape, subject, workspace, null),
              allowed(() -> requirement.check(fixed(subject.principal()), workspace, "Op.x")),
              context);
          for (String named : new String[] {A, B}) {
            assertEquals(
                reference(shape, subject, workspace, named),
                allowed(
                    () ->
                        requirement.checkInAccount(
                            fixed(subject.principal()), named, workspace, "Op.x")),
                context + " named " + named);
            checked++;
          }
          // The fast paths answer as the full decision: the bound workspace's, and another's.
          try (PrincipalScope scope = CurrentPrincipal.bind(subject.principal(), workspace)) {
            assertEquals(
                reference(shape, subject, workspace, null),
                allowed(() -> requirement.check(CurrentPrincipal.source(), workspace, "Op.x")),
                context + " bound");
          }
          try (PrincipalScope scope = CurrentPrincipal.bind(subject.principal(), WS_B)) {
            assertEquals(
                reference(shape, subject, workspace, null),
                allowed(() -> requirement.check(CurrentPrincipal.source(), workspace, "Op.x")),
                context + " another bound");
          }
          checked++;
        }
        for (String named : new String[] {A, B}) {
          if (!workspaceLevel) {
            assertEquals(
                reference(shape, subject, null, named),
                allowed(
                    () -> requirement.checkInAccount(fixed(subject.principal()), named, "Op.x")),
                shape + " " + subject + " in account " + named);
          }
        }
      }
    }
    assertEquals(6 * 21 * 4 * 3, checked);
  }

  // --- the cases the seed names ---

  @Test
  void accountAdminOfA_isOwnerInAsWorkspaces_andNothingInBs() {
    Principal ada = person("ada").member(A, ADMIN).build();
    Requirement delete = require(VIEW_SECRETS);
    delete.check(fixed(ada), WS_A, "Things.delete");
    AccessDeniedException denial =
        assertThrows(
            AccessDeniedException.class, () -> delete.check(fixed(ada), WS_B, "Things.delete"));
    // The message does not say which account owns a workspace of another tenant.
    assertEquals(
        "access denied: user ada may not call Things.delete, which requires VIEW_SECRETS"
            + " in workspace \"ws-b\"; ada is no member of the workspace's account (a workspace role or"
            + " default there, and an account role elsewhere, grant nothing in it)",
        denial.getMessage());
    assertNull(denial.account());
    assertEquals(WS_B, denial.workspace());
    assertNull(ada.workspaceRole(WS_B));
  }

  @Test
  void workspaceDefault_appliesToMembersOfItsAccountOnly() {
    Principal memberOfA = person("amy").member(A).build();
    Principal memberOfB = person("bob").member(B).build();
    assertSame(role(DEVELOPER), memberOfA.workspaceRole(WS_A2));
    assertNull(memberOfB.workspaceRole(WS_A2));
    require(DELETE_X).check(fixed(memberOfA), WS_A2, "Things.delete");
    AccessDeniedException denial =
        assertThrows(
            AccessDeniedException.class,
            () -> require(VIEW_X).check(fixed(memberOfB), WS_A2, "Things.view"));
    assertTrue(
        denial.getMessage().contains("bob is no member of the workspace's account"),
        denial.getMessage());
  }

  @Test
  void onePersonInTwoAccounts_holdsEachAccountsRoleThereOnly() {
    Principal pat = person("pat").member(A, ADMIN).member(B, MEMBER).build();
    assertEquals(Map.of(A, role(ADMIN), B, role(MEMBER)), pat.accounts());
    Requirement editAccount = require(EDIT_ACCOUNT);
    editAccount.checkInAccount(fixed(pat), A, "Accounts.edit");
    AccessDeniedException denial =
        assertThrows(
            AccessDeniedException.class,
            () -> editAccount.checkInAccount(fixed(pat), B, "Accounts.edit"));
    assertEquals(
        "access denied: user pat may not call Accounts.edit, which requires EDIT_ACCOUNT in"
            + " account \"acct-b\"; pat holds account role MEMBER. Allowed: account role ADMIN",
        denial.getMessage());
    require(VIEW_ACCOUNT).checkInAccount(fixed(pat), B, "Accounts.view");
    // Derived from the workspace: ws-a is A's, ws-b is B's.
    editAccount.check(fixed(pat), WS_A, "Accounts.edit");
    assertThrows(
        AccessDeniedException.class, () -> editAccount.check(fixed(pat), WS_B, "Accounts.edit"));
    // Not a member at all: nothing, not even MEMBER's permissions.
    Principal amy = person("amy").member(A).build();
    assertThrows(
        AccessDeniedException.class,
        () -> require(VIEW_ACCOUNT).checkInAccount(fixed(amy), B, "Accounts.view"));
  }

  @Test
  void customRoleOfA_isRefusedInBWhenBuilt_andDeniedIfItHappensAnyway() {
    CustomRoles ofA = new CustomRoles(MATRIX, A);
    Role deployer = ofA.define("DEPLOYER", VIEWER, DELETE_X);
    assertEquals(java.util.Optional.of(A), deployer.account());
    Principal.Builder inB =
        person("cat").member(B).customRoles(ofA).workspaceRole(WS_B, "DEPLOYER");
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, inB::build);
    assertEquals(
        "user cat is given custom role DEPLOYER of account \"acct-a\" in workspace"
            + " \"ws-b\" of account \"acct-b\": a custom role is held only in its own account's"
            + " workspaces",
        refused.getMessage());
    // In A it works.
    Principal inA =
        person("cat").member(A).customRoles(ofA).workspaceRole(WS_A, "DEPLOYER").build();
    require(DELETE_X).check(fixed(inA), WS_A, "Things.delete");
    // A workspace the directory learns of later, placed in B: the role is not held there.
    InMemoryAccountDirectory later = directory();
    Principal early =
        Principal.user("cat")
            .matrix(MATRIX)
            .directory(later)
            .member(A)
            .member(B)
            .customRoles(ofA)
            .workspaceRole("ws-new", "DEPLOYER")
            .build();
    later.add(B, "ws-new");
    assertNull(early.workspaceRole("ws-new"));
    assertThrows(
        AccessDeniedException.class,
        () -> require(VIEW_X).check(fixed(early), "ws-new", "Things.view"));
    // A workspace default of A's custom role, set on B's workspace: not held there either.
    WorkspaceDefaults mixed = new WorkspaceDefaults(ofA);
    mixed.setDefaultRole(WS_B, "DEPLOYER");
    Principal memberOfB =
        Principal.user("bob")
            .matrix(MATRIX)
            .directory(DIRECTORY)
            .member(B)
            .workspaceDefaults(mixed)
            .build();
    assertNull(memberOfB.workspaceRole(WS_B));
    assertThrows(
        AccessDeniedException.class,
        () -> require(VIEW_X).check(fixed(memberOfB), WS_B, "Things.view"));
  }

  @Test
  void serviceAccount_belongsToExactlyOneAccount_andHoldsNothingInAnother() {
    Principal bot =
        Principal.serviceAccount("ci-bot")
            .matrix(MATRIX)
            .directory(DIRECTORY)
            .member(A)
            .workspaceRole(WS_A, DEVELOPER)
            .build();
    require(DELETE_X).check(fixed(bot), WS_A, "Things.delete");
    IllegalArgumentException inB =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Principal.serviceAccount("ci-bot")
                    .matrix(MATRIX)
                    .directory(DIRECTORY)
                    .member(A)
                    .workspaceRole(WS_B, DEVELOPER)
                    .build());
    assertEquals(
        "service account ci-bot is given DEVELOPER in workspace \"ws-b\" of account"
            + " \"acct-b\", but is no member of that account: a workspace role is held only by members"
            + " of the workspace's account (add member(\"acct-b\") or drop the role)",
        inB.getMessage());
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class,
            () -> Principal.serviceAccount("ci-bot").matrix(MATRIX).directory(DIRECTORY).build());
    assertEquals(
        "service account ci-bot belongs to exactly one account, as every service account"
            + " does; it was given none: name its account with member(account)",
        none.getMessage());
    IllegalArgumentException two =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Principal.serviceAccount("ci-bot")
                    .matrix(MATRIX)
                    .directory(DIRECTORY)
                    .member(A)
                    .member(B)
                    .build());
    assertEquals(
        "service account ci-bot belongs to exactly one account, as every service account"
            + " does; it was given 2 (\"acct-a\", \"acct-b\"): name its account with member(account)",
        two.getMessage());
    // A workspace placed in B after the service account was built: denied there.
    InMemoryAccountDirectory later = directory();
    Principal early =
        Principal.serviceAccount("ci-bot")
            .matrix(MATRIX)
            .directory(later)
            .member(A)
            .workspaceRole("ws-new", OWNER)
            .build();
    assertThrows(
        AccessDeniedException.class,
        () -> require(VIEW_X).check(fixed(early), "ws-new", "Things.view"),
        "unknown yet");
    later.add(B, "ws-new");
    assertThrows(
        AccessDeniedException.class,
        () -> require(VIEW_X).check(fixed(early), "ws-new", "Things.view"),
        "in B");
  }

  @Test
  void unknownWorkspace_isDenied_sayingSo_evenForAnOwnerOfEveryAccount() {
    Principal olga = person("olga").member(A, ADMIN).member(B, ADMIN).build();
    Decisions.setListener(decisions::add);
    AccessDeniedException denial =
        assertThrows(
            AccessDeniedException.class,
            () -> require(VIEW_X).check(fixed(olga), UNKNOWN, "Things.view"));
    assertEquals(
        "access denied: user olga may not call Things.view, which requires VIEW_X in"
            + " workspace \"ws-unknown\", but the account directory knows no account for workspace"
            + " \"ws-unknown\", so the call is denied (add the workspace to its account's directory)",
        denial.getMessage());
    assertNull(denial.account());
    assertEquals(List.of(), decisions.get(0).wouldAllow());
  }

  @Test
  void namedAccountAndWorkspaceOfAnotherAccount_isDenied() {
    Principal olga = person("olga").member(A, ADMIN).member(B, ADMIN).build();
    AccessDeniedException denial =
        assertThrows(
            AccessDeniedException.class,
            () -> require(VIEW_X).checkInAccount(fixed(olga), A, WS_B, "Things.view"));
    assertEquals(
        "access denied: user olga may not call Things.view, which requires VIEW_X in"
            + " workspace \"ws-b\" in account \"acct-a\", but workspace \"ws-b\" does not belong to that"
            + " account",
        denial.getMessage());
    assertEquals(A, denial.account(), "the account the call named");
    require(VIEW_X).checkInAccount(fixed(olga), B, WS_B, "Things.view");
    // A UUID workspace, spelled in either case, in its account.
    require(VIEW_X).checkInAccount(fixed(olga), B, UUID_B, "Things.view");
    require(VIEW_X).check(fixed(olga), UUID_B.toString(), "Things.view");
    assertThrows(
        AccessDeniedException.class,
        () -> require(VIEW_X).checkInAccount(fixed(olga), A, UUID_B, "Things.view"));
  }

  @Test
  void boundAccount_isTheOneChecked_noneBound_isDenied() {
    Principal pat = person("pat").member(A, ADMIN).member(B).build();
    Requirement editAccount = require(EDIT_ACCOUNT);
    try (PrincipalScope scope = CurrentPrincipal.bind(pat, A, null)) {
      assertEquals(java.util.Optional.of(A), CurrentPrincipal.account());
      editAccount.checkInBoundAccount(CurrentPrincipal.source(), "Accounts.edit");
    }
    try (PrincipalScope scope = CurrentPrincipal.bind(pat, B, null)) {
      assertThrows(
          AccessDeniedException.class,
          () -> editAccount.checkInBoundAccount(CurrentPrincipal.source(), "Accounts.edit"));
    }
    try (PrincipalScope scope = CurrentPrincipal.bind(pat)) {
      AccessDeniedException none =
          assertThrows(
              AccessDeniedException.class,
              () -> editAccount.checkInBoundAccount(CurrentPrincipal.source(), "Accounts.edit"));
      assertTrue(
          none.getMessage()
              .endsWith(
                  ", but the call names no account (no @AccountId"
                      + " argument, none bound, and no workspace whose account it would be)"),
          none.getMessage());
    }
    // Binding an account and a workspace of another account is refused: nothing is bound.
    IllegalArgumentException mismatch =
        assertThrows(IllegalArgumentException.class, () -> CurrentPrincipal.bind(pat, B, WS_A));
    assertEquals(
        "the bound workspace \"ws-a\" does not belong to the bound account \"acct-b\";"
            + " bind a workspace of that account (a web filter answers such a path 403 before"
            + " binding)",
        mismatch.getMessage());
    assertEquals(java.util.Optional.empty(), CurrentPrincipal.get());
    // The bound account and a workspace argument of the other account: denied.
    try (PrincipalScope scope = CurrentPrincipal.bind(pat, B, WS_B)) {
      assertThrows(
          AccessDeniedException.class,
          () ->
              require(VIEW_X).checkInBoundAccount(CurrentPrincipal.source(), WS_A, "Things.view"));
      // A call that names only a workspace acts in the workspace's account.
      require(VIEW_X).check(CurrentPrincipal.source(), WS_A, "Things.view");
    }
  }

  @Test
  void boundWorkspace_ofAnAccountNotAMemberOf_isNotAnsweredByTheFastPath() {
    // Built while ws-new was unknown, so the role was accepted; then ws-new joins B.
    InMemoryAccountDirectory later = directory();
    Principal early =
        Principal.user("eve")
            .matrix(MATRIX)
            .directory(later)
            .member(A)
            .workspaceRole("ws-new", OWNER)
            .build();
    later.add(B, "ws-new");
    try (PrincipalScope scope = CurrentPrincipal.bind(early, "ws-new")) {
      assertNull(((Binding) scope).assignedRoleIn("ws-new"));
      assertThrows(
          AccessDeniedException.class,
          () -> require(VIEW_X).check(CurrentPrincipal.source(), "ws-new", "Things.view"));
    }
  }

  @Test
  void directoryThatThrows_isADenialWithTheCause() {
    IllegalStateException down = new IllegalStateException("database down");
    Principal pat =
        Principal.user("pat")
            .matrix(MATRIX)
            .directory(
                workspace -> {
                  throw down;
                })
            .member(A, ADMIN)
            .build();
    AccessDeniedException denial =
        assertThrows(
            AccessDeniedException.class,
            () -> require(VIEW_X).check(fixed(pat), WS_A, "Things.view"));
    assertSame(down, denial.getCause());
    assertFalse(denial.getMessage().contains("database down"), denial.getMessage());
    try (PrincipalScope scope = CurrentPrincipal.bind(pat, WS_A)) {
      assertThrows(
          AccessDeniedException.class,
          () -> require(VIEW_X).check(CurrentPrincipal.source(), WS_A, "Things.view"));
    }
  }

  @Test
  void decisionsNameTheAccount() {
    Principal pat = person("pat").member(A, ADMIN).build();
    Decisions.setListener(decisions::add);
    require(DELETE_X).check(fixed(pat), WS_A, "Things.delete");
    assertEquals(A, decisions.get(0).account());
    assertEquals(
        "account ADMIN in acct-a (workspace OWNER in the account's workspaces)",
        decisions.get(0).grantedBy());
    assertThrows(
        AccessDeniedException.class,
        () -> require(DELETE_X).check(fixed(pat), WS_B, "Things.delete"));
    assertEquals(B, decisions.get(1).account());
    assertEquals(
        List.of(),
        decisions.get(1).wouldAllow().stream()
            .filter(entry -> !entry.startsWith("workspace") && !entry.startsWith("account"))
            .toList());
  }

  @Test
  void builder_saysWhatIsMissingOrWrong() {
    IllegalStateException noDirectory =
        assertThrows(
            IllegalStateException.class, () -> Principal.user("al").matrix(MATRIX).build());
    assertEquals(
        "user al has no account directory: give it"
            + " .directory(AccountDirectory.singleAccount(\"<account id>\")) in an application with one"
            + " account, or .directory(<your AccountDirectory>) so that each workspace's account is"
            + " known (a workspace of an unknown account is denied)",
        noDirectory.getMessage());
    IllegalArgumentException accountRole =
        assertThrows(IllegalArgumentException.class, () -> person("al").accountRole(ADMIN).build());
    assertEquals(
        "user al is given accountRole(\"ADMIN\") without an account: that sets the role in the"
            + " one account of AccountDirectory.singleAccount; with any other directory, name the"
            + " account with member(account, role)",
        accountRole.getMessage());
    IllegalArgumentException twice =
        assertThrows(IllegalArgumentException.class, () -> person("al").member(A).member(A, ADMIN));
    assertEquals(
        "account \"acct-a\" is given twice for al: a principal holds one account role"
            + " per account",
        twice.getMessage());
    IllegalArgumentException other =
        assertThrows(
            IllegalArgumentException.class,
            () -> Principal.user("al").matrix(MATRIX).directory(SINGLE).member("globex").build());
    assertEquals(
        "user al is given account \"globex\", but its directory is the single account"
            + " \"acme\"; with several accounts, use an AccountDirectory that knows them",
        other.getMessage());
    assertThrows(IllegalArgumentException.class, () -> person("al").member("acct\nb"));
    assertThrows(IllegalArgumentException.class, () -> person("al").member(" "));
    // A single-account directory makes every principal a member of its account.
    Principal single = Principal.user("al").matrix(MATRIX).directory(SINGLE).build();
    assertEquals(Map.of(ACCOUNT, role(MEMBER)), single.accounts());
    assertTrue(single.isMemberOf(ACCOUNT));
  }

  @Test
  void inMemoryDirectory_placesAWorkspaceInOneAccount_inEverySpellingOfAUuid() {
    InMemoryAccountDirectory accounts = directory();
    assertEquals(B, accounts.accountOf(UUID_B));
    assertEquals(B, accounts.accountOf(UUID_B.toString()));
    assertEquals(java.util.Optional.of(A), accounts.find(WS_A));
    IllegalArgumentException moved =
        assertThrows(IllegalArgumentException.class, () -> accounts.add(A, UUID_B.toString()));
    assertEquals(
        "workspace \"123e4567-e89b-12d3-a456-426614174000\" belongs to account"
            + " \"acct-b\" already; a workspace belongs to exactly one account (remove it first to"
            + " move it)",
        moved.getMessage());
    assertEquals(B, accounts.accountOf(UUID_B), "nothing added when refused");
    accounts.add(B, WS_B); // again, in the same account: fine
    accounts.remove(UUID_B.toString());
    assertNull(accounts.accountOf(UUID_B));
    assertThrows(IllegalArgumentException.class, () -> accounts.add(A, "ws\u202e"));
    assertEquals(java.util.Optional.empty(), accounts.find(null));
    assertEquals("InMemoryAccountDirectory (3 workspaces)", accounts.toString());
    assertEquals("AccountDirectory.singleAccount(\"acme\")", SINGLE.toString());
    // Two single-account directories of one account are equal (either spelling of a UUID).
    String uuid = UUID_B.toString();
    assertEquals(
        dev.rolegate.runtime.AccountDirectory.singleAccount(uuid),
        dev.rolegate.runtime.AccountDirectory.singleAccount(uuid.toUpperCase()));
    assertEquals(
        dev.rolegate.runtime.AccountDirectory.singleAccount(uuid).hashCode(),
        dev.rolegate.runtime.AccountDirectory.singleAccount(uuid.toUpperCase()).hashCode());
    assertNotEquals(SINGLE, dev.rolegate.runtime.AccountDirectory.singleAccount("globex"));
    assertNotEquals(
        SINGLE.hashCode(),
        dev.rolegate.runtime.AccountDirectory.singleAccount("globex").hashCode());
    assertNotEquals(SINGLE, accounts);
  }

  @Test
  void aCapturedBinding_carriesTheAccount_toAnotherThread() throws Exception {
    Principal pat = person("pat").member(A, ADMIN).member(B).build();
    java.util.concurrent.ExecutorService pool =
        CurrentPrincipal.propagating(java.util.concurrent.Executors.newSingleThreadExecutor());
    try (PrincipalScope scope = CurrentPrincipal.bind(pat, A, WS_A)) {
      String seen =
          pool.submit(
                  () -> {
                    require(EDIT_ACCOUNT)
                        .checkInBoundAccount(CurrentPrincipal.source(), "Accounts.edit");
                    require(VIEW_SECRETS).check(CurrentPrincipal.source(), "Things.view");
                    return CurrentPrincipal.account().orElse("none")
                        + " "
                        + CurrentPrincipal.workspace().orElse("none");
                  })
              .get();
      assertEquals(A + " " + WS_A, seen);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void accountIds_andTheirMessages() {
    Principal pat = person("pat").member(UUID_B.toString(), ADMIN).build();
    assertSame(role(ADMIN), pat.accountRole(UUID_B.toString().toUpperCase()), "either spelling");
    assertTrue(pat.isMemberOf(UUID_B.toString().toUpperCase()));
    assertNull(pat.accountRole(null));
    assertFalse(pat.isMemberOf(null));
    assertSame(DIRECTORY, pat.directory());
    // A blank or null account named by a call.
    for (String blank : new String[] {" ", "\u200b"}) {
      AccessDeniedException denial =
          assertThrows(
              AccessDeniedException.class,
              () -> require(VIEW_ACCOUNT).checkInAccount(fixed(pat), blank, "Accounts.view"));
      assertEquals(
          "access denied: user pat may not call Accounts.view, which requires VIEW_ACCOUNT,"
              + " but the account id is empty or blank",
          denial.getMessage());
    }
    AccessDeniedException none =
        assertThrows(
            AccessDeniedException.class,
            () -> require(VIEW_X).checkInAccount(fixed(pat), null, WS_B, "Things.view"));
    assertTrue(
        none.getMessage()
            .endsWith(
                "but the call names no account (no @AccountId argument,"
                    + " none bound, and no workspace whose account it would be)"),
        none.getMessage());
    // An accessor that threw while the guard read the account.
    RuntimeException thrown = new IllegalStateException("broken carrier");
    AccessDeniedException failed = require(VIEW_ACCOUNT).accountFailed("Accounts.view", thrown);
    assertSame(thrown, failed.getCause());
    assertEquals(
        "access denied for Accounts.view: reading the account id failed"
            + " (java.lang.IllegalStateException), so the call is denied",
        failed.getMessage());
    // The bound account with a UUID workspace.
    Principal bea = person("bea").member(B, ADMIN).build();
    try (PrincipalScope scope = CurrentPrincipal.bind(bea, B, null)) {
      require(VIEW_SECRETS).checkInBoundAccount(CurrentPrincipal.source(), UUID_B, "Things.view");
      assertThrows(
          AccessDeniedException.class,
          () ->
              require(VIEW_SECRETS)
                  .checkInBoundAccount(
                      CurrentPrincipal.source(), UUID.randomUUID(), "Things.view"));
      assertEquals("binding of user bea in an account", scope.toString());
    }
    assertEquals(java.util.Optional.empty(), CurrentPrincipal.account());
    assertNull(CurrentPrincipal.source().currentAccount());
  }

  @Test
  void accountRoleGivenTwice_andACustomRoleOfNoAccount_areRefused() {
    IllegalArgumentException twice =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Principal.user("al")
                    .matrix(MATRIX)
                    .directory(SINGLE)
                    .member(ACCOUNT, MEMBER)
                    .accountRole(ADMIN)
                    .build());
    assertEquals(
        "user al is given an account role twice: by accountRole(role) and by"
            + " member(account, role); give it once",
        twice.getMessage());
    assertSame(
        role(ADMIN),
        Principal.user("al")
            .matrix(MATRIX)
            .directory(SINGLE)
            .member(ACCOUNT, ADMIN)
            .build()
            .accountRole(ACCOUNT));
    CustomRoles single = new CustomRoles(MATRIX);
    assertEquals(java.util.Optional.empty(), single.account());
    assertEquals(java.util.Optional.of(A), new CustomRoles(MATRIX, A).account());
    single.define("READER", VIEWER);
    IllegalArgumentException noAccount =
        assertThrows(
            IllegalArgumentException.class,
            () -> person("al").member(A).customRoles(single).workspaceRole(WS_A, "READER").build());
    assertEquals(
        "user al is given custom role READER of a single-account application (new"
            + " CustomRoles(matrix), no account named) in workspace \"ws-a\" of account \"acct-a\": a"
            + " custom role is held only in its own account's workspaces",
        noAccount.getMessage());
    // In a single-account application it is that account's.
    Principal reader =
        Principal.user("al")
            .matrix(MATRIX)
            .directory(SINGLE)
            .customRoles(single)
            .workspaceRole("ws", "READER")
            .build();
    require(VIEW_X).check(fixed(reader), "ws", "Things.view");
  }

  @Test
  void denialToAListener_namesTheRolesAMemberWouldNeed_andOnlyThisAccountsCustomRoles() {
    CustomRoles ofA = new CustomRoles(MATRIX, A);
    ofA.define("REMOVER", VIEWER, DELETE_X);
    CustomRoles ofB = new CustomRoles(MATRIX, B);
    ofB.define("ERASER", VIEWER, DELETE_X);
    Principal amy = person("amy").member(A).customRoles(ofA).build();
    Principal bob = person("bob").member(B).customRoles(ofB).build();
    Decisions.setListener(decisions::add);
    assertThrows(
        AccessDeniedException.class,
        () -> require(DELETE_X).check(fixed(amy), WS_B, "Things.delete"));
    assertEquals(
        List.of("workspace DEVELOPER", "workspace OWNER", "account ADMIN"),
        decisions.get(0).wouldAllow(),
        "not a member: the roles a member would need");
    assertEquals(B, decisions.get(0).account(), "the listener is told the account");
    assertThrows(
        AccessDeniedException.class,
        () -> require(DELETE_X).check(fixed(amy), WS_A, "Things.delete"));
    assertEquals(
        List.of(
            "workspace DEVELOPER",
            "workspace OWNER",
            "workspace REMOVER (custom)",
            "account ADMIN"),
        decisions.get(1).wouldAllow());
    assertThrows(
        AccessDeniedException.class,
        () -> require(DELETE_X).check(fixed(bob), WS_A, "Things.delete"));
    assertEquals(
        List.of("workspace DEVELOPER", "workspace OWNER", "account ADMIN"),
        decisions.get(2).wouldAllow(),
        "B's custom role holds nothing in A");
    assertThrows(
        AccessDeniedException.class,
        () -> require(EDIT_ACCOUNT).checkInAccount(fixed(bob), A, "Accounts.edit"));
    assertEquals(
        List.of("account ADMIN"),
        decisions.get(3).wouldAllow(),
        "an account requirement: no workspace role answers it");
  }

  @Test
  void aCapturedContext_findsTheWorkspacesAccountAgainWhenItRuns() {
    InMemoryAccountDirectory later = directory().add(A, "ws-new");
    Principal eve =
        Principal.user("eve")
            .matrix(MATRIX)
            .directory(later)
            .member(A)
            .workspaceRole("ws-new", OWNER)
            .build();
    dev.rolegate.runtime.PrincipalContext context;
    try (PrincipalScope scope = CurrentPrincipal.bind(eve, "ws-new")) {
      require(VIEW_X).check(CurrentPrincipal.source(), "ws-new", "Things.view");
      context = dev.rolegate.runtime.PrincipalContext.capture();
    }
    later.remove("ws-new");
    later.add(B, "ws-new");
    // A scheduled task run with the context long after: the workspace is B's now.
    assertThrows(
        AccessDeniedException.class,
        () ->
            context.run(
                () -> require(VIEW_X).check(CurrentPrincipal.source(), "ws-new", "Things.view")));
  }
}
