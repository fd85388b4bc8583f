package dev.rolegate.processor;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * The services that the access report and the guard index are both tested on: every requirement
 * shape (single, all-of, any-of, account only, bound workspace, unguarded), every workspace source
 * (String, UUID, carrier record) and a second type, against {@link TestMatrices#SMALL}.
 */
final class ReportedServices {
  /** A class guard with a final and a non-final {@code @Unguarded} method. */
  static final String LEDGER =
      """
      package test;
      import dev.rolegate.annotations.*;
      public class Ledger {
        @RequiresPermission(Permissions.VIEW_ACCOUNT)
        @BoundAccount
        public String balance() { return "0"; }

        @Unguarded(reason = "names the ledger in logs")
        public String name() { return "ledger"; }

        @Unguarded(reason = "a constant; the guard inherits it unchanged")
        public final String kind() { return "ledger"; }
      }
      """;

  private ReportedServices() {}

  static final String THINGS =
      """
      package test;
      import dev.rolegate.annotations.*;
      public interface Things {
        @RequiresPermission(Permissions.VIEW_THINGS)
        String view(@WorkspaceId String ws, int... ids);
        @RequiresPermission({Permissions.EDIT_THINGS, Permissions.EDIT_ACCOUNT})
        void edit(@WorkspaceId java.util.UUID ws, java.util.List<? extends CharSequence> names);
        @RequiresPermission(anyOf = {Permissions.VIEW_SECRETS, Permissions.EDIT_ACCOUNT})
        String secret(@WorkspaceId ThingRef ref);
        @RequiresPermission(anyOf = {Permissions.VIEW_THINGS, Permissions.VIEW_ACCOUNT})
        String either(@WorkspaceId String ws);
        @RequiresPermission(Permissions.VIEW_ACCOUNT)
        String account(@AccountId String account);
        @RequiresPermission(Permissions.DELETE_THINGS) @BoundWorkspace
        void purge();
        @Unguarded(reason = "liveness probe")
        String ping();
      }
      """;
  static final String REF =
      """
      package test;
      public record ThingRef(@dev.rolegate.annotations.WorkspaceId String workspace, String id) {}
      """;
  static final String ALPHA =
      """
      package test;
      import dev.rolegate.annotations.*;
      @BoundAccount
      public interface Alpha {
        @RequiresPermission(Permissions.EDIT_ACCOUNT)
        void rename(String name);
      }
      """;

  /**
   * Returns {@code package-info.java} naming {@code matrix.md}, then {@link #THINGS}, {@link #REF}
   * and {@link #ALPHA} as sources of package {@code test}.
   */
  static List<JavaFileObject> sources() {
    return List.of(
        JavaFileObjects.forSourceString(
            "test.package-info",
            "@dev.rolegate.annotations.PermissionMatrix(\"matrix.md\")\npackage test;\n"),
        JavaFileObjects.forSourceString("test.Things", ReportedServices.THINGS),
        JavaFileObjects.forSourceString("test.ThingRef", ReportedServices.REF),
        JavaFileObjects.forSourceString("test.Alpha", ReportedServices.ALPHA));
  }

  /** Returns the test resource {@code /report/<name>}: a report or lock as it must be, exactly. */
  static String expected(String name) {
    try (InputStream in = ReportedServices.class.getResourceAsStream("/report/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
