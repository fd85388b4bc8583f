package dev.rolegate.benchmarks.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the compile-time benchmark's sources: {@code n} interfaces {@code bench.corpus.Service<i>}
 * of ten guarded methods each (single permissions, an all-of pair and an any-of pair, against the
 * bundled Prefect matrix), and for the hand-written build a guard {@code HandGuardedService<i>} per
 * interface with the code the processor would generate, written out by hand.
 */
final class Corpus {
  static final String PACKAGE = "bench.corpus";

  /** The simple name of interface {@code i} is this and {@code i}. */
  static final String SERVICE_NAME = "Service";

  /** The simple name of the hand-written guard of interface {@code i} is this and {@code i}. */
  static final String GUARD_NAME = "HandGuarded" + SERVICE_NAME;

  /**
   * One method of every corpus interface: name, return type, the parameters after the workspace and
   * the matching arguments, and the permissions (all of them, or any one).
   */
  record Method(
      String name,
      String returns,
      String params,
      String args,
      boolean any,
      List<String> permissions) {
    static Method of(String name, String returns, String params, String args, String permission) {
      return new Method(name, returns, params, args, false, List.of(permission));
    }
  }

  private static final List<Method> METHODS =
      List.of(
          Method.of("readDeployment", "String", ", String id", ", id", "VIEW_DEPLOYMENTS"),
          Method.of("runDeployment", "String", ", String id", ", id", "RUN_DEPLOYMENTS"),
          Method.of(
              "editDeployment",
              "void",
              ", String id, String body",
              ", id, body",
              "CREATE_EDIT_DEPLOYMENTS"),
          Method.of("deleteDeployment", "boolean", ", String id", ", id", "DELETE_DEPLOYMENTS"),
          Method.of("listFlows", "List<String>", "", "", "VIEW_FLOWS"),
          Method.of("runFlow", "String", ", String id", ", id", "RUN_FLOWS"),
          Method.of("deleteFlows", "int", ", List<String> ids", ", ids", "DELETE_FLOWS"),
          new Method(
              "runOnPool",
              "String",
              ", String id, String pool",
              ", id, pool",
              false,
              List.of("RUN_DEPLOYMENTS", "VIEW_WORK_POOLS")),
          new Method(
              "configure",
              "void",
              ", String key",
              ", key",
              true,
              List.of("MANAGE_BLOCKS", "MANAGE_AUTOMATIONS")),
          Method.of("countWorkPools", "long", "", "", "VIEW_WORK_POOLS"));

  private static final String SERVICE =
      """
      package %1$s;

      %2$s
      import dev.rolegate.annotations.RequiresPermission;
      import dev.rolegate.annotations.WorkspaceId;
      import java.util.List;

      /** Corpus service %3$d. */
      public interface Service%3$d {
      %4$s}
      """;

  private static final String GUARD =
      """
      package %1$s;

      import dev.rolegate.prefect.PrefectCloudCapabilityTable;
      import dev.rolegate.runtime.CurrentPrincipal;
      import dev.rolegate.runtime.PrincipalSource;
      import dev.rolegate.runtime.internal.Requirement;
      import dev.rolegate.runtime.internal.RolegateGenerated;
      import java.util.List;
      import java.util.Objects;

      /**
       * Guards {@link %2$s}, written by hand.
       */
      @RolegateGenerated
      public final class HandGuarded%2$s implements %2$s {
      %3$s  private final %2$s delegate;

        private final PrincipalSource source;

        private HandGuarded%2$s(%2$s delegate, PrincipalSource source) {
          this.delegate = delegate;
          this.source = source;
        }

        /**
         * Returns {@code delegate} guarded, with the caller read from {@link CurrentPrincipal}.
         */
        public static %2$s wrap(%2$s delegate) {
          return wrap(delegate, CurrentPrincipal.source());
        }

        /**
         * Returns {@code delegate} guarded, with the caller read from {@code source}.
         */
        public static %2$s wrap(%2$s delegate, PrincipalSource source) {
          Objects.requireNonNull(delegate, "delegate");
          Objects.requireNonNull(source, "source");
          return new HandGuarded%2$s(delegate, source);
        }
      %4$s}
      """;

