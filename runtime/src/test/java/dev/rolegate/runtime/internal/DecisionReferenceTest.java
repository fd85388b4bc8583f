package dev.rolegate.runtime.internal;

import static dev.rolegate.runtime.TestMatrix.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CustomRoles;
import dev.rolegate.runtime.Decision;
import dev.rolegate.runtime.Decisions;
import dev.rolegate.runtime.Level;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Permission;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalSource;
import dev.rolegate.runtime.Role;
import dev.rolegate.runtime.TestMatrix;
import dev.rolegate.runtime.WorkspaceDefaults;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every requirement shape over the test matrix, for principals holding every role combination, in
 * named, defaulted, foreign, missing and blank workspaces: the guard's answer, the roles a denial
 * says would have been allowed, and what an allowed decision says granted it, all equal a slow
 * reference written in this test straight from the rules (role in the workspace: explicit, else the
 * workspace default; plus the account role's everywhere role in a named workspace; account
 * permissions from the account role only). The reference knows the roles' permissions from the
 * table in {@link dev.rolegate.runtime.TestMatrix}'s documentation, not from {@code Role}.
 */
class DecisionReferenceTest {
  private static final String OP = "Things.do";
  private static final String WS = "ws";
  private static final String DEFAULTED = "ws-default";
  private static final UUID UUID_WS = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

  /** The test matrix's closed permission sets, from its documented table. */
  private static final Map<String, Set<String>> HOLDS =
      Map.of(
          VIEWER,
          Set.of(VIEW_X),
          DEVELOPER,
          Set.of(VIEW_X, EDIT_X, DELETE_X),
          OWNER,
          Set.of(VIEW_X, EDIT_X, DELETE_X, VIEW_SECRETS),
          "AUDITOR",
          Set.of(VIEW_X, VIEW_SECRETS),
          MEMBER,
          Set.of(VIEW_ACCOUNT),
          ADMIN,
          Set.of(VIEW_ACCOUNT, EDIT_ACCOUNT));

  private static final Map<String, String> EVERYWHERE = Map.of(ADMIN, OWNER);
  private static final Set<String> ACCOUNT_PERMISSIONS = Set.of(VIEW_ACCOUNT, EDIT_ACCOUNT);
  private static final List<String> WORKSPACE_ROLES = List.of(VIEWER, DEVELOPER, OWNER);
  private static final List<String> ACCOUNT_ROLES = List.of(MEMBER, ADMIN);
  private static final List<String> PERMISSIONS =
      List.of(VIEW_X, EDIT_X, DELETE_X, VIEW_SECRETS, VIEW_ACCOUNT, EDIT_ACCOUNT);

  private static final CustomRoles CUSTOM = new CustomRoles(MATRIX);
  private static final WorkspaceDefaults DEFAULTS = new WorkspaceDefaults(CUSTOM);

  static {
    CUSTOM.define("AUDITOR", VIEWER, VIEW_SECRETS);
    DEFAULTS.setDefaultRole(DEFAULTED, VIEWER);
  }

  private final List<Decision> decisions = new ArrayList<>();

  @AfterEach
  void removeListener() {
    Decisions.setListener(null);
  }

  /** A principal as the reference sees it. */
  private record Subject(
      Principal principal, String wsRole, String home, String account, boolean defaults) {
    /** The workspace role held in {@code workspace}, by the rules, or null. */
    String roleIn(String workspace) {
      boolean uuid = home.equals(UUID_WS.toString());
      if (wsRole != null
          && (home.equals(workspace) || (uuid && home.equalsIgnoreCase(workspace)))) {
        return wsRole;
      }
      return defaults && DEFAULTED.equals(workspace) ? VIEWER : null;
    }
  }

