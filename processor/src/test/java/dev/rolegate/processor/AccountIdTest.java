package dev.rolegate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.processor.GeneratedCode.Recorder;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.InMemoryAccountDirectory;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.runtime.PrincipalSource;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Generated guards deciding in accounts, called with real principals: two accounts, acct-a
 * (workspaces ws-a1, ws-a2 and the UUID account's none) and acct-b (ws-b1). In the test matrix,
 * DELETE_THINGS is a workspace OWNER permission (held by account ADMIN through OWNER everywhere),
 * EDIT_ACCOUNT an account ADMIN one, VIEW_ACCOUNT every member's.
 */
class AccountIdTest {
  private static final String UUID_ACCOUNT = "6f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c";
  private static final AccountDirectory DIRECTORY =
      new InMemoryAccountDirectory()
          .add("acct-a", "ws-a1", "ws-a2")
          .add("acct-b", "ws-b1")
          .add(UUID_ACCOUNT, "ws-u1");

  private static final String ACCOUNTS =
      """
      package test;
      import dev.rolegate.annotations.*;
      import java.util.UUID;
      public interface Accounts {
        @RequiresPermission(Permissions.DELETE_THINGS)
        String purge(@WorkspaceId String ws);
        @RequiresPermission(Permissions.EDIT_ACCOUNT)
        String invite(@AccountId String account);
        @RequiresPermission(Permissions.EDIT_THINGS)
        String move(@AccountId String account, @WorkspaceId String ws);
        @RequiresPermission(Permissions.VIEW_ACCOUNT)
        @BoundAccount
        String plan();
        @RequiresPermission(Permissions.DELETE_THINGS)
        @BoundAccount
        String purgeInBound(@WorkspaceId String ws);
        @RequiresPermission(Permissions.EDIT_ACCOUNT)
        String settle(@AccountId AccountRef ref);
        @RequiresPermission(Permissions.EDIT_ACCOUNT)
        String byUuid(@AccountId UUID account);
      }
      """;
  private static final String ACCOUNT_REF =
      """
      package test;
      public record AccountRef(@dev.rolegate.annotations.AccountId String account) {}
      """;

  private final GeneratedCode code =
      GeneratedCode.compile("test.Accounts", ACCOUNTS, "test.AccountRef", ACCOUNT_REF);
  private final Recorder delegate = new Recorder((method, args) -> method.getName());

  @Test
  void accountAdminOfA_ownerPermissionInAWorkspaceOfB_denied_inAWorkspaceOfA_allowed()
      throws Throwable {
    Object guard = guard(principal(b -> b.member("acct-a", "ADMIN")));

    assertEquals("purge", GeneratedCode.call(guard, "purge", "ws-a1"));
    AccessDeniedException denied =
        assertThrows(
            AccessDeniedException.class, () -> GeneratedCode.call(guard, "purge", "ws-b1"));
    // Not a member of the workspace's account: the denial does not say which account that is.
    assertNull(denied.account());
    assertTrue(
        denied.getMessage().contains("is no member of the workspace's account"),
        denied.getMessage());
    assertEquals(List.of("purge"), delegate.calls);
  }

  @Test
  void accountIdCall_accountPermission_memberOfADenied_adminOfAAllowed_inBDenied()
      throws Throwable {
    Object member = guard(principal(b -> b.member("acct-a")));
    Object admin = guard(principal(b -> b.member("acct-a", "ADMIN")));

    assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(member, "invite", "acct-a"));
    assertEquals("invite", GeneratedCode.call(admin, "invite", "acct-a"));
    assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(admin, "invite", "acct-b"));
    assertThrows(
        AccessDeniedException.class,
        () -> GeneratedCode.call(admin, "invite", new Object[] {null}));
    assertEquals(List.of("invite"), delegate.calls);
  }

  @Test
  void accountAndWorkspace_workspaceOfAnotherAccount_denied() throws Throwable {
    Object admin = guard(principal(b -> b.member("acct-a", "ADMIN").member("acct-b", "ADMIN")));

    assertEquals("move", GeneratedCode.call(admin, "move", "acct-a", "ws-a2"));
    AccessDeniedException denied =
        assertThrows(
            AccessDeniedException.class,
            () -> GeneratedCode.call(admin, "move", "acct-a", "ws-b1"));
    assertEquals("acct-a", denied.account()); // the account the call acts in
    assertEquals(List.of("move"), delegate.calls);
  }

  @Test
  void boundAccount_noneBound_denied_oneBound_allowed_andTheWorkspaceMustBeItsOwn()
      throws Throwable {
    Principal member = principal(b -> b.member("acct-a").workspaceRole("ws-a1", "OWNER"));
    Object guard =
        code.guard("test.Accounts", "test.GuardedAccounts", delegate, CurrentPrincipal.source());

    try (PrincipalScope scope = CurrentPrincipal.bind(member)) {
      assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(guard, "plan"));
      assertThrows(
          AccessDeniedException.class, () -> GeneratedCode.call(guard, "purgeInBound", "ws-a1"));
    }
    try (PrincipalScope scope = CurrentPrincipal.bind(member, "acct-a", null)) {
      assertEquals("plan", GeneratedCode.call(guard, "plan"));
      assertEquals("purgeInBound", GeneratedCode.call(guard, "purgeInBound", "ws-a1"));
    }
    try (PrincipalScope scope = CurrentPrincipal.bind(member, "acct-b", null)) {
      assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(guard, "plan"));
      assertThrows(
          AccessDeniedException.class, () -> GeneratedCode.call(guard, "purgeInBound", "ws-a1"));
    }
    assertEquals(List.of("plan", "purgeInBound"), delegate.calls);
  }

  @Test
  void workspaceIdCall_unknownWorkspace_deniedEvenToAnAdmin() throws Throwable {
    Object admin = guard(principal(b -> b.member("acct-a", "ADMIN")));

    assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(admin, "purge", "ws-x"));
    assertEquals(List.of(), delegate.calls);
  }

  @Test
  void accountCarrier_readOnce_checkedInItsAccount_nullCarrierDenied() throws Throwable {
    Object admin = guard(principal(b -> b.member("acct-a", "ADMIN")));
    Class<?> ref = code.load("test.AccountRef");

    assertEquals(
        "settle",
        GeneratedCode.call(
            admin, "settle", ref.getConstructor(String.class).newInstance("acct-a")));
    assertThrows(
        AccessDeniedException.class,
        () ->
            GeneratedCode.call(
                admin, "settle", ref.getConstructor(String.class).newInstance("acct-b")));
    assertThrows(
        AccessDeniedException.class,
        () -> GeneratedCode.call(admin, "settle", new Object[] {null}));
    assertEquals(List.of("settle"), delegate.calls);
  }

  @Test
  void uuidAccountId_matchesTheAccountInEitherCase() throws Throwable {
    Object admin = guard(principal(b -> b.member(UUID_ACCOUNT.toUpperCase(), "ADMIN")));

    assertEquals("byUuid", GeneratedCode.call(admin, "byUuid", UUID.fromString(UUID_ACCOUNT)));
    assertThrows(
        AccessDeniedException.class, () -> GeneratedCode.call(admin, "byUuid", UUID.randomUUID()));
    assertEquals(List.of("byUuid"), delegate.calls);
  }

  private Object guard(Principal principal) {
    PrincipalSource source = () -> principal;
    return code.guard("test.Accounts", "test.GuardedAccounts", delegate, source);
  }

  private Principal principal(java.util.function.UnaryOperator<Principal.Builder> memberships) {
    return memberships
        .apply(Principal.user("alice").matrix(code.matrix()).directory(DIRECTORY))
        .build();
  }
}
