package dev.rolegate.buildtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access lock gates a real multi-module Maven build ({@code src/test/resources/locked-app}:
 * module {@code rbac} compiles the matrix, module {@code orders} guards a service with it and locks
 * who may call what): a widening change in either module fails the build with one error that names
 * the change, and the documented accept step rewrites the lock and turns it green.
 */
class MavenAccessLockTest {
  private static final String LOCK = "orders/rolegate-access.lock";
  private static final String ACCEPT = "-Drolegate.accessLock.update=true";

  @TempDir Path work;

  @Test
  void wideningFailsTheBuild_acceptingRewritesTheLock_andTheBuildIsGreen()
      throws IOException, InterruptedException {
    MavenProject project = MavenProject.copy("locked-app", work);
    Path lock = work.resolve("locked-app").resolve(LOCK);

    // Checking the lock in: the first build writes it.
    MavenProject.Run created = project.mvn("clean", "compile", ACCEPT);
    assertTrue(created.succeeded(), created.output());
    List<String> calls = calls(lock);
    assertEquals(
        List.of(
            line("cancel", "account ADMIN"),
            line("cancel", "account-from workspace parameter 0 (workspace)"),
            line("cancel", "requires allOf EDIT_ORDERS"),
            line("cancel", "workspace MANAGER"),
            line("cancel", "workspace-from parameter 0 (workspace)"),
            line("show", "account ADMIN"),
            line("show", "account-from workspace parameter 0 (workspace)"),
            line("show", "requires allOf VIEW_ORDERS"),
            line("show", "workspace CLERK"),
            line("show", "workspace MANAGER"),
            line("show", "workspace-from parameter 0 (workspace)")),
        calls);
    MavenProject.Run unchanged = project.mvn("clean", "compile");
    assertTrue(unchanged.succeeded(), unchanged.output());

    // A matrix edit in module rbac: CLERK is granted EDIT_ORDERS.
    project.edit(
        "rbac/src/main/resources/com/acme/rbac/acme.md",
        "| CLERK | workspace | | VIEW_ORDERS | | Reads orders. |",
        "| CLERK | workspace | | VIEW_ORDERS, EDIT_ORDERS | | Reads orders. |");
    MavenProject.Run widened = project.mvn("clean", "compile");
    assertFalse(widened.succeeded(), "a widening change must fail the build\n" + widened.output());
    assertTrue(widened.output().contains("[AccessChanged]"), widened.output());
    assertTrue(
        widened
            .output()
            .contains(
                "workspace role CLERK gains Orders.cancel(String,"
                    + " String) (needs EDIT_ORDERS: workspace CLERK grants EDIT_ORDERS)"),
        widened.output());
    assertTrue(widened.output().contains("-Drolegate.accessLock.update=true"), widened.output());
    assertEquals(calls, calls(lock), "a failing build leaves the lock as it was");

    MavenProject.Run accepted = project.mvn("clean", "compile", ACCEPT);
    assertTrue(accepted.succeeded(), accepted.output());
    assertTrue(calls(lock).contains(line("cancel", "workspace CLERK")));
    MavenProject.Run green = project.mvn("clean", "compile");
    assertTrue(green.succeeded(), green.output());

    // An annotation weakened in module orders: cancel needs VIEW_ORDERS only.
    project.edit(
        "orders/src/main/java/com/acme/orders/Orders.java",
        "  @RequiresPermission(EDIT_ORDERS)\n  String cancel(",
        "  @RequiresPermission(VIEW_ORDERS)\n  String cancel(");
    project.edit(
        "orders/src/main/java/com/acme/orders/Orders.java",
        "import static com.acme.rbac.Permissions.EDIT_ORDERS;\n",
        "");
    MavenProject.Run weakened = project.mvn("compile");
    assertFalse(weakened.succeeded(), weakened.output());
    assertTrue(weakened.output().contains("[AccessChanged]"), weakened.output());
    assertTrue(weakened.output().contains("Orders.cancel(String, String)"), weakened.output());
    assertTrue(weakened.output().contains("VIEW_ORDERS"), weakened.output());
    MavenProject.Run acceptedAgain = project.mvn("clean", "compile", ACCEPT);
    assertTrue(acceptedAgain.succeeded(), acceptedAgain.output());
    assertTrue(calls(lock).contains(line("cancel", "requires allOf VIEW_ORDERS")));
    assertTrue(project.mvn("clean", "compile").succeeded());
  }

  /** Returns a lock line of {@code Orders.<method>}, named by its erased parameter types. */
  private static String line(String method, String fact) {
    return "call com.acme.orders.Orders Orders."
        + method
        + "(java.lang.String, java.lang.String) "
        + fact;
  }

  private static List<String> calls(Path lock) throws IOException {
    return Files.readAllLines(lock, StandardCharsets.UTF_8).stream()
        .filter(line -> line.startsWith("call "))
        .toList();
  }
}