  private static List<Subject> subjects() {
    List<Subject> subjects = new ArrayList<>();
    List<String> wsRoles =
        new ArrayList<>(Arrays.asList(null, VIEWER, DEVELOPER, OWNER, "AUDITOR"));
    for (String wsRole : wsRoles) {
      for (String account : ACCOUNT_ROLES) {
        for (boolean defaults : new boolean[] {false, true}) {
          for (boolean byUuid : new boolean[] {false, true}) {
            if (byUuid && wsRole == null) {
              continue;
            }
            Principal.Builder builder =
                Principal.user("u")
                    .directory(TestMatrix.SINGLE)
                    .customRoles(CUSTOM)
                    .accountRole(account);
            if (wsRole != null) {
              if (byUuid) {
                builder.workspaceRole(UUID_WS, wsRole);
              } else {
                builder.workspaceRole(WS, wsRole);
              }
            }
            if (defaults) {
              builder.workspaceDefaults(DEFAULTS);
            }
            subjects.add(
                new Subject(
                    builder.build(), wsRole, byUuid ? UUID_WS.toString() : WS, account, defaults));
          }
        }
      }
    }
    return subjects;
  }

  private record Shape(boolean any, List<String> names) {
    Requirement requirement() {
      Permission[] permissions = names.stream().map(n -> permission(n)).toArray(Permission[]::new);
      return any ? Requirement.anyOf(permissions) : Requirement.allOf(permissions);
    }

    boolean workspaceLevel() {
      return names.stream().anyMatch(n -> !ACCOUNT_PERMISSIONS.contains(n));
    }
  }

  private static List<Shape> shapes() {
    List<Shape> shapes = new ArrayList<>();
    for (int i = 0; i < PERMISSIONS.size(); i++) {
      shapes.add(new Shape(false, List.of(PERMISSIONS.get(i))));
      for (int j = i + 1; j < PERMISSIONS.size(); j++) {
        shapes.add(new Shape(false, List.of(PERMISSIONS.get(i), PERMISSIONS.get(j))));
        shapes.add(new Shape(true, List.of(PERMISSIONS.get(j), PERMISSIONS.get(i))));
      }
    }
    shapes.add(new Shape(false, List.of(VIEW_X, EDIT_X, VIEW_ACCOUNT)));
    shapes.add(new Shape(true, List.of(VIEW_SECRETS, EDIT_ACCOUNT, DELETE_X)));
    return shapes;
  }

  private static boolean named(String workspace) {
    return workspace != null && !workspace.isBlank();
  }

  /**
   * The rules: whether {@code wsRole} in the workspace, with this account role, satisfies the
   * shape.
   */
  private static boolean reference(Shape shape, String wsRole, String account, boolean named) {
    int held = 0;
    for (String permission : shape.names()) {
      boolean has;
      if (ACCOUNT_PERMISSIONS.contains(permission)) {
        has = HOLDS.get(account).contains(permission);
      } else {
        String everywhere = named ? EVERYWHERE.get(account) : null;
        has =
            (wsRole != null && HOLDS.get(wsRole).contains(permission))
                || (everywhere != null && HOLDS.get(everywhere).contains(permission));
      }
      held += has ? 1 : 0;
    }
    return shape.any() ? held > 0 : held == shape.names().size();
  }

  /** The roles that would have allowed the call, everything else about the principal unchanged. */
  private static List<String> referenceWouldAllow(Shape shape, Subject subject, String workspace) {
    boolean named = named(workspace);
    List<String> entries = new ArrayList<>();
    if (shape.workspaceLevel()) {
      for (String role : WORKSPACE_ROLES) {
        if (reference(shape, role, subject.account(), named)) {
          entries.add("workspace " + role);
        }
      }
    }
    for (String account : ACCOUNT_ROLES) {
      if (reference(shape, subject.roleIn(workspace), account, named)) {
        entries.add("account " + account);
      }
    }
    if (shape.workspaceLevel() && reference(shape, "AUDITOR", subject.account(), named)) {
      entries.add(
          entries.size() - (int) entries.stream().filter(e -> e.startsWith("account")).count(),
          "workspace AUDITOR (custom)");
    }
    return entries;
  }

  private static String referenceGrantedBy(Shape shape, Subject subject, String workspace) {
    String role = subject.roleIn(workspace);
    if (shape.workspaceLevel()
        && role != null
        && reference(shape, role, subject.account(), false)) {
      String described = role.equals("AUDITOR") ? "AUDITOR (VIEWER + VIEW_SECRETS)" : role;
      return described + " in " + workspace;
    }
    String everywhere = EVERYWHERE.get(subject.account());
    if (!shape.workspaceLevel() || everywhere == null) {
      return "account role " + subject.account() + " in acme";
    }
    return "account "
        + subject.account()
        + " in acme (workspace "
        + everywhere
        + " in the account's workspaces)";
  }

