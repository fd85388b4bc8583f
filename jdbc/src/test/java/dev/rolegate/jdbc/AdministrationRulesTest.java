package dev.rolegate.jdbc;

import static dev.rolegate.jdbc.MembershipException.Reason.DUPLICATE;
import static dev.rolegate.jdbc.MembershipException.Reason.ESCALATION;
import static dev.rolegate.jdbc.MembershipException.Reason.LAST_OWNER;
import static dev.rolegate.jdbc.MembershipException.Reason.NOT_A_MEMBER;
import static dev.rolegate.jdbc.MembershipException.Reason.NOT_FOUND;
import static dev.rolegate.jdbc.MembershipException.Reason.NOT_PERMITTED;
import static dev.rolegate.jdbc.MembershipException.Reason.SERVICE_ACCOUNT;
import static dev.rolegate.jdbc.MembershipException.Reason.UNKNOWN_ROLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.jdbc.testing.TestDatabase;
import dev.rolegate.prefect.PrefectCloudCapabilityTable;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalKind;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who may grant what, on H2 and on a real PostgreSQL server: each rule of the administration
 * services through their generated guards, each refusal with its reason and message, and the
 * database unchanged after it.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class AdministrationRulesTest {
  @Parameter TestDatabase database;

  private Fixture db;

  @BeforeEach
  void seed() {
    db = new Fixture(database, "rules").seeded();
  }

  // Account members: MANAGE_ACCOUNT_MEMBERS (account ADMIN, OWNER).

  @Test
  void ownerGrantsEveryAccountRole() {
    AccountAdministration owner = db.accounts("olivia");
    assertEquals(
        new Member("ann", PrincipalKind.USER, "OWNER"),
        owner.addMember("acct-acme", "ann", "OWNER"));
    assertEquals(
        new Member("mia", PrincipalKind.USER, "ADMIN"),
        owner.setAccountRole("acct-acme", "mia", "ADMIN"));
    assertEquals("OWNER", db.store.principal("ann").accountRole("acct-acme").name());
  }

  @Test
  void adminGrantsMemberAndAdminButNotOwner() {
    AccountAdministration admin = db.accounts("adam");
    admin.addMember("acct-acme", "ann", "MEMBER");
    admin.setAccountRole("acct-acme", "ann", "ADMIN");
    db.refused(
        ESCALATION,
        "an account ADMIN may not grant account role OWNER in account"
            + " \"acct-acme\": OWNER holds permissions ADMIN lacks",
        () -> admin.addMember("acct-acme", "bob", "OWNER"));
    db.refused(
        ESCALATION,
        "may not grant account role OWNER",
        () -> admin.setAccountRole("acct-acme", "mia", "OWNER"));
  }

  @Test
  void adminCannotChangeOrRemoveAnOwner() {
    AccountAdministration admin = db.accounts("adam");
    db.refused(
        ESCALATION,
        "may not change the role of \"olivia\", who holds OWNER,",
        () -> admin.setAccountRole("acct-acme", "olivia", "MEMBER"));
    db.refused(
        ESCALATION,
        "may not remove \"olivia\", who holds OWNER,",
        () -> admin.removeMember("acct-acme", "olivia"));
  }

  @Test
  void memberMayNotManageMembersAndTheCallNeverReachesTheDatabase() {
    AccountAdministration member = db.accounts("mia");
    List<String> before = db.rows();
    AccessDeniedException denied =
        assertThrows(
            AccessDeniedException.class, () -> member.addMember("acct-acme", "ann", "MEMBER"));
    assertTrue(denied.getMessage().contains("MANAGE_ACCOUNT_MEMBERS"), denied.getMessage());
    assertEquals(before, db.rows());
    assertEquals(4, member.members("acct-acme").size(), "a MEMBER views the members");
  }

  @Test
  void aMemberOfAnotherAccountHoldsNothingThere() {
    assertThrows(AccessDeniedException.class, () -> db.accounts("gary").members("acct-acme"));
    assertThrows(
        AccessDeniedException.class,
        () -> db.accounts("olivia").addMember("acct-globex", "mia", "OWNER"));
  }

  @Test
  void theLastOwnerStays() {
    AccountAdministration owner = db.accounts("olivia");
    db.refused(
        LAST_OWNER,
        "\"olivia\" is the last OWNER of account \"acct-acme\"; make another"
            + " member OWNER first",
        () -> owner.setAccountRole("acct-acme", "olivia", "ADMIN"));
    db.refused(LAST_OWNER, "last OWNER", () -> owner.removeMember("acct-acme", "olivia"));
    owner.setAccountRole("acct-acme", "adam", "OWNER");
    owner.removeMember("acct-acme", "olivia");
    assertFalse(db.store.principal("olivia").isMemberOf("acct-acme"));
    db.refused(
        LAST_OWNER,
        "\"adam\" is the last OWNER",
        () -> db.accounts("adam").removeMember("acct-acme", "adam"));
  }

  @Test
  void addingTwiceIsADuplicateAndAServiceAccountJoinsNoOtherAccount() {
    AccountAdministration owner = db.accounts("olivia");
    db.refused(
        DUPLICATE,
        "\"mia\" is already a member of account \"acct-acme\"",
        () -> owner.addMember("acct-acme", "mia", "ADMIN"));
    db.accounts("gary").createServiceAccount("acct-globex", "globex-bot", "MEMBER");
    db.refused(
        SERVICE_ACCOUNT,
        "\"acct-globex/globex-bot\" is a service account, which belongs"
            + " to its own account only and is a member there from its creation; create a service"
            + " account in \"acct-acme\" instead",
        () -> owner.addMember("acct-acme", "acct-globex/globex-bot", "MEMBER"));
    db.refused(
        SERVICE_ACCOUNT,
        "delete the service account instead",
        () -> owner.removeMember("acct-acme", "acct-acme/acme-bot"));
  }

  @Test
  void unknownRolesAndNonMembersAreRefused() {
    AccountAdministration owner = db.accounts("olivia");
    db.refused(
        UNKNOWN_ROLE,
        "account role \"Admin\" is not a role of matrix",
        () -> owner.addMember("acct-acme", "ann", "Admin"));
    db.refused(
        UNKNOWN_ROLE,
        "the account roles are MEMBER, ADMIN, OWNER",
        () -> owner.addMember("acct-acme", "ann", "DEVELOPER"));
    db.refused(
        NOT_FOUND,
        "\"nobody\" is no member of account \"acct-acme\"",
        () -> owner.setAccountRole("acct-acme", "nobody", "ADMIN"));
  }

  @Test
  void removingAMemberRemovesTheirWorkspaceRoles() {
    db.workspaces("olivia").setRole("ws-prod", "mia", "DEVELOPER");
    assertEquals(
        "DEVELOPER", db.store.principalIn("mia", "ws-prod").workspaceRole("ws-prod").name());
    db.accounts("adam").removeMember("acct-acme", "mia");
    Principal mia = db.store.principalIn("mia", "ws-prod");
    assertNull(mia.workspaceRole("ws-prod"));
    assertFalse(mia.isMemberOf("acct-acme"));
    assertEquals(
        List.of("rolegate_principal|mia|USER|null"),
        db.rows().stream().filter(row -> row.contains("|mia|")).toList(),
        "the user stays (it may be a member of other accounts); its memberships go");
  }

  // Service accounts: MANAGE_SERVICE_ACCOUNTS (account ADMIN, OWNER).

  @Test
  void serviceAccountsAreCreatedWithAtMostTheCreatorsRole() {
    AccountAdministration admin = db.accounts("adam");
    ServiceAccount created = admin.createServiceAccount("acct-acme", "deployer-bot", "ADMIN");
    assertEquals(new ServiceAccount("acct-acme/deployer-bot", "acct-acme", "ADMIN"), created);
    assertEquals("deployer-bot", created.name());
    db.refused(
        ESCALATION,
        "may not create a service account with account role OWNER",
        () -> admin.createServiceAccount("acct-acme", "root-bot", "OWNER"));
    db.refused(
        DUPLICATE,
        "account \"acct-acme\" already has service account \"deployer-bot\";"
            + " choose another name",
        () -> admin.createServiceAccount("acct-acme", "deployer-bot", "MEMBER"));
    Principal bot = db.store.principal("acct-acme/deployer-bot");
    assertEquals(PrincipalKind.SERVICE_ACCOUNT, bot.kind());
    assertEquals(
        List.of("acct-acme/acme-bot", "acct-acme/deployer-bot"),
        admin.serviceAccounts("acct-acme").stream().map(ServiceAccount::id).toList());
    assertThrows(
        AccessDeniedException.class,
        () -> db.accounts("mia").createServiceAccount("acct-acme", "x-bot", "MEMBER"));
  }

  @Test
  void deletingAServiceAccountTakesItsRolesAndOnlyInItsAccount() {
    db.workspaces("olivia").setRole("ws-prod", "acct-acme/acme-bot", "WORKER");
    db.accounts("adam").deleteServiceAccount("acct-acme", "acme-bot");
    assertTrue(db.rows().stream().noneMatch(row -> row.contains("acme-bot")), db.rows().toString());
    db.accounts("gary").createServiceAccount("acct-globex", "globex-bot", "MEMBER");
    db.refused(
        NOT_FOUND,
        "account \"acct-acme\" has no service account \"globex-bot\"",
        () -> db.accounts("olivia").deleteServiceAccount("acct-acme", "globex-bot"));
    db.refused(
        NOT_FOUND,
        "has no service account \"mia\"",
        () -> db.accounts("olivia").deleteServiceAccount("acct-acme", "mia"));
    assertEquals(PrincipalKind.USER, db.store.principal("mia").kind(), "the user is untouched");
  }

  @Test
  void aServiceAccountNeverTakesAUsersId() {
    ServiceAccount squat = db.accounts("adam").createServiceAccount("acct-acme", "bob", "MEMBER");
    assertEquals("acct-acme/bob", squat.id());
    db.accounts("gary").addMember("acct-globex", "bob", "MEMBER");
    db.provisioning.createAccount("acct-bob", "bob");
    Principal bob = db.store.principal("bob");
    assertEquals(PrincipalKind.USER, bob.kind());
    assertEquals(List.of("acct-bob", "acct-globex"), List.copyOf(bob.accounts().keySet()));
    db.accounts("gary").createServiceAccount("acct-globex", "bob", "MEMBER");
    assertEquals(
        PrincipalKind.SERVICE_ACCOUNT,
        db.store.principal("acct-globex/bob").kind(),
        "each account names its service accounts in its own namespace");
  }

  // Workspaces: CREATE_WORKSPACES (account ADMIN, OWNER); VIEW_WORKSPACES (every member).

  @Test
  void workspacesAreCreatedByAdminsWithNoAccessAndListedByAccess() {
    Workspace created = db.accounts("adam").createWorkspace("acct-acme", "ws-new");
    assertEquals(new Workspace("ws-new", "acct-acme", null), created);
    db.refused(
        DUPLICATE,
        "workspace id \"ws-globex\" is taken; choose another",
        () -> db.accounts("adam").createWorkspace("acct-acme", "ws-globex"));
    assertThrows(
        AccessDeniedException.class,
        () -> db.accounts("mia").createWorkspace("acct-acme", "ws-mine"));
    assertEquals(
        List.of("ws-new", "ws-prod", "ws-staging"),
        db.accounts("adam").workspaces("acct-acme").stream().map(Workspace::id).toList());
    assertEquals(List.of(), db.accounts("mia").workspaces("acct-acme"));
    db.workspaces("olivia").setRole("ws-prod", "mia", "VIEWER");
    db.workspaces("olivia").setDefaultRole("ws-staging", "RUNNER");
    assertEquals(
        List.of("ws-prod", "ws-staging"),
        db.accounts("mia").workspaces("acct-acme").stream().map(Workspace::id).toList());
  }

  @Test
  void aWorkspaceUuidIsOneWorkspaceInEitherCase() {
    String upper = "6F1C6E0A-3B2D-4C5E-9F80-1A2B3C4D5E6F";
    Workspace created = db.accounts("olivia").createWorkspace("acct-acme", upper);
    assertEquals(upper.toLowerCase(java.util.Locale.ROOT), created.id());
    db.workspaces("olivia").setRole(upper, "mia", "RUNNER");
    assertEquals("RUNNER", db.store.principalIn("mia", upper).workspaceRole(upper).name());
    db.refused(
        DUPLICATE,
        "is taken",
        () -> db.accounts("olivia").createWorkspace("acct-acme", upper.toLowerCase()));
  }

  // Workspace members: MANAGE_WORKSPACE_MEMBERS (workspace OWNER; account ADMIN, OWNER).

  @Test
  void aWorkspaceOwnerGrantsEveryWorkspaceRoleOwnerIncluded() {
    db.workspaces("olivia").setRole("ws-prod", "mia", "OWNER");
    db.accounts("olivia").addMember("acct-acme", "ann", "MEMBER");
    WorkspaceAdministration mia = db.workspaces("mia");
    assertEquals(
        new Member("ann", PrincipalKind.USER, "OWNER"), mia.setRole("ws-prod", "ann", "OWNER"));
    assertEquals(
        new Member("ann", PrincipalKind.USER, "VIEWER"), mia.setRole("ws-prod", "ann", "VIEWER"));
    assertEquals(
        new Member("acct-acme/acme-bot", PrincipalKind.SERVICE_ACCOUNT, "WORKER"),
        mia.setRole("ws-prod", "acct-acme/acme-bot", "WORKER"));
    assertEquals(
        List.of(
            new Member("ann", PrincipalKind.USER, "VIEWER"),
            new Member("mia", PrincipalKind.USER, "OWNER")),
        mia.users("ws-prod"));
    assertEquals(
        List.of(new Member("acct-acme/acme-bot", PrincipalKind.SERVICE_ACCOUNT, "WORKER")),
        mia.serviceAccounts("ws-prod"));
    assertThrows(
        AccessDeniedException.class,
        () -> mia.setRole("ws-staging", "ann", "VIEWER"),
        "OWNER of ws-prod only");
  }

  @Test
  void aDeveloperMayNotManageMembers() {
    db.workspaces("olivia").setRole("ws-prod", "mia", "DEVELOPER");
    assertThrows(
        AccessDeniedException.class, () -> db.workspaces("mia").setRole("ws-prod", "mia", "OWNER"));
    assertThrows(
        AccessDeniedException.class,
        () -> db.workspaces("mia").setDefaultRole("ws-prod", "DEVELOPER"));
    assertEquals(
        "DEVELOPER", db.store.principalIn("mia", "ws-prod").workspaceRole("ws-prod").name());
  }

  @Test
  void aCustomRoleGrantsOnlyWhatItHolds() {
    db.provisioning.defineCustomRole(
        "acct-acme", "gatekeeper", "VIEWER", List.of("MANAGE_WORKSPACE_MEMBERS"));
    WorkspaceAdministration owner = db.workspaces("olivia");
    owner.setRole("ws-prod", "mia", "gatekeeper");
    db.accounts("olivia").addMember("acct-acme", "ann", "MEMBER");
    db.accounts("olivia").addMember("acct-acme", "dev", "MEMBER");
    owner.setRole("ws-prod", "dev", "DEVELOPER");
    WorkspaceAdministration mia = db.workspaces("mia");
    assertEquals("VIEWER", mia.setRole("ws-prod", "ann", "VIEWER").role());
    db.refused(
        ESCALATION,
        "the caller may not grant RUNNER in workspace \"ws-prod\": RUNNER"
            + " holds permissions the caller lacks there",
        () -> mia.setRole("ws-prod", "ann", "RUNNER"));
    db.refused(
        ESCALATION,
        "may not change the role of \"dev\", who holds DEVELOPER,",
        () -> mia.setRole("ws-prod", "dev", "VIEWER"));
    db.refused(
        ESCALATION,
        "may not remove \"dev\", who holds DEVELOPER,",
        () -> mia.removeMember("ws-prod", "dev"));
    assertEquals("gatekeeper", mia.setRole("ws-prod", "ann", "gatekeeper").role());
  }

  @Test
  void workspaceRolesAreForMembersOfTheWorkspacesAccountWithItsRoles() {
    WorkspaceAdministration owner = db.workspaces("olivia");
    db.refused(
        NOT_A_MEMBER,
        "\"gary\" is no member of account \"acct-acme\", the account of"
            + " workspace \"ws-prod\"; a workspace role is held only by members of the"
            + " workspace's account: add it to the account first",
        () -> owner.setRole("ws-prod", "gary", "VIEWER"));
    db.provisioning.defineCustomRole("acct-globex", "globex-deployer", "RUNNER", List.of());
    db.refused(
        UNKNOWN_ROLE,
        "workspace role \"globex-deployer\" is neither a role of matrix",
        () -> owner.setRole("ws-prod", "mia", "globex-deployer"));
    db.refused(
        UNKNOWN_ROLE,
        "nor a custom role of account \"acct-acme\"",
        () -> owner.setRole("ws-prod", "mia", "ADMIN"));
    db.refused(
        UNKNOWN_ROLE,
        "workspace role \"Developer\"",
        () -> owner.setRole("ws-prod", "mia", "Developer"));
    db.refused(
        NOT_FOUND,
        "\"mia\" has no role of its own in workspace \"ws-prod\"",
        () -> owner.removeMember("ws-prod", "mia"));
  }

  @Test
  void anAccountAdminManagesEveryWorkspaceOfItsAccountOnly() {
    db.workspaces("adam").setRole("ws-staging", "mia", "DEVELOPER");
    assertThrows(
        AccessDeniedException.class,
        () -> db.workspaces("adam").setRole("ws-globex", "gary", "VIEWER"));
  }

  // The default role: SET_DEFAULT_WORKSPACE_ROLE (workspace OWNER).

  @Test
  void theDefaultRoleReachesEveryMemberWithoutARole() {
    WorkspaceAdministration owner = db.workspaces("olivia");
    assertNull(db.store.principalIn("mia", "ws-prod").workspaceRole("ws-prod"));
    assertEquals(
        new Workspace("ws-prod", "acct-acme", "DEVELOPER"),
        owner.setDefaultRole("ws-prod", "DEVELOPER"));
    assertEquals(
        "DEVELOPER", db.store.principalIn("mia", "ws-prod").workspaceRole("ws-prod").name());
    assertNull(
        db.store.principalIn("gary", "ws-prod").workspaceRole("ws-prod"),
        "a default reaches members of the workspace's account only");
    owner.setNoAccessDefault("ws-prod");
    assertNull(db.store.principalIn("mia", "ws-prod").workspaceRole("ws-prod"));
    assertEquals(new Workspace("ws-prod", "acct-acme", null), owner.workspace("ws-prod"));
  }

  @Test
  void aDefaultBeyondTheCallersOwnIsRefused() {
    db.provisioning.defineStandaloneRole(
        "acct-acme", "default-setter", List.of("SET_DEFAULT_WORKSPACE_ROLE", "VIEW_WORKSPACE"));
    db.workspaces("olivia").setRole("ws-prod", "mia", "default-setter");
    db.refused(
        ESCALATION,
        "may not make VIEWER the default role",
        () -> db.workspaces("mia").setDefaultRole("ws-prod", "VIEWER"));
    db.workspaces("mia").setNoAccessDefault("ws-prod");
  }

  @Test
  void replacingADefaultNeedsWhatTheDefaultGives() {
    db.workspaces("olivia").setDefaultRole("ws-prod", "OWNER");
    db.provisioning.defineStandaloneRole(
        "acct-acme", "defaulter", List.of("SET_DEFAULT_WORKSPACE_ROLE", "VIEW_WORKSPACE"));
    db.workspaces("olivia").setRole("ws-prod", "mia", "defaulter");
    db.refused(
        ESCALATION,
        "the caller may not replace the default role OWNER in workspace" + " \"ws-prod\"",
        () -> db.workspaces("mia").setNoAccessDefault("ws-prod"));
    db.refused(
        ESCALATION,
        "may not replace the default role OWNER",
        () -> db.workspaces("mia").setDefaultRole("ws-prod", "defaulter"));
    db.workspaces("olivia").setNoAccessDefault("ws-prod");
    db.workspaces("mia").setDefaultRole("ws-prod", "defaulter");
  }

  @Test
  void customRoleNamesDifferingOnlyInCaseAreOneName() {
    db.provisioning.defineCustomRole("acct-acme", "auditor", "VIEWER", List.of());
    db.refused(
        DUPLICATE,
        "account \"acct-acme\" already has custom role \"auditor\", which"
            + " differs from \"AUDITOR\" only in letter case",
        () -> db.provisioning.defineCustomRole("acct-acme", "AUDITOR", "DEVELOPER", List.of()));
    db.provisioning.defineCustomRole("acct-globex", "AUDITOR", "VIEWER", List.of());
  }

  // Decided on the database as it stands, not on the request's snapshot.

  @Test
  void anActorDemotedAfterItsRequestStartedIsRefused() {
    Principal adamAtRequestStart = db.store.principalInAccount("adam", "acct-acme");
    db.accounts("olivia").setAccountRole("acct-acme", "adam", "MEMBER");
    AccountAdministration stale =
        JdbcAdministration.accounts(db.store, Fixture.snapshot(adamAtRequestStart));
    db.refused(
        NOT_PERMITTED,
        "\"adam\" does not hold MANAGE_ACCOUNT_MEMBERS in account"
            + " \"acct-acme\" as the database stands (account role \"MEMBER\"); nothing was"
            + " changed",
        () -> stale.addMember("acct-acme", "ann", "MEMBER"));
    Principal oliviaInProd = db.store.principalIn("olivia", "ws-prod");
    db.workspaces("olivia").setRole("ws-prod", "mia", "VIEWER");
    db.accounts("olivia").addMember("acct-acme", "boss", "OWNER");
    db.accounts("boss").setAccountRole("acct-acme", "olivia", "MEMBER");
    db.refused(
        NOT_PERMITTED,
        "\"olivia\" does not hold MANAGE_WORKSPACE_MEMBERS in workspace"
            + " \"ws-prod\" as the database stands",
        () ->
            JdbcAdministration.workspaces(db.store, Fixture.snapshot(oliviaInProd))
                .setRole("ws-prod", "mia", "OWNER"));
  }

  @Test
  void theAdministrationIsGuardedByTheBundledMatrixOnly() {
    JdbcMembershipStore other =
        new JdbcMembershipStore(
            db.dataSource, dev.rolegate.runtime.Matrix.builder("other", "x").build());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JdbcAdministration.accounts(other));
    assertTrue(
        e.getMessage().contains("create the store with" + " PrefectCloudCapabilityTable.matrix()"),
        e.getMessage());
    assertTrue(db.store.matrix() == PrefectCloudCapabilityTable.matrix());
  }
}