  /** The column a generated guard's lines wrap at (JavaPoet's), and how they continue. */
  private static final int LINE_LIMIT = 100;

  private static final String WRAP = ",\n      PrefectCloudCapabilityTable.";

  private static final String STATIC_IMPORT =
      "import static dev.rolegate.prefect.Permissions.%s;%n";

  private static final String ABSTRACT_METHOD =
      """
        @RequiresPermission(%s)
        %s %s(@WorkspaceId String workspace%s);
      """;

  private static final String REQUIREMENT =
      """
        private static final Requirement %s = Requirement.%s(%s);

      """;

  /** Arguments: return type, name, parameters, constant, type, "return " or "", arguments. */
  private static final String GUARDED_METHOD =
      """

        @Override
        public %1$s %2$s(String workspace%3$s) {
          %4$s.check(this.source, workspace, "%5$s.%2$s");
          %6$sthis.delegate.%2$s(workspace%7$s);
        }
      """;

  private Corpus() {}

  /** Returns the methods of every interface, in their order. */
  static List<Method> methods() {
    return METHODS;
  }

  /** Returns how many methods each interface has. */
  static int methodsPerService() {
    return METHODS.size();
  }

  /**
   * Writes {@code n} interfaces under {@code root} (and their hand-written guards when {@code
   * handWrittenGuards}); returns the files written.
   */
  static List<Path> write(Path root, int n, boolean handWrittenGuards) throws IOException {
    Path dir = Files.createDirectories(root.resolve(PACKAGE.replace('.', '/')));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      files.add(write(dir.resolve(SERVICE_NAME + i + ".java"), service(i)));
      if (handWrittenGuards) {
        files.add(write(dir.resolve(GUARD_NAME + i + ".java"), guard(i)));
      }
    }
    return files;
  }

  private static Path write(Path file, String source) throws IOException {
    return Files.writeString(file, source, StandardCharsets.UTF_8);
  }

  /** Returns the source of interface {@code Service<i>}. */
  static String service(int i) {
    StringBuilder imports = new StringBuilder();
    METHODS.stream()
        .flatMap(method -> method.permissions().stream())
        .distinct()
        .forEach(permission -> imports.append(String.format(STATIC_IMPORT, permission)));
    StringBuilder methods = new StringBuilder();
    for (Method method : METHODS) {
      String list = String.join(", ", method.permissions());
      String value =
          method.any()
              ? "anyOf = {" + list + "}"
              : method.permissions().size() > 1 ? "{" + list + "}" : list;
      methods.append(
          String.format(ABSTRACT_METHOD, value, method.returns(), method.name(), method.params()));
    }
    return String.format(SERVICE, PACKAGE, imports, i, methods);
  }

  /** Returns the source of {@code HandGuardedService<i>}: the generated guard's code, by hand. */
  static String guard(int i) {
    String type = SERVICE_NAME + i;
    StringBuilder constants = new StringBuilder();
    StringBuilder methods = new StringBuilder();
    for (Method method : METHODS) {
      List<String> permissions =
          method.permissions().stream()
              .map(permission -> "PrefectCloudCapabilityTable." + permission)
              .toList();
      String constant =
          String.format(
              REQUIREMENT,
              constant(method),
              method.any() ? "anyOf" : "allOf",
              String.join(", ", permissions));
      if (constant.indexOf('\n') > LINE_LIMIT) {
        // Where a generated guard's line would pass the limit, it wraps between permissions.
        constant = constant.replace(", PrefectCloudCapabilityTable.", WRAP);
      }
      constants.append(constant);
      methods.append(
          String.format(
              GUARDED_METHOD,
              method.returns(),
              method.name(),
              method.params(),
              constant(method),
              type,
              method.returns().equals("void") ? "" : "return ",
              method.args()));
    }
    return String.format(GUARD, PACKAGE, type, constants, methods);
  }

  /** Returns the name of the guard's constant for {@code method}'s requirement. */
  static String constant(Method method) {
    return method.name().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