  private static boolean allowed(
      Requirement requirement, PrincipalSource source, String workspace) {
    try {
      requirement.check(source, workspace, OP);
      return true;
    } catch (AccessDeniedException denied) {
      return false;
    }
  }

  @Test
  void everyShapeSubjectAndWorkspace_decisionEqualsTheReference() {
    Decisions.setListener(decisions::add);
    List<String> workspaces = Arrays.asList(WS, DEFAULTED, "elsewhere", null, "", " \t");
    int checked = 0;
    for (Shape shape : shapes()) {
      Requirement requirement = shape.requirement();
      for (Subject subject : subjects()) {
        for (String workspace : workspaces) {
          // A call that names a workspace never runs without one, whatever it needs.
          boolean expected =
              named(workspace)
                  && reference(shape, subject.roleIn(workspace), subject.account(), true);
          String context = shape + " " + subject + " in [" + workspace + "]";
          decisions.clear();
          assertEquals(expected, allowed(requirement, subject::principal, workspace), context);
          assertEquals(1, decisions.size(), context);
          Decision decision = decisions.get(0);
          assertEquals(expected, decision.allowed(), context);
          if (expected) {
            assertEquals(
                referenceGrantedBy(shape, subject, workspace), decision.grantedBy(), context);
            assertEquals(List.of(), decision.wouldAllow(), context);
          } else {
            List<String> wouldAllow =
                named(workspace) ? referenceWouldAllow(shape, subject, workspace) : List.of();
            assertEquals(wouldAllow, decision.wouldAllow(), context);
            assertEquals("", decision.grantedBy(), context);
          }
          checked++;
        }
      }
    }
    assertEquals(38 * 36 * 6, checked);
  }

  @Test
  void uuidAndBoundWorkspaceOverloads_answerAsTheStringOverload() {
    for (Shape shape : shapes()) {
      Requirement requirement = shape.requirement();
      for (Subject subject : subjects()) {
        String context = shape + " " + subject;
        boolean byString =
            allowed(requirement, subject::principal, UUID_WS.toString().toUpperCase());
        boolean byUuid;
        try {
          requirement.check(subject::principal, UUID_WS, OP);
          byUuid = true;
        } catch (AccessDeniedException denied) {
          byUuid = false;
        }
        assertEquals(byString, byUuid, context);
        assertEquals(
            reference(shape, subject.roleIn(UUID_WS.toString()), subject.account(), true),
            byUuid,
            context);
        for (String workspace : Arrays.asList(WS, DEFAULTED, null, " ")) {
          PrincipalSource bound =
              new PrincipalSource() {
                @Override
                public Principal current() {
                  return subject.principal();
                }

                @Override
                public String currentWorkspace() {
                  return workspace;
                }
              };
          boolean viaBound;
          try {
            requirement.check(bound, OP);
            viaBound = true;
          } catch (AccessDeniedException denied) {
            viaBound = false;
          }
          // An account requirement names no workspace, and here no account: denied.
          boolean expected =
              shape.workspaceLevel() && allowed(requirement, subject::principal, workspace);
          assertEquals(expected, viaBound, context + " bound " + workspace);
        }
      }
    }
  }

  @Test
  void principalOfAnotherMatrixWithTheSameShape_isDeniedEverything() {
    Matrix other = build("Other Matrix");
    Principal stranger =
        Principal.user("s")
            .directory(TestMatrix.SINGLE)
            .matrix(other)
            .accountRole(ADMIN)
            .workspaceRole(WS, OWNER)
            .build();
    Decisions.setListener(decisions::add);
    for (Shape shape : shapes()) {
      decisions.clear();
      assertEquals(false, allowed(shape.requirement(), () -> stranger, WS), shape.toString());
      // Roles of another matrix say nothing about which of this matrix's roles would do.
      assertEquals(List.of(), decisions.get(0).wouldAllow(), shape.toString());
    }
    AccessDeniedException denial =
        assertThrows(
            AccessDeniedException.class,
            () -> Requirement.allOf(permission(VIEW_X)).check(() -> stranger, WS, OP));
    assertEquals(
        "access denied: user s may not call Things.do, which requires VIEW_X in workspace \"ws\";"
            + " s's roles come from matrix Other Matrix (test-matrix.md), but this guard checks matrix"
            + " Test Matrix (test-matrix.md)",
        denial.getMessage());
  }

