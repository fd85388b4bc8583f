package com.acme;

import com.acme.rbac.WorkspaceRoles;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;

/** Edits an order as a CLERK of ws-1 and prints whether the guard let the call through. */
public final class App {
  private App() {}

  public static void main(String[] args) {
    System.out.println("CLERK edit: " + clerkEdit());
  }

  static String clerkEdit() {
    // The principal first: building it finds the compiled matrix through Matrix.load(), before
    // any guard class is touched.
    Principal clerk = Principal.user("carol").directory(AccountDirectory.singleAccount("acme"))
        .workspaceRole("ws-1", WorkspaceRoles.CLERK).build();
    Orders orders = GuardedOrders.wrap((workspace, order) -> "edited " + order);
    try (PrincipalScope scope = CurrentPrincipal.bind(clerk)) {
      return orders.edit("ws-1", "o-7");
    } catch (AccessDeniedException denied) {
      return "denied";
    }
  }
}
