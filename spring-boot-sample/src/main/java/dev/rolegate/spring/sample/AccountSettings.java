package dev.rolegate.spring.sample;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.prefect.Permissions;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;

/** The account's settings: account-level permissions, checked against the account role. */
@Service
public class AccountSettings {
  private final AtomicReference<String> name = new AtomicReference<>("Acme");

  /** Returns the account's display name. */
  @RequiresPermission(Permissions.VIEW_ACCOUNT_SETTINGS)
  public String name() {
    return name.get();
  }

  /** Renames the account. */
  @RequiresPermission(Permissions.EDIT_ACCOUNT_SETTINGS)
  public String rename(String newName) {
    name.set(newName);
    return newName;
  }
}