  @Test
  void denialMessages_sayWhyForEachKindOfDenial() {
    Principal viewer =
        Principal.user("vic")
            .directory(TestMatrix.SINGLE)
            .matrix(MATRIX)
            .workspaceRole(WS, VIEWER)
            .build();
    Requirement delete = Requirement.allOf(permission(DELETE_X));
    assertEquals(
        "access denied: user vic may not call Things.do, which requires DELETE_X in a workspace,"
            + " but the call names no workspace (no @WorkspaceId argument and none bound)",
        assertThrows(
                AccessDeniedException.class, () -> delete.check(() -> viewer, (String) null, OP))
            .getMessage());
    assertEquals(
        "access denied: user vic may not call Things.do, which requires DELETE_X in a workspace,"
            + " but the workspace id is empty or blank",
        assertThrows(AccessDeniedException.class, () -> delete.check(() -> viewer, " ", OP))
            .getMessage());
    assertEquals(
        "access denied: user vic may not call Things.do, which requires DELETE_X in workspace"
            + " \"ws\" of account \"acme\"; vic holds VIEWER there, account role MEMBER. Allowed: workspace role DEVELOPER, OWNER;"
            + " account role ADMIN",
        assertThrows(AccessDeniedException.class, () -> delete.check(() -> viewer, WS, OP))
            .getMessage());
    Requirement editAccount = Requirement.allOf(permission(EDIT_ACCOUNT));
    assertEquals(
        "access denied: user vic may not call Things.do, which requires EDIT_ACCOUNT in"
            + " account \"acme\"; vic holds account role MEMBER. Allowed: account role ADMIN",
        assertThrows(
                AccessDeniedException.class,
                () -> editAccount.checkInAccount(() -> viewer, ACCOUNT, OP))
            .getMessage());
    assertEquals(
        "access denied: user vic may not call Things.do, which requires EDIT_ACCOUNT, but"
            + " the call names no account (no @AccountId argument, none bound, and no workspace whose"
            + " account it would be)",
        assertThrows(AccessDeniedException.class, () -> editAccount.check(() -> viewer, OP))
            .getMessage());
    Requirement both = Requirement.anyOf(permission(VIEW_SECRETS), permission(EDIT_ACCOUNT));
    assertEquals(
        "access denied: user vic may not call Things.do, which requires one of VIEW_SECRETS,"
            + " EDIT_ACCOUNT in workspace \"ws\" of account \"acme\"; vic holds VIEWER there, account role MEMBER. Allowed:"
            + " workspace role OWNER; account role ADMIN",
        assertThrows(AccessDeniedException.class, () -> both.check(() -> viewer, WS, OP))
            .getMessage());
  }

  @Test
  void denialMessage_permissionNoRoleHolds_saysSo() {
    Matrix bare =
        builderWithPermissions("Bare")
            .role(VIEWER, Level.WORKSPACE, new long[] {VIEWER_BITS}, "", "sees")
            .role(MEMBER, Level.ACCOUNT, new long[] {MEMBER_BITS}, "", "member")
            .defaultAccountRole(MEMBER)
            .build();
    Principal p =
        Principal.user("p")
            .directory(TestMatrix.SINGLE)
            .matrix(bare)
            .workspaceRole(WS, VIEWER)
            .build();
    Requirement secrets = Requirement.allOf(bare.permission(VIEW_SECRETS).orElseThrow());
    assertEquals(
        "access denied: user p may not call Things.do, which requires VIEW_SECRETS in workspace"
            + " \"ws\" of account \"acme\"; p holds VIEWER there, account role MEMBER. Allowed: no role of matrix Bare (test-matrix.md)",
        assertThrows(AccessDeniedException.class, () -> secrets.check(() -> p, WS, OP))
            .getMessage());
  }

