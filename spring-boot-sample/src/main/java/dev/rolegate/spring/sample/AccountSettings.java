package dev.rolegate.spring.sample;

import dev.rolegate.annotations.BoundAccount;
import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.prefect.Permissions;
import dev.rolegate.runtime.CurrentPrincipal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Account-level operations, checked against the caller's account role in the account they act in:
 * the account bound for the request from its path ({@code @BoundAccount} on the type).
 */
@Service
@BoundAccount
public class AccountSettings {
  private final Map<String, String> names =
      new ConcurrentHashMap<>(Map.of(Accounts.ACME, "Acme", Accounts.GLOBEX, "Globex"));

  /** Returns the bound account's display name. */
  @RequiresPermission(Permissions.VIEW_ACCOUNT_SETTINGS)
  public String name() {
    return names.getOrDefault(here(), "");
  }

  /** Renames the bound account. */
  @RequiresPermission(Permissions.EDIT_ACCOUNT_SETTINGS)
  public String rename(String newName) {
    names.put(here(), newName);
    return newName;
  }

  private static String here() {
    // The guard has checked that an account is bound before the methods above run.
    return CurrentPrincipal.account().orElseThrow();
  }
}
