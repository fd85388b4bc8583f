package dev.rolegate.processor;

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
}
