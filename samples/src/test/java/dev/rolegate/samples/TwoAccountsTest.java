package dev.rolegate.samples;

import static dev.rolegate.samples.SampleData.ACME;
import static dev.rolegate.samples.SampleData.DEPLOYMENT;
import static dev.rolegate.samples.SampleData.GLOBEX;
import static dev.rolegate.samples.SampleData.GLOBEX_DEPLOYMENT;
import static dev.rolegate.samples.SampleData.GLOBEX_WORKSPACE;
import static dev.rolegate.samples.SampleData.STAGING;
import static dev.rolegate.samples.SampleData.WORKSPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.prefect.AccountRoles;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.samples.account.AccountMember;
import dev.rolegate.samples.account.AccountSettings;
import dev.rolegate.samples.deployments.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample's two accounts through the generated guards: a person in both ({@link TwoAccounts}'
 * ada, ADMIN in acme and MEMBER in globex), account-level calls naming their account, workspaces of
 * another account, unknown workspaces, and principals that cannot be built because they mix the
 * accounts.
 */
class TwoAccountsTest {
  private final PrefectServices guarded = SampleData.seeded();

  /** The same services, read as the OWNER of both accounts. */
  private final PrefectServices plain = OwnerView.of(guarded);

  private final Principal ada = TwoAccounts.ada(plain.defaults());

  private static AccessDeniedException denied(Principal principal, Runnable call) {
    return assertThrows(AccessDeniedException.class, () -> CurrentPrincipal.runAs(principal, call));
  }

  @Test
  void theDirectoryPlacesEachWorkspaceInItsAccount() {
    assertEquals(ACME, SampleData.accounts().accountOf(WORKSPACE));
    assertEquals(ACME, SampleData.accounts().accountOf(STAGING));
    assertEquals(GLOBEX, SampleData.accounts().accountOf(GLOBEX_WORKSPACE));
    assertNull(SampleData.accounts().accountOf("ws-unknown"));
    assertEquals(List.of(GLOBEX_WORKSPACE), plain.workspaces().list(GLOBEX));
  }

  @Test
  void adminOfAcmeDeletesInAcmesWorkspaceAsItsOwner() {
    assertEquals(WorkspaceRoles.OWNER, ada.accountRole(ACME).everywhere().name());
    CurrentPrincipal.runAs(
        ada, () -> assertTrue(guarded.deployments().delete(WORKSPACE, DEPLOYMENT)));
    assertEquals(List.of(), plain.deployments().list(WORKSPACE));
  }

  @Test
  void memberOfGlobexMayNotDeleteInGlobexsWorkspace() {
    AccessDeniedException denial =
        denied(ada, () -> guarded.deployments().delete(GLOBEX_WORKSPACE, GLOBEX_DEPLOYMENT));
    assertEquals(
        "access denied: user ada may not call DeploymentService.delete, which requires"
            + " DELETE_DEPLOYMENTS in workspace \"ws-globex\" of account \"acct-globex\"; ada holds no"
            + " role there, account role MEMBER. Allowed: workspace role DEVELOPER, OWNER; account role"
            + " ADMIN, OWNER",
        denial.getMessage());
    assertEquals(GLOBEX, denial.account());
    assertEquals(GLOBEX_WORKSPACE, denial.workspace());
    assertEquals(
        GLOBEX_DEPLOYMENT, plain.deployments().read(GLOBEX_WORKSPACE, GLOBEX_DEPLOYMENT).id());
  }

  @Test
  void memberOfGlobexReadsItsSettingsButMayNotEditThem() {
    AccountSettings before = plain.account().settings(GLOBEX);
    assertEquals(new AccountSettings("Globex", false), before);
    CurrentPrincipal.runAs(ada, () -> assertEquals(before, guarded.account().settings(GLOBEX)));
    AccessDeniedException denial =
        denied(
            ada, () -> guarded.account().edit(GLOBEX, new AccountSettings("Globex by ada", true)));
    assertEquals(
        "access denied: user ada may not call AccountSettingsService.edit, which requires"
            + " EDIT_ACCOUNT_SETTINGS in account \"acct-globex\"; ada holds account role MEMBER."
            + " Allowed: account role ADMIN, OWNER",
        denial.getMessage());
    assertEquals(GLOBEX, denial.account());
    assertEquals(before, plain.account().settings(GLOBEX), "unchanged");
    // In acme, where ada is ADMIN, the same edit goes through, and globex's settings stay apart.
    CurrentPrincipal.runAs(
        ada, () -> guarded.account().edit(ACME, new AccountSettings("Acme by ada", true)));
    assertEquals(new AccountSettings("Acme by ada", true), plain.account().settings(ACME));
    assertEquals(before, plain.account().settings(GLOBEX));
  }

