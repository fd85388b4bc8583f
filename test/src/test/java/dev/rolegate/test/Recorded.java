package dev.rolegate.test;

import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What fixture tests saw, for the tests that run them with the EngineTestKit. */
final class Recorded {
  static final List<String> SEEN = new CopyOnWriteArrayList<>();

  private Recorded() {}

  /**
   * Records "label: kind id, account role, workspace role in ws, bound workspace", or "label:
   * none".
   */
  static void see(String label) {
    SEEN.add(label + ": " + describe());
  }

  static String describe() {
    return CurrentPrincipal.get()
        .map(
            p ->
                p
                    + ", account "
                    + p.accountRole(PrincipalExtension.ACCOUNT)
                    + ", "
                    + roles(p)
                    + ", bound "
                    + CurrentPrincipal.workspace().orElse("-"))
        .orElse("none");
  }

  private static String roles(Principal principal) {
    StringBuilder text = new StringBuilder();
    for (String ws : List.of("ws-1", "ws-2")) {
      text.append(ws)
          .append('=')
          .append(principal.workspaceRole(ws))
          .append(ws.equals("ws-1") ? " " : "");
    }
    return text.toString();
  }
}
