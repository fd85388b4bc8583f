package dev.rolegate.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.rolegate.processor.CompilationAssertions.assertWarningAt;
import static dev.rolegate.processor.TestMatrices.service;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code [DuplicatePermission]}, {@code [RedundantPermission]}, {@code [WeakenedAnyOf]} and {@code
 * [UngrantedPermission]}: each on its array item, never stopping generation, and each silenced by
 * {@code @SuppressWarnings("<Id>")} on the method, its type or an enclosing type.
 */
class WarningTest {
  /** The small test matrix plus two permissions that no role grants. */
  private static final String MATRIX =
      TestMatrices.SMALL.replace(
          "| VIEW_ACCOUNT | account |",
          "| ORPHAN | workspace | | | Granted to no role. |\n"
              + "| LOST | workspace | | | Granted to no role either. |\n"
              + "| VIEW_ACCOUNT | account |");

  private static final String MATRIX_NAME = "Test Matrix (matrix.md)";

  @Test
  void duplicatePermission_inValue_warnsOnSecondItem() {
    String line = "@RequiresPermission({\"VIEW_THINGS\", \"EDIT_THINGS\", \"VIEW_THINGS\"})";
    JavaFileObject source = service("  " + line + "\n  void edit(@WorkspaceId String ws);\n");

    Compilation compilation = compile(source);

    String message =
        "[DuplicatePermission] @RequiresPermission on Things.edit() lists"
            + " VIEW_THINGS twice in value. Remove the second VIEW_THINGS";
    assertThat(compilation).succeeded();
    // VIEW_THINGS is also implied by EDIT_THINGS: that is its own warning, on the first item.
    assertThat(compilation).hadWarningCount(2);
    assertWarningAt(compilation, message, source, line, column(line, "\"VIEW_THINGS\"", 2));
    assertWarningAt(
        compilation,
        "[RedundantPermission] @RequiresPermission on Things.edit()" + " requires VIEW_THINGS,",
        source,
        line,
        column(line, "\"VIEW_THINGS\"", 1));
  }

  @Test
  void redundantPermission_chain_warnsOnEachImpliedItemNamingEveryImplier() {
    String line = "@RequiresPermission({\"DELETE_THINGS\", \"EDIT_THINGS\", \"VIEW_THINGS\"})";
    JavaFileObject source = service("  " + line + "\n  void purge(@WorkspaceId String ws);\n");

    Compilation compilation = compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(2);
    assertWarningAt(
        compilation,
        "requires EDIT_THINGS, which DELETE_THINGS, also required,"
            + " already implies. Remove EDIT_THINGS",
        source,
        line,
        column(line, "\"EDIT_THINGS\"", 1));
    assertWarningAt(
        compilation,
        "requires VIEW_THINGS, which DELETE_THINGS and EDIT_THINGS, also"
            + " required, already implies.",
        source,
        line,
        column(line, "\"VIEW_THINGS\"", 1));
  }