  @Test
  void anAccountIdCallInAnAccountTheCallerIsNoMemberOfIsDenied() {
    Principal acmeOwner = TestPrincipals.account(AccountRoles.OWNER);
    AccessDeniedException denial = denied(acmeOwner, () -> guarded.accountMembers().list(GLOBEX));
    assertEquals(GLOBEX, denial.account());
    assertTrue(
        denial
            .getMessage()
            .contains(
                "in account \"acct-globex\"; account-owner is no member of account \"acct-globex\""),
        denial.getMessage());
    denied(acmeOwner, () -> guarded.serviceAccounts().create(GLOBEX, "intruder"));
    assertEquals(List.of(), plain.serviceAccounts().list(GLOBEX), "nothing created");
    Principal gus = TwoAccounts.gus(plain.defaults());
    denied(gus, () -> guarded.account().settings(ACME));
    CurrentPrincipal.runAs(
        gus, () -> assertEquals(2, guarded.accountMembers().list(GLOBEX).size()));
  }

  @Test
  void accountDataIsKeptPerAccount() {
    CurrentPrincipal.runAs(
        ada, () -> guarded.accountMembers().invite(ACME, "dave", AccountRoles.MEMBER));
    assertEquals(
        List.of(
            new AccountMember(SampleData.MEMBER, AccountRoles.MEMBER),
            new AccountMember(TwoAccounts.ADA, AccountRoles.ADMIN),
            new AccountMember(TwoAccounts.CAROL, AccountRoles.MEMBER),
            new AccountMember("dave", AccountRoles.MEMBER)),
        plain.accountMembers().list(ACME));
    assertEquals(
        List.of(
            new AccountMember(TwoAccounts.ADA, AccountRoles.MEMBER),
            new AccountMember(TwoAccounts.GUS, AccountRoles.MEMBER)),
        plain.accountMembers().list(GLOBEX));
    assertEquals(1, plain.serviceAccounts().list(ACME).size());
    assertEquals(List.of(), plain.serviceAccounts().list(GLOBEX));
  }

  @Test
  void anUnknownWorkspaceIsDeniedEvenToTheOwnerOfEveryAccount() {
    AccessDeniedException denial =
        denied(OwnerView.OWNER, () -> guarded.deployments().list("ws-unknown"));
    assertEquals(
        "access denied: user test-reader may not call DeploymentService.list, which requires"
            + " VIEW_DEPLOYMENTS in workspace \"ws-unknown\", but the account directory knows no account"
            + " for workspace \"ws-unknown\", so the call is denied (add the workspace to its account's"
            + " directory)",
        denial.getMessage());
    assertNull(denial.account());
    denied(
        ada, () -> guarded.deployments().create("ws-unknown", new Deployment("d", "d", "f", "p")));
  }

  @Test
  void aServiceAccountOfAcmeCannotBeGivenARoleInAGlobexWorkspace() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Principal.serviceAccount("acme-bot")
                    .directory(SampleData.accounts())
                    .member(ACME)
                    .workspaceRole(GLOBEX_WORKSPACE, WorkspaceRoles.WORKER)
                    .build());
    assertEquals(
        "service account acme-bot is given WORKER in workspace \"ws-globex\" of account"
            + " \"acct-globex\", but is no member of that account: a workspace role is held only by"
            + " members of the workspace's account (add member(\"acct-globex\") or drop the role)",
        refused.getMessage());
    // Nor can it join globex as well: a service account belongs to exactly one account.
    IllegalArgumentException twoAccounts =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Principal.serviceAccount("acme-bot")
                    .directory(SampleData.accounts())
                    .member(ACME)
                    .member(GLOBEX)
                    .workspaceRole(GLOBEX_WORKSPACE, WorkspaceRoles.WORKER)
                    .build());
    assertTrue(
        twoAccounts
            .getMessage()
            .startsWith("service account acme-bot belongs to exactly one" + " account"),
        twoAccounts.getMessage());
  }

  @Test
  void theAppSectionShowsEachOutcome() {
    List<TwoAccounts.Step> ada = TwoAccounts.adaInBothAccounts();
    assertEquals(
        List.of(true, false, true, false), ada.stream().map(TwoAccounts.Step::allowed).toList());
    assertEquals(
        "granted by account ADMIN in acct-acme (workspace OWNER in the account's workspaces)",
        ada.get(0).detail());
    assertEquals("granted by account role MEMBER in acct-globex", ada.get(2).detail());
    assertTrue(ada.get(1).detail().contains("of account \"acct-globex\""), ada.get(1).detail());
    assertTrue(ada.get(3).detail().contains("in account \"acct-globex\""), ada.get(3).detail());
    List<TwoAccounts.Step> defaults = TwoAccounts.defaultStaysInItsAccount();
    assertEquals(
        List.of(true, true, false), defaults.stream().map(TwoAccounts.Step::allowed).toList());
    assertEquals("granted by VIEWER in ws-prod (the workspace default)", defaults.get(1).detail());
    assertTrue(
        defaults.get(2).detail().contains("gus is no member of the workspace's account"),
        defaults.get(2).detail());
    assertFalse(defaults.get(2).detail().contains(SampleData.BLOCK_SECRET));
  }
}
