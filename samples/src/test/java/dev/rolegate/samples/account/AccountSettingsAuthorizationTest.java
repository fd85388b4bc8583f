package dev.rolegate.samples.account;

import static dev.rolegate.test.AuthorizationMatrix.ACCOUNT;

import dev.rolegate.test.AuthorizationMatrix;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The account-level {@link AccountSettingsService} through its generated guard, as every role of
 * the bundled matrix: account permissions come from the account role in the account the call names
 * alone (only the account OWNER may bypass SSO; a role in another account grants nothing), exactly
 * as the compiled matrix says.
 */
class AccountSettingsAuthorizationTest {
  @TestFactory
  Stream<DynamicTest> accountSettingsFollowTheMatrix() {
    return AuthorizationMatrix.of(AccountSettingsService.class)
        .implementations(InMemoryAccountSettingsService::new)
        .guard((delegate, source) -> GuardedAccountSettingsService.wrap(delegate, source))
        .call("settings", s -> s.settings(ACCOUNT))
        .call("edit", s -> s.edit(ACCOUNT, new AccountSettings("acme", true)))
        .call("bypassSso", s -> s.bypassSso(ACCOUNT))
        .tests();
  }
}