  static Stream<Arguments> oneWarningOnAnItem() {
    return Stream.of(
        argumentSet(
            "duplicatePermission_inAnyOf_warnsOnSecondItem",
            "@RequiresPermission(anyOf = {\"EDIT_THINGS\", \"VIEW_ACCOUNT\", \"EDIT_THINGS\"})",
            "edit",
            "\"EDIT_THINGS\"",
            2,
            "[DuplicatePermission] @RequiresPermission on Things.edit() lists"
                + " EDIT_THINGS twice in anyOf. Remove the second EDIT_THINGS"),
        argumentSet(
            "redundantPermission_impliedByAnother_warnsOnImpliedItem",
            "@RequiresPermission({\"VIEW_THINGS\", \"DELETE_THINGS\"})",
            "purge",
            "\"VIEW_THINGS\"",
            1,
            "[RedundantPermission] @RequiresPermission on Things.purge() requires"
                + " VIEW_THINGS, which DELETE_THINGS, also required, already implies. Remove"
                + " VIEW_THINGS"),
        argumentSet(
            "weakenedAnyOf_strongerItem_warnsAndSaysWhatTheListMeans",
            "@RequiresPermission(anyOf = {\"VIEW_THINGS\", \"EDIT_THINGS\"})",
            "look",
            "\"EDIT_THINGS\"",
            1,
            "[WeakenedAnyOf] EDIT_THINGS in anyOf of @RequiresPermission on Things.look()"
                + " implies VIEW_THINGS, also listed, so it lets no one else in: the list means"
                + " VIEW_THINGS alone. Write @RequiresPermission(VIEW_THINGS), or remove VIEW_THINGS"
                + " if only holders of EDIT_THINGS should pass"),
        argumentSet(
            "weakenedAnyOf_twoWeakest_suggestsTheShorterAnyOf",
            "@RequiresPermission(anyOf = {\"VIEW_THINGS\", \"DELETE_THINGS\", \"VIEW_SECRETS\"})",
            "look",
            "\"DELETE_THINGS\"",
            1,
            "[WeakenedAnyOf] DELETE_THINGS in anyOf of @RequiresPermission on"
                + " Things.look() implies VIEW_THINGS, also listed, so it lets no one else in: the"
                + " list means anyOf = {VIEW_THINGS, VIEW_SECRETS}. Write @RequiresPermission(anyOf"
                + " = {VIEW_THINGS, VIEW_SECRETS}), or remove VIEW_THINGS if only holders of"
                + " DELETE_THINGS should pass"),
        argumentSet(
            "ungrantedPermission_inValue_warnsOnItem",
            "@RequiresPermission({\"VIEW_THINGS\", \"ORPHAN\"})",
            "look",
            "\"ORPHAN\"",
            1,
            "[UngrantedPermission] No role of matrix "
                + MATRIX_NAME
                + " grants ORPHAN, so no role can call Things.look() (only a custom role holding"
                + " ORPHAN could). Grant ORPHAN to a role in matrix.md, or require a permission that"
                + " a role holds"),
        argumentSet(
            "ungrantedPermission_anyOfNoneGranted_oneWarningOnFirstItemNamingAll",
            "@RequiresPermission(anyOf = {\"ORPHAN\", \"LOST\"})",
            "look",
            "\"ORPHAN\"",
            1,
            "[UngrantedPermission] No role of matrix "
                + MATRIX_NAME
                + " grants any of ORPHAN, LOST, so no role can call Things.look() (only a custom"
                + " role holding one of them could). Grant one of them to a role in matrix.md"));
  }

  /**
   * A method whose {@code annotation} draws one warning, {@code message}, on the {@code
   * occurrence}-th {@code item} of its list; the guard is generated all the same.
   */
  @ParameterizedTest
  @MethodSource
  void oneWarningOnAnItem(
      String annotation, String method, String item, int occurrence, String message) {
    JavaFileObject source =
        service("  " + annotation + "\n  void " + method + "(@WorkspaceId String ws);\n");

    Compilation compilation = compile(source);

    assertOneWarningOn(compilation, message, source, annotation, item, occurrence);
    assertThat(compilation).generatedSourceFile("test.GuardedThings");
  }

  static Stream<Arguments> listsThatWarnOfNothing() {
    return Stream.of(
        argumentSet(
            "redundantPermission_unrelatedOrOtherLevel_noWarning",
            """
              @RequiresPermission({"EDIT_THINGS", "VIEW_SECRETS", "EDIT_ACCOUNT"})
              void edit(@WorkspaceId String ws);

              @RequiresPermission(anyOf = {"EDIT_THINGS", "VIEW_SECRETS", "VIEW_ACCOUNT"})
              void peek(@WorkspaceId String ws);
            """),
        argumentSet(
            "ungrantedPermission_anyOfWithOneGranted_noWarning",
            """
              @RequiresPermission(anyOf = {"ORPHAN", "VIEW_THINGS"})
              void look(@WorkspaceId String ws);
            """));
  }