  @Test
  void matrixWithoutAccountRoles_accountPermissionIsDenied_workspaceOneWorks() {
    Matrix noAccounts =
        builderWithPermissions("No Accounts")
            .role(OWNER, Level.WORKSPACE, new long[] {OWNER_BITS}, "", "owns")
            .build();
    Principal p =
        Principal.user("p")
            .directory(TestMatrix.SINGLE)
            .matrix(noAccounts)
            .workspaceRole(WS, OWNER)
            .build();
    assertEquals(null, p.accountRole(TestMatrix.ACCOUNT));
    Decisions.setListener(decisions::add);
    Requirement view = Requirement.allOf(noAccounts.permission(VIEW_X).orElseThrow());
    assertTrue(allowed(view, () -> p, WS));
    assertEquals("OWNER in ws", decisions.get(0).grantedBy());
    Requirement account = Requirement.allOf(noAccounts.permission(VIEW_ACCOUNT).orElseThrow());
    assertEquals(false, allowed(account, () -> p, WS));
    AccessDeniedException denial =
        assertThrows(AccessDeniedException.class, () -> account.check(() -> p, WS, OP));
    assertEquals(
        "access denied: user p may not call Things.do, which requires VIEW_ACCOUNT in account"
            + " \"acme\"; p holds account role none. Allowed: no role of matrix No Accounts (test-matrix.md)",
        denial.getMessage());
    Requirement either =
        Requirement.anyOf(
            noAccounts.permission(VIEW_ACCOUNT).orElseThrow(),
            noAccounts.permission(VIEW_X).orElseThrow());
    decisions.clear();
    assertTrue(allowed(either, () -> p, WS));
    assertEquals("OWNER in ws", decisions.get(0).grantedBy());
    decisions.clear();
    Principal nobody = Principal.user("n").directory(TestMatrix.SINGLE).matrix(noAccounts).build();
    assertTrue(!allowed(either, () -> nobody, WS));
    assertEquals(List.of("workspace OWNER"), decisions.get(0).wouldAllow());
  }

  @Test
  void failureWhileResolving_deniesWithoutNamingRoles() {
    Decisions.setListener(decisions::add);
    Requirement view = Requirement.allOf(permission(VIEW_X));
    PrincipalSource broken =
        new PrincipalSource() {
          @Override
          public Principal current() {
            return Principal.user("b")
                .directory(TestMatrix.SINGLE)
                .matrix(MATRIX)
                .accountRole(ADMIN)
                .build();
          }

          @Override
          public String currentWorkspace() {
            throw new IllegalStateException("no");
          }
        };
    AccessDeniedException denial =
        assertThrows(AccessDeniedException.class, () -> view.check(broken, OP));
    assertEquals(
        "access denied for Things.do: reading the bound workspace failed"
            + " (java.lang.IllegalStateException), so the call is denied",
        denial.getMessage());
    assertEquals(List.of(), decisions.get(0).wouldAllow());
    assertEquals(false, decisions.get(0).allowed());
  }

  @Test
  void referenceSanity_subjectsAndShapesCoverTheCases() {
    // The property above is only as strong as its inputs: every role and account role, defaults,
    // UUID spellings, both modes and both levels.
    List<Subject> subjects = subjects();
    assertEquals(36, subjects.size());
    Map<Boolean, Integer> modes = new LinkedHashMap<>();
    shapes().forEach(s -> modes.merge(s.any(), 1, Integer::sum));
    assertEquals(Map.of(false, 22, true, 16), modes);
    Role auditor = CUSTOM.find("AUDITOR").orElseThrow();
    for (String p : PERMISSIONS) {
      assertEquals(HOLDS.get("AUDITOR").contains(p), auditor.holds(permission(p)), p);
      for (String role : List.of(VIEWER, DEVELOPER, OWNER, MEMBER, ADMIN)) {
        assertEquals(HOLDS.get(role).contains(p), role(role).holds(permission(p)), role + " " + p);
      }
    }
  }
}
