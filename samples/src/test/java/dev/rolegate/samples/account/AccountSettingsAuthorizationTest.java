package dev.rolegate.samples.account;

import dev.rolegate.test.AuthorizationMatrix;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The account-level {@link AccountSettingsService} through its generated guard, as every role of
 * the bundled matrix: account permissions come from the account role alone (only the account
 * OWNER may bypass SSO), exactly as the compiled matrix says.
 */
class AccountSettingsAuthorizationTest {
  @TestFactory
  Stream<DynamicTest> accountSettingsFollowTheMatrix() {
    return AuthorizationMatrix.of(AccountSettingsService.class)
        .guard(source -> GuardedAccountSettingsService.wrap(new InMemoryAccountSettingsService(), source))
        .call("settings", AccountSettingsService::settings)
        .call("edit", s -> s.edit(new AccountSettings("acme", true)))
        .call("bypassSso", AccountSettingsService::bypassSso)
        .tests();
  }
}