  /** Members whose permission lists are sound, so the service compiles without a warning. */
  @ParameterizedTest
  @MethodSource
  void listsThatWarnOfNothing(String members) {
    Compilation compilation = compile(service(members));

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void ungrantedPermission_onTypeDefault_namesTheMethodsUsingIt() {
    JavaFileObject source =
        JavaFileObjects.forSourceString(
            "test.Things",
            """
        package test;

        import dev.rolegate.annotations.RequiresPermission;
        import dev.rolegate.annotations.WorkspaceId;

        @RequiresPermission("ORPHAN")
        public interface Things {
          void look(@WorkspaceId String ws);
        }
        """);

    Compilation compilation = compile(source);

    String message =
        "[UngrantedPermission] No role of matrix "
            + MATRIX_NAME
            + " grants ORPHAN,"
            + " so no role can call the methods of Things that use this default";
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertWarningAt(compilation, message, source, "@RequiresPermission(\"ORPHAN\")", 21);
    assertThat(compilation).generatedSourceFile("test.GuardedThings");
  }

  @Test
  void warnings_doNotStopGeneration() {
    JavaFileObject source =
        service(
            """
          @RequiresPermission({"VIEW_THINGS", "VIEW_THINGS", "ORPHAN"})
          void look(@WorkspaceId String ws);

          @RequiresPermission(anyOf = {"VIEW_THINGS", "EDIT_THINGS"})
          void peek(@WorkspaceId String ws);
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(3);
    assertThat(compilation).generatedSourceFile("test.GuardedThings");
  }

  @Test
  void suppressWarnings_onMethod_silencesItsIdOnly() {
    JavaFileObject source =
        service(
            """
          @SuppressWarnings({"unchecked", "RedundantPermission"})
          @RequiresPermission({"VIEW_THINGS", "EDIT_THINGS", "EDIT_THINGS"})
          void edit(@WorkspaceId String ws);

          @RequiresPermission({"VIEW_THINGS", "EDIT_THINGS"})
          void change(@WorkspaceId String ws);
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(2);
    assertThat(compilation)
        .hadWarningContaining("[DuplicatePermission] @RequiresPermission on" + " Things.edit()")
        .inFile(source)
        .onLineContaining("\"EDIT_THINGS\", \"EDIT_THINGS\"");
    assertThat(compilation)
        .hadWarningContaining("[RedundantPermission] @RequiresPermission on" + " Things.change()")
        .inFile(source)
        .onLineContaining("@RequiresPermission({\"VIEW_THINGS\", \"EDIT_THINGS\"})");
  }

  @Test
  void suppressWarnings_onType_silencesEveryMethodAndTheTypeDefault() {
    JavaFileObject source =
        JavaFileObjects.forSourceString(
            "test.Things",
            """
        package test;

        import dev.rolegate.annotations.RequiresPermission;
        import dev.rolegate.annotations.WorkspaceId;

        @SuppressWarnings("UngrantedPermission")
        @RequiresPermission("ORPHAN")
        public interface Things {
          void look(@WorkspaceId String ws);

          @RequiresPermission({"VIEW_THINGS", "LOST"})
          void peek(@WorkspaceId String ws);
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GuardedThings");
  }

  @Test
  void suppressWarnings_onEnclosingType_silencesNestedService() {
    JavaFileObject source =
        JavaFileObjects.forSourceString(
            "test.Outer",
            """
        package test;

        import dev.rolegate.annotations.RequiresPermission;
        import dev.rolegate.annotations.WorkspaceId;

        @SuppressWarnings("WeakenedAnyOf")
        public class Outer {
          public interface Things {
            @RequiresPermission(anyOf = {"VIEW_THINGS", "DELETE_THINGS"})
            void look(@WorkspaceId String ws);
          }
        }
        """);

    Compilation compilation = compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GuardedOuter_Things");
  }

  @Test
  void suppressWarnings_otherIdOrAll_doesNotSilence() {
    String line = "@RequiresPermission(anyOf = {\"VIEW_THINGS\", \"DELETE_THINGS\"})";
    JavaFileObject source =
        service(
            "  @SuppressWarnings({\"all\", \"RedundantPermission\"})\n  "
                + line
                + "\n  void look(@WorkspaceId String ws);\n");

    Compilation compilation = compile(source);

    assertOneWarningOn(
        compilation,
        "[WeakenedAnyOf] DELETE_THINGS in anyOf",
        source,
        line,
        "\"DELETE_THINGS\"",
        1);
  }

  @Test
  void returnsGuardedType_interfaceMethods_warnOnEachSayingWhatTheGuardDoesAndCannotCover() {
    JavaFileObject source =
        TestMatrices.source(
            "Things",
            """
        public interface Things {
          @RequiresPermission("VIEW_THINGS")
          Things withTag(@WorkspaceId String ws, String tag);

          @Unguarded(reason = "identity")
          Object self();

          @RequiresPermission("VIEW_THINGS")
          String name(@WorkspaceId String ws);

          @RequiresPermission("VIEW_THINGS")
          java.util.List<Things> all(@WorkspaceId String ws);

          @RequiresPermission("VIEW_THINGS")
          <T> T as(@WorkspaceId String ws, Class<T> type);
        }
        """);

    Compilation compilation = TestMatrices.compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(3);
    assertThat(compilation)
        .hadWarningContaining(
            "[ReturnsGuardedType] Things.all() returns List<Things>, which can"
                + " hold a Things inside it (as a type argument).")
        .inFile(source)
        .onLineContaining("java.util.List<Things> all(");
    assertThat(compilation)
        .hadWarningContaining(
            "[ReturnsGuardedType] Things.withTag() returns Things, which can"
                + " hold the implementation itself or another Things. GuardedThings returns itself in"
                + " place of its delegate and wraps any other Things that is not a guard in a new"
                + " GuardedThings with the same principal source, but it cannot reach an"
                + " implementation inside what is returned (a field of another returned object, a"
                + " collection, an Optional). Keep implementations out of returned objects, or put"
                + " guards there (GuardedThings.wrap(...)); then add"
                + " @SuppressWarnings(\"ReturnsGuardedType\") with a comment saying why")
        .inFile(source)
        .onLineContaining("Things withTag(");
    assertThat(compilation)
        .hadWarningContaining(
            "[ReturnsGuardedType] Things.self() returns Object, which can hold"
                + " the implementation itself or another Things.")
        .inFile(source)
        .onLineContaining("Object self();");
    assertThat(compilation).generatedSourceFile("test.GuardedThings");
  }

  @Test
  void returnsGuardedType_containers_warnOnEachSayingTheGuardCannotSeeInside() {
    JavaFileObject source =
        TestMatrices.source(
            "Things",
            """
        public interface Things extends java.io.Serializable {
          @RequiresPermission("VIEW_THINGS")
          java.util.Optional<Things> find(@WorkspaceId String ws);

          @RequiresPermission("VIEW_THINGS")
          Things[] array(@WorkspaceId String ws);

          @RequiresPermission("VIEW_THINGS")
          java.util.function.Supplier<? extends java.io.Serializable> later(@WorkspaceId String ws);

          @RequiresPermission("VIEW_THINGS")
          java.util.Map<String, java.util.List<Things>> byName(@WorkspaceId String ws);

          @RequiresPermission("VIEW_THINGS")
          java.util.Map<String, Object> data(@WorkspaceId String ws);

          @RequiresPermission("VIEW_THINGS")
          Object[] rows(@WorkspaceId String ws);

          @RequiresPermission("VIEW_THINGS")
          java.util.List<String> names(@WorkspaceId String ws);
        }
        """);

    Compilation compilation = TestMatrices.compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(4);
    assertThat(compilation)
        .hadWarningContaining(
            "[ReturnsGuardedType] Things.find() returns Optional<Things>, which"
                + " can hold a Things inside it (as a type argument). GuardedThings checks the"
                + " returned value itself, not what it holds, so an implementation inside reaches the"
                + " caller unguarded. Return guards there (GuardedThings.wrap(...) around each) or"
                + " data instead; then add @SuppressWarnings(\"ReturnsGuardedType\") with a comment"
                + " saying why")
        .inFile(source)
        .onLineContaining("Optional<Things> find(");
    assertThat(compilation)
        .hadWarningContaining(
            "[ReturnsGuardedType] Things.array() returns Things[], which can"
                + " hold a Things inside it (as an array component).")
        .inFile(source)
        .onLineContaining("Things[] array(");
    assertThat(compilation)
        .hadWarningContaining(
            "[ReturnsGuardedType] Things.later() returns Supplier<? extends"
                + " Serializable>, which can hold a Serializable inside it (as a wildcard bound).")
        .inFile(source)
        .onLineContaining("later(");
    assertThat(compilation)
        .hadWarningContaining(
            "[ReturnsGuardedType] Things.byName() returns Map<String,"
                + " List<Things>>, which can hold a Things inside it (as a type argument).")
        .inFile(source)
        .onLineContaining("byName(");
  }

  @Test
  void returnsGuardedType_containerOfTheClass_warnsSayingHowToCreateGuards() {
    JavaFileObject source =
        TestMatrices.source(
            "Store",
            """
        @RequiresPermission("VIEW_ACCOUNT")
        @BoundAccount
        public class Store {
          public java.util.List<Store> children() { return java.util.List.of(); }
        }
        """);

    Compilation compilation = TestMatrices.compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[ReturnsGuardedType] Store.children() returns List<Store>, which"
                + " can hold a Store inside it (as a type argument). GuardedStore checks the returned"
                + " value itself, not what it holds, so an implementation inside reaches the caller"
                + " unguarded. Return guards there (instances made with new GuardedStore(...)) or"
                + " data instead;")
        .inFile(source)
        .onLineContaining("children()");
  }

  @Test
  void returnsGuardedType_classMethodAndClone_warnOnEachSayingTheGuardThrows() {
    JavaFileObject source =
        TestMatrices.source(
            "Store",
            """
        @RequiresPermission("VIEW_ACCOUNT")
        @BoundAccount
        public class Store implements Cloneable {
          public Store copy() { return new Store(); }

          @Override public Object clone() throws CloneNotSupportedException {
            return super.clone();
          }

          public String name() { return "store"; }
        }
        """);

    Compilation compilation = TestMatrices.compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(2);
    assertThat(compilation)
        .hadWarningContaining(
            "[ReturnsGuardedType] Store.copy() returns Store, which can hold an"
                + " instance of Store. GuardedStore passes on a GuardedStore (this, or the copy"
                + " super.clone() makes) and throws IllegalStateException for a Store that is not one"
                + " (made with new Store(...)), so that it never reaches the caller, but it cannot"
                + " reach a Store inside what is returned (a field of another returned object, a"
                + " collection, an Optional). Create instances with new GuardedStore(...) and keep"
                + " them out of returned objects; then add @SuppressWarnings(\"ReturnsGuardedType\")"
                + " with a comment saying why")
        .inFile(source)
        .onLineContaining("public Store copy()");
    assertThat(compilation)
        .hadWarningContaining(
            "[ReturnsGuardedType] Store.clone() returns Object, which can hold"
                + " an instance of Store. GuardedStore passes on a GuardedStore")
        .inFile(source)
        .onLineContaining("public Object clone()");
  }

  @Test
  void returnsGuardedType_subtypeReturns_warnOnEachSayingTheGuardRefusesTheResult() {
    JavaFileObject things =
        TestMatrices.source(
            "Things",
            """
        public interface Things {
          @RequiresPermission("VIEW_THINGS")
          Special special(@WorkspaceId String ws);

          @RequiresPermission("VIEW_THINGS")
          Plain plain(@WorkspaceId String ws);

          @RequiresPermission("VIEW_THINGS")
          <S extends Plain> S narrow(@WorkspaceId String ws, Class<S> type);

          @RequiresPermission("VIEW_THINGS")
          <T> T as(@WorkspaceId String ws, Class<T> type);
        }
        """);
    JavaFileObject special =
        TestMatrices.source(
            "Special",
            """
        public interface Special extends Things {
          @RequiresPermission("VIEW_THINGS")
          String label(@WorkspaceId String ws);
        }
        """);
    JavaFileObject plain = TestMatrices.source("Plain", "public interface Plain extends Things {}");

    Compilation compilation = TestMatrices.compile(things, special, plain);

    assertThat(compilation).succeeded();
    // GuardedSpecial implements special() too, where Special is its own type: that warning.
    assertThat(compilation).hadWarningCount(4);
    assertThat(compilation)
        .hadWarningContaining(
            "[ReturnsGuardedType] Things.special() returns Special, a subtype of"
                + " Things that GuardedThings is not, so GuardedThings cannot stand in for the result:"
                + " it throws IllegalStateException when the result is the implementation itself or"
                + " any other Special that is not a guard of Special, which would reach the caller"
                + " unguarded, and passes null and a guard. Return a guard of Special"
                + " (GuardedSpecial.wrap(...)) or data instead; then add"
                + " @SuppressWarnings(\"ReturnsGuardedType\") with a comment saying why")
        .inFile(things)
        .onLineContaining("Special special(");
    assertThat(compilation)
        .hadWarningContaining(
            "[ReturnsGuardedType] Things.plain() returns Plain, a subtype of"
                + " Things that GuardedThings is not")
        .inFile(things)
        .onLineContaining("Plain plain(");
    assertThat(compilation)
        .hadWarningContaining(
            "Return a guard of Plain (GuardedPlain.wrap(...), once Plain"
                + " carries @RequiresPermission) or data instead")
        .inFile(things)
        .onLineContaining("Plain plain(");
    assertThat(compilation)
        .hadWarningContaining(
            "[ReturnsGuardedType] Things.narrow() returns Plain, a subtype of" + " Things")
        .inFile(things)
        .onLineContaining("S narrow(");
    assertThat(compilation)
        .hadWarningContaining(
            "[ReturnsGuardedType] Things.special() returns Special, which can"
                + " hold the implementation itself or another Special. GuardedSpecial returns itself")
        .inFile(things)
        .onLineContaining("Special special(");
  }

  @Test
  void returnsGuardedType_classMethodReturningSubclass_warnsSayingTheGuardRefusesTheResult() {
    JavaFileObject store =
        TestMatrices.source(
            "Store",
            """
        @RequiresPermission("VIEW_ACCOUNT")
        @BoundAccount
        public class Store {
          public SpecialStore special() { return null; }

          public String name() { return "store"; }
        }
        """);
    JavaFileObject special =
        TestMatrices.source("SpecialStore", "public class SpecialStore extends Store {}");

    Compilation compilation = TestMatrices.compile(store, special);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[ReturnsGuardedType] Store.special() returns SpecialStore, a"
                + " subtype of Store that GuardedStore is not, so GuardedStore cannot stand in for the"
                + " result: it throws IllegalStateException when the result is the implementation"
                + " itself or any other SpecialStore that is not a guard of SpecialStore, which would"
                + " reach the caller unguarded, and passes null and a guard. Return a guard of"
                + " SpecialStore (new GuardedSpecialStore(...), once SpecialStore carries"
                + " @RequiresPermission) or data instead; then add"
                + " @SuppressWarnings(\"ReturnsGuardedType\") with a comment saying why")
        .inFile(store)
        .onLineContaining("public SpecialStore special()");
  }

  @Test
  void returnsGuardedType_suppressedOnMethodOrType() {
    JavaFileObject onMethod =
        TestMatrices.source(
            "Things",
            """
        public interface Things {
          // Implementations return this only; the guard returns itself.
          @SuppressWarnings("ReturnsGuardedType")
          @RequiresPermission("VIEW_THINGS")
          Things withTag(@WorkspaceId String ws, String tag);
        }
        """);
    JavaFileObject onType =
        TestMatrices.source(
            "Store",
            """
        @SuppressWarnings("ReturnsGuardedType") // instances come from new GuardedStore(...) only
        @RequiresPermission("VIEW_ACCOUNT")
        @BoundAccount
        public class Store {
          public Store copy() { return this; }
        }
        """);

    Compilation compilation = TestMatrices.compile(onMethod, onType);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GuardedThings");
    assertThat(compilation).generatedSourceFile("test.GuardedStore");
  }

  @Test
  void unusedWorkspaceId_unguardedMethod_warnsOnTheMarker() {
    String line = "String ping(@WorkspaceId String ws);";
    JavaFileObject source =
        service(
            """
          @Unguarded(reason = "liveness probe")
          %s
          @RequiresPermission(anyOf = {"VIEW_ACCOUNT", "VIEW_THINGS"})
          String either(@WorkspaceId String ws);
          @RequiresPermission("EDIT_ACCOUNT")
          String account(@WorkspaceId String ws);
        """
                .formatted(line));

    Compilation compilation = compile(source);

    assertOneWarningOn(
        compilation,
        "[UnusedWorkspaceId] @WorkspaceId marks parameter ws of"
            + " Things.ping(), which is @Unguarded, so its guard checks nothing and never reads the"
            + " workspace. Remove @WorkspaceId, or guard the method with @RequiresPermission",
        source,
        line,
        "@WorkspaceId",
        1);
    assertThat(compilation).generatedSourceFile("test.GuardedThings");
  }

  @Test
  void unusedWorkspaceId_suppressedOnParameterMethodOrType() {
    JavaFileObject source =
        TestMatrices.source(
            "Things",
            """
        @RequiresPermission("VIEW_ACCOUNT")
        public interface Things {
          @Unguarded(reason = "probe")
          String onParameter(@SuppressWarnings("UnusedWorkspaceId") @WorkspaceId String ws);

          @SuppressWarnings("UnusedWorkspaceId") // the id is logged by the implementation
          @Unguarded(reason = "probe")
          String onMethod(@WorkspaceId String ws);

          @Unguarded(reason = "probe")
          String reported(@WorkspaceId String ws);
        }
        """);
    JavaFileObject onType =
        TestMatrices.source(
            "Store",
            """
        @SuppressWarnings("UnusedWorkspaceId")
        public interface Store {
          @Unguarded(reason = "probe")
          void save(@WorkspaceId String ws);
        }
        """);

    Compilation compilation = TestMatrices.compile(source, onType);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "[UnusedWorkspaceId] @WorkspaceId marks parameter ws of"
                + " Things.reported(), which is @Unguarded")
        .inFile(source)
        .onLineContaining("String reported(");
  }

  @Test
  void unusedAccountId_unguardedMethod_warnsOnTheMarker_suppressible() {
    String line = "String ping(String name, @AccountId String account);";
    JavaFileObject source =
        TestMatrices.source(
            "Things",
            """
        public interface Things {
          @Unguarded(reason = "liveness probe")
          %s
          @Unguarded(reason = "probe")
          @SuppressWarnings("UnusedAccountId") // the id is logged by the implementation
          String quiet(@AccountId String account);
          @RequiresPermission("EDIT_ACCOUNT")
          String account(@AccountId String account);
        }
        """
                .formatted(line));

    Compilation compilation = TestMatrices.compile(source);

    assertOneWarningOn(
        compilation,
        "[UnusedAccountId] @AccountId marks parameter account of"
            + " Things.ping(), which is @Unguarded, so its guard checks nothing and never reads the"
            + " account. Remove @AccountId, or guard the method with @RequiresPermission",
        source,
        line,
        "@AccountId",
        1);
    assertThat(compilation).generatedSourceFile("test.GuardedThings");
  }

  private static Compilation compile(JavaFileObject source) {
    JavaFileObject packageInfo =
        JavaFileObjects.forSourceString(
            "test.package-info",
            "@dev.rolegate.annotations.PermissionMatrix(\"matrix.md\")\npackage test;\n");
    return TestMatrices.compiler(TestMatrices.sourcePath(MATRIX)).compile(packageInfo, source);
  }

  /**
   * Asserts that {@code compilation} succeeded with one warning, containing {@code message}, at the
   * {@code occurrence}-th {@code item} of {@code line} in {@code source}.
   */
  private static void assertOneWarningOn(
      Compilation compilation,
      String message,
      JavaFileObject source,
      String line,
      String item,
      int occurrence) {
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertWarningAt(compilation, message, source, line, column(line, item, occurrence));
  }

  /** Returns the 1-based column of the {@code occurrence}-th {@code text} in {@code line}. */
  static int column(String line, String text, int occurrence) {
    int at = -1;
    for (int i = 0; i < occurrence; i++) {
      at = line.indexOf(text, at + 1);
      assertWithMessage("%s occurrence %s of %s", line, occurrence, text).that(at).isAtLeast(0);
    }
    return at + 1;
  }
}
