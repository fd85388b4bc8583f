package dev.rolegate.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.processor.GeneratedCode.Recorder;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.runtime.PrincipalSource;
import dev.rolegate.runtime.UnauthenticatedException;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compiles guarded interfaces of every supported shape and calls the generated guards. */
class GuardGenerationTest {
  private static PrincipalSource as(Principal principal) {
    return () -> principal;
  }

  /**
   * Asserts that calling {@code method} on {@code guard} with {@code args} throws an {@link
   * IllegalStateException} whose message is {@code message}.
   */
  private static void assertRefused(String message, Object guard, String method, Object... args) {
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> GeneratedCode.call(guard, method, args));
    assertEquals(message, refused.getMessage());
  }

  @Test
  void genericInterface_typeVariablesCarriedThrough_checkedAndDelegated() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Repo",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Repo<K extends Comparable<K>, V> {
          @RequiresPermission(Permissions.VIEW_THINGS)
          V get(@WorkspaceId String ws, K key);
          @RequiresPermission(Permissions.EDIT_THINGS)
          <R extends V> R put(@WorkspaceId String ws, K key, R value);
        }
        """);
    Recorder delegate = new Recorder((method, args) -> args[args.length - 1]);
    Object viewer =
        code.guard("test.Repo", "test.GuardedRepo", delegate, as(code.inWorkspace("VIEWER")));
    assertEquals("k1", GeneratedCode.call(viewer, "get", "ws", "k1"));
    assertThrows(
        AccessDeniedException.class, () -> GeneratedCode.call(viewer, "put", "ws", "k", "v"));
    assertEquals(List.of("get"), delegate.calls);
    Object editor =
        code.guard("test.Repo", "test.GuardedRepo", delegate, as(code.inWorkspace("EDITOR")));
    assertEquals("v", GeneratedCode.call(editor, "put", "ws", "k", "v"));
    assertEquals(2, code.load("test.GuardedRepo").getTypeParameters().length);
  }

  @Test
  void genericMethod_inferredThroughGuard() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Mapper",
            """
        package test;
        import dev.rolegate.annotations.*;
        import java.util.function.Function;
        public interface Mapper {
          @RequiresPermission(Permissions.VIEW_THINGS)
          <T, R> R map(@WorkspaceId String ws, T input, Function<? super T, ? extends R> f);
        }
        """);
    Recorder delegate =
        new Recorder(
            (method, args) ->
                ((java.util.function.Function<Object, Object>) args[2]).apply(args[1]));
    Object guard =
        code.guard("test.Mapper", "test.GuardedMapper", delegate, as(code.inWorkspace("VIEWER")));
    java.util.function.Function<Object, Object> length = s -> ((String) s).length();
    assertEquals(5, GeneratedCode.call(guard, "map", "ws", "hello", length));
  }

  @Test
  void overloads_eachCheckedWithItsOwnPermission() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Finder",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Finder {
          @RequiresPermission(Permissions.VIEW_THINGS)
          String find(@WorkspaceId String ws);
          @RequiresPermission(Permissions.VIEW_SECRETS)
          String find(@WorkspaceId String ws, int limit);
        }
        """);
    Recorder delegate = new Recorder((method, args) -> "found" + args.length);
    Object guard =
        code.guard("test.Finder", "test.GuardedFinder", delegate, as(code.inWorkspace("EDITOR")));
    Class<?> finder = code.load("test.Finder");
    assertEquals("found1", finder.getMethod("find", String.class).invoke(guard, "ws"));
    java.lang.reflect.InvocationTargetException denied =
        assertThrows(
            java.lang.reflect.InvocationTargetException.class,
            () -> finder.getMethod("find", String.class, int.class).invoke(guard, "ws", 3));
    assertTrue(denied.getCause() instanceof AccessDeniedException);
    assertTrue(
        denied.getCause().getMessage().contains("VIEW_SECRETS"), denied.getCause().getMessage());
    assertEquals(List.of("find"), delegate.calls);
  }

  @Test
  void varargsAndArrays_passedThroughUnchanged() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Bytes",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Bytes {
          @RequiresPermission(Permissions.VIEW_THINGS)
          byte[] join(@WorkspaceId String ws, String... parts);
        }
        """);
    Recorder delegate =
        new Recorder((method, args) -> String.join("+", (String[]) args[1]).getBytes());
    Object guard =
        code.guard("test.Bytes", "test.GuardedBytes", delegate, as(code.inWorkspace("VIEWER")));
    Object result = GeneratedCode.call(guard, "join", "ws", new String[] {"a", "b"});
    assertArrayEquals("a+b".getBytes(), (byte[]) result);
    assertTrue(
        code.load("test.GuardedBytes").getMethod("join", String.class, String[].class).isVarArgs());
  }

  @Test
  void checkedException_fromDelegate_passesThroughUnchanged() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Store",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Store {
          @RequiresPermission(Permissions.EDIT_THINGS)
          void save(@WorkspaceId String ws) throws java.io.IOException;
        }
        """);
    IOException failure = new IOException("disk full");
    Recorder delegate = new Recorder((method, args) -> failure);
    Object guard =
        code.guard("test.Store", "test.GuardedStore", delegate, as(code.inWorkspace("EDITOR")));
    Throwable thrown = assertThrows(Throwable.class, () -> GeneratedCode.call(guard, "save", "ws"));
    assertSame(failure, thrown);
    assertFalse(thrown instanceof SecurityException);
    assertEquals(
        List.of(IOException.class),
        List.of(
            code.load("test.GuardedStore").getMethod("save", String.class).getExceptionTypes()));
  }

  @Test
  void defaultMethod_checkedThenDelegatedToTheDelegatesImplementation() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Greeter",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Greeter {
          @RequiresPermission(Permissions.DELETE_THINGS)
          default String greet(@WorkspaceId String ws) {
            return "default greeting";
          }
        }
        """);
    Recorder delegate = new Recorder((method, args) -> "unused");
    Object owner =
        code.guard("test.Greeter", "test.GuardedGreeter", delegate, as(code.inWorkspace("OWNER")));
    assertEquals("default greeting", GeneratedCode.call(owner, "greet", "ws"));
    Object editor =
        code.guard("test.Greeter", "test.GuardedGreeter", delegate, as(code.inWorkspace("EDITOR")));
    assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(editor, "greet", "ws"));
    assertEquals(List.of("greet"), delegate.calls);
  }

  @Test
  void primitiveAndVoidReturns_returnTheDelegatesValues() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Numbers",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Numbers {
          @RequiresPermission(Permissions.VIEW_THINGS) int count(@WorkspaceId String ws);
          @RequiresPermission(Permissions.VIEW_THINGS) long total(@WorkspaceId String ws);
          @RequiresPermission(Permissions.VIEW_THINGS) boolean any(@WorkspaceId String ws);
          @RequiresPermission(Permissions.VIEW_THINGS) double mean(@WorkspaceId String ws);
          @RequiresPermission(Permissions.EDIT_THINGS) void reset(@WorkspaceId String ws);
        }
        """);
    Recorder delegate =
        new Recorder(
            (method, args) ->
                switch (method.getName()) {
                  case "count" -> 7;
                  case "total" -> 70L;
                  case "any" -> true;
                  case "mean" -> 2.5;
                  default -> null;
                });
    Object guard =
        code.guard("test.Numbers", "test.GuardedNumbers", delegate, as(code.inWorkspace("EDITOR")));
    assertEquals(7, GeneratedCode.call(guard, "count", "ws"));
    assertEquals(70L, GeneratedCode.call(guard, "total", "ws"));
    assertEquals(true, GeneratedCode.call(guard, "any", "ws"));
    assertEquals(2.5, GeneratedCode.call(guard, "mean", "ws"));
    assertEquals(null, GeneratedCode.call(guard, "reset", "ws"));
    assertEquals(List.of("count", "total", "any", "mean", "reset"), delegate.calls);
  }

  @Test
  void nestedInterface_guardNamedOuter_Inner() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Outer",
            """
        package test;
        import dev.rolegate.annotations.*;
        public class Outer {
          public interface Inner {
            @RequiresPermission(Permissions.VIEW_THINGS)
            String name(@WorkspaceId String ws);
          }
        }
        """);
    Recorder delegate = new Recorder((method, args) -> "inner");
    Object guard =
        code.guard(
            "test.Outer$Inner",
            "test.GuardedOuter_Inner",
            delegate,
            as(code.inWorkspace("VIEWER")));
    assertEquals("inner", GeneratedCode.call(guard, "name", "ws"));
    assertTrue(Modifier.isFinal(code.load("test.GuardedOuter_Inner").getModifiers()));
  }

  @Test
  void extendingGuardedInterface_inheritedMethodsCheckedWithTheirOwnPermissions() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Base",
                """
        package test;
        import dev.rolegate.annotations.*;
        public interface Base {
          @RequiresPermission(Permissions.DELETE_THINGS)
          void purge(@WorkspaceId String ws);
        }
        """,
            "test.Child",
                """
        package test;
        import dev.rolegate.annotations.*;
        public interface Child extends Base {
          @RequiresPermission(Permissions.VIEW_THINGS)
          String look(@WorkspaceId String ws);
        }
        """);
    Recorder delegate = new Recorder((method, args) -> "seen");
    Object guard =
        code.guard("test.Child", "test.GuardedChild", delegate, as(code.inWorkspace("VIEWER")));
    assertEquals("seen", GeneratedCode.call(guard, "look", "ws"));
    AccessDeniedException denied =
        assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(guard, "purge", "ws"));
    assertTrue(denied.getMessage().contains("Base.purge"), denied.getMessage());
    assertEquals(List.of("look"), delegate.calls);
    code.load("test.GuardedBase");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Base, Stricter", "Stricter, Base"})
  void inheritedMethod_checkedAsItsMostSpecificDeclaration_notTheOneItOverrides(String order)
      throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Base",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Base {
          @RequiresPermission(Permissions.VIEW_THINGS)
          String purge(@WorkspaceId String ws);
        }
        """,
            "test.Stricter",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Stricter extends Base {
          @Override
          @RequiresPermission(Permissions.DELETE_THINGS)
          default String purge(@WorkspaceId String ws) {
            return "purged";
          }
        }
        """,
            "test.Both",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Both extends %s {
          @RequiresPermission(Permissions.VIEW_THINGS)
          String look(@WorkspaceId String ws);
        }
        """
                .formatted(order));
    Recorder delegate = new Recorder((method, args) -> "seen");
    Object viewer =
        code.guard("test.Both", "test.GuardedBoth", delegate, as(code.inWorkspace("VIEWER")));
    assertEquals("seen", GeneratedCode.call(viewer, "look", "ws"));
    AccessDeniedException denied =
        assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(viewer, "purge", "ws"));
    assertTrue(denied.getMessage().contains("Stricter.purge"), denied.getMessage());
    assertEquals(List.of("look"), delegate.calls);
    Object owner =
        code.guard("test.Both", "test.GuardedBoth", delegate, as(code.inWorkspace("OWNER")));
    assertEquals("purged", GeneratedCode.call(owner, "purge", "ws"));
    assertEquals(List.of("look", "purge"), delegate.calls);
  }

  @Test
  void methodOfUnrelatedSuperinterfaces_thatAgree_isGuardedOnce() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Left",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Left {
          @RequiresPermission(Permissions.EDIT_THINGS)
          String edit(@WorkspaceId String ws);
        }
        """,
            "test.Right",
            """
        package test;
        import dev.rolegate.annotations.*;
        @RequiresPermission(Permissions.EDIT_THINGS)
        public interface Right {
          String edit(@WorkspaceId String ws);
        }
        """,
            "test.Both",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Both extends Left, Right {
          @RequiresPermission(Permissions.VIEW_THINGS)
          String look(@WorkspaceId String ws);
        }
        """);
    Recorder delegate = new Recorder((method, args) -> "edited");
    Object viewer =
        code.guard("test.Both", "test.GuardedBoth", delegate, as(code.inWorkspace("VIEWER")));
    assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(viewer, "edit", "ws"));
    Object editor =
        code.guard("test.Both", "test.GuardedBoth", delegate, as(code.inWorkspace("EDITOR")));
    assertEquals("edited", GeneratedCode.call(editor, "edit", "ws"));
    assertEquals(List.of("edit"), delegate.calls);
  }

  @Test
  void parameterNamesClashingWithGuardNames_compileAndWork() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Clash",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Clash {
          @RequiresPermission(Permissions.VIEW_THINGS)
          String m(@WorkspaceId String source, String delegate, String VIEW_THINGS, String Requirement);
          @RequiresPermission(Permissions.EDIT_THINGS)
          String wrap(@WorkspaceId String Objects, String CurrentPrincipal);
        }
        """);
    Recorder delegate =
        new Recorder(
            (method, args) ->
                String.join(",", java.util.Arrays.copyOf(args, args.length, String[].class)));
    Object guard =
        code.guard("test.Clash", "test.GuardedClash", delegate, as(code.inWorkspace("EDITOR")));
    assertEquals("ws,d,v,r", GeneratedCode.call(guard, "m", "ws", "d", "v", "r"));
    assertEquals("ws,c", GeneratedCode.call(guard, "wrap", "ws", "c"));
    Object viewer =
        code.guard("test.Clash", "test.GuardedClash", delegate, as(code.inWorkspace("VIEWER")));
    assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(viewer, "wrap", "ws", "c"));
  }

  @Test
  void anyOfAndAccountLevel_andBoundWorkspace() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Mixed",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Mixed {
          @RequiresPermission(anyOf = {Permissions.VIEW_SECRETS, Permissions.EDIT_ACCOUNT})
          String secrets(@WorkspaceId String ws);
          @RequiresPermission(Permissions.EDIT_ACCOUNT)
          @BoundAccount
          String account();
          @RequiresPermission(Permissions.VIEW_THINGS)
          @BoundWorkspace
          String inBoundWorkspace();
          @Unguarded(reason = "liveness probe")
          String ping();
        }
        """);
    Recorder delegate = new Recorder((method, args) -> method.getName());
    Principal member = code.inWorkspace("VIEWER");
    Principal admin =
        Principal.user("root")
            .matrix(code.matrix())
            .directory(GeneratedCode.ACME)
            .accountRole("ADMIN")
            .build();
    Object guard =
        code.guard("test.Mixed", "test.GuardedMixed", delegate, CurrentPrincipal.source());
    try (PrincipalScope scope = CurrentPrincipal.bind(member, "acme", "ws")) {
      assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(guard, "secrets", "ws"));
      assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(guard, "account"));
      assertEquals("inBoundWorkspace", GeneratedCode.call(guard, "inBoundWorkspace"));
    }
    try (PrincipalScope scope = CurrentPrincipal.bind(admin, "acme", null)) {
      assertEquals("secrets", GeneratedCode.call(guard, "secrets", "other-ws"));
      assertEquals("account", GeneratedCode.call(guard, "account"));
      assertThrows(
          AccessDeniedException.class, () -> GeneratedCode.call(guard, "inBoundWorkspace"));
    }
    assertThrows(UnauthenticatedException.class, () -> GeneratedCode.call(guard, "account"));
    assertEquals("ping", GeneratedCode.call(guard, "ping"));
    assertEquals(List.of("inBoundWorkspace", "secrets", "account", "ping"), delegate.calls);
  }

  @Test
  void wrapNull_throwsAtOnce() {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Things",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Things {
          @RequiresPermission(Permissions.VIEW_THINGS)
          String view(@WorkspaceId String ws);
        }
        """);
    Class<?> guard = code.load("test.GuardedThings");
    Class<?> things = code.load("test.Things");
    java.lang.reflect.InvocationTargetException thrown =
        assertThrows(
            java.lang.reflect.InvocationTargetException.class,
            () -> guard.getMethod("wrap", things).invoke(null, (Object) null));
    assertTrue(thrown.getCause() instanceof NullPointerException);
  }

  @Test
  void uuidWorkspace_checkedWithoutConversion() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.ById",
            """
        package test;
        import dev.rolegate.annotations.*;
        import java.util.UUID;
        public interface ById {
          @RequiresPermission(Permissions.EDIT_THINGS)
          String edit(@WorkspaceId UUID ws);
        }
        """);
    java.util.UUID ws = java.util.UUID.randomUUID();
    Principal editor =
        Principal.user("e")
            .matrix(code.matrix())
            .directory(GeneratedCode.ACME)
            .workspaceRole(ws, "EDITOR")
            .build();
    Recorder delegate = new Recorder((method, args) -> "edited");
    Object guard = code.guard("test.ById", "test.GuardedById", delegate, as(editor));
    assertEquals("edited", GeneratedCode.call(guard, "edit", ws));
    assertThrows(
        AccessDeniedException.class,
        () -> GeneratedCode.call(guard, "edit", java.util.UUID.randomUUID()));
  }

  /** A service whose methods can return the implementation; its guard's return-value rule. */
  private static GeneratedCode tagged() {
    return GeneratedCode.compile(
        "test.Tagged",
        """
        package test;
        import dev.rolegate.annotations.*;
        @SuppressWarnings("ReturnsGuardedType") // the return-value rule is what the tests exercise
        public interface Tagged {
          @RequiresPermission(Permissions.VIEW_THINGS)
          Tagged withTag(@WorkspaceId String ws, String tag);
          @RequiresPermission(Permissions.DELETE_THINGS)
          String purge(@WorkspaceId String ws);
          @Unguarded(reason = "identity")
          Tagged self();
          @RequiresPermission(Permissions.VIEW_THINGS)
          Tagged copy(@WorkspaceId String ws);
          @RequiresPermission(Permissions.VIEW_THINGS)
          Object pick(@WorkspaceId String ws, int which);
          @RequiresPermission(Permissions.VIEW_THINGS)
          <T> T as(@WorkspaceId String ws, Class<T> type);
        }
        """,
        "test.TaggedImpl",
        """
        package test;
        public class TaggedImpl implements Tagged {
          public final java.util.List<String> tags = new java.util.ArrayList<>();
          public Tagged withTag(String ws, String tag) { tags.add(tag); return this; }
          public String purge(String ws) { return "purged"; }
          public Tagged self() { return this; }
          public Tagged copy(String ws) { return new TaggedImpl(); }
          public Object pick(String ws, int which) {
            return which == 0 ? this : which == 1 ? new TaggedImpl() : which == 2 ? "text" : null;
          }
          public <T> T as(String ws, Class<T> type) { return type.cast(this); }
        }
        """,
        "test.Caller",
        """
        package test;
        public final class Caller {
          private Caller() {}
          public static Object asImplementation(Tagged tagged) {
            TaggedImpl impl = tagged.as("ws", TaggedImpl.class);
            return impl;
          }
        }
        """);
  }

  /**
   * Returns a new {@code implementation} (of package test, made by its no-argument constructor)
   * wrapped in the guard of {@code service}, reading {@code principal}.
   */
  private static Object wrapNew(
      GeneratedCode code, String service, String implementation, Principal principal)
      throws Throwable {
    Object impl = code.load("test." + implementation).getConstructor().newInstance();
    return code.load("test.Guarded" + service)
        .getMethod("wrap", code.load("test." + service), PrincipalSource.class)
        .invoke(null, impl, as(principal));
  }

  @Test
  void returnValue_fluentReturnsThis_callerGetsTheGuard_laterCallDenied() throws Throwable {
    GeneratedCode code = tagged();
    Object guard = wrapNew(code, "Tagged", "TaggedImpl", code.inWorkspace("VIEWER"));
    Object returned = GeneratedCode.call(guard, "withTag", "ws", "blue");
    assertSame(guard, returned);
    assertFalse(code.load("test.TaggedImpl").isInstance(returned));
    AccessDeniedException denied =
        assertThrows(
            AccessDeniedException.class, () -> GeneratedCode.call(returned, "purge", "ws"));
    assertTrue(denied.getMessage().contains("Tagged.purge"), denied.getMessage());
    assertSame(
        guard,
        GeneratedCode.call(
            GeneratedCode.call(returned, "withTag", "ws", "red"), "withTag", "ws", "green"));
  }

  @Test
  void returnValue_unguardedSelf_returnsTheGuard() throws Throwable {
    GeneratedCode code = tagged();
    Object guard = wrapNew(code, "Tagged", "TaggedImpl", code.inWorkspace("VIEWER"));
    Object self = GeneratedCode.call(guard, "self");
    assertSame(guard, self);
    assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(self, "purge", "ws"));
  }

  @Test
  void returnValue_newImplementation_wrappedWithTheSameSource() throws Throwable {
    GeneratedCode code = tagged();
    Class<?> guardType = code.load("test.GuardedTagged");
    Object asViewer = wrapNew(code, "Tagged", "TaggedImpl", code.inWorkspace("VIEWER"));
    Object copy = GeneratedCode.call(asViewer, "copy", "ws");
    assertTrue(guardType.isInstance(copy), String.valueOf(copy.getClass()));
    assertFalse(copy == asViewer);
    assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(copy, "purge", "ws"));
    Object asOwner = wrapNew(code, "Tagged", "TaggedImpl", code.inWorkspace("OWNER"));
    Object ownersCopy = GeneratedCode.call(asOwner, "copy", "ws");
    assertTrue(guardType.isInstance(ownersCopy));
    assertEquals("purged", GeneratedCode.call(ownersCopy, "purge", "ws"));
  }

  @Test
  void returnValue_objectReturn_selfIsTheGuard_otherImplementationWrapped_restUnchanged()
      throws Throwable {
    GeneratedCode code = tagged();
    Class<?> guardType = code.load("test.GuardedTagged");
    Object guard = wrapNew(code, "Tagged", "TaggedImpl", code.inWorkspace("VIEWER"));
    assertSame(guard, GeneratedCode.call(guard, "pick", "ws", 0));
    Object other = GeneratedCode.call(guard, "pick", "ws", 1);
    assertTrue(guardType.isInstance(other), String.valueOf(other.getClass()));
    assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(other, "purge", "ws"));
    assertEquals("text", GeneratedCode.call(guard, "pick", "ws", 2));
    assertEquals(null, GeneratedCode.call(guard, "pick", "ws", 3));
    assertSame(guard, GeneratedCode.call(guard, "as", "ws", code.load("test.Tagged")));
    assertThrows(
        AccessDeniedException.class, () -> GeneratedCode.call(guard, "pick", "other-ws", 0));
  }

  @Test
  void returnValue_guardReturnedByDelegate_passedOnAsIs() throws Throwable {
    GeneratedCode code = tagged();
    Object ownerGuard = wrapNew(code, "Tagged", "TaggedImpl", code.inWorkspace("OWNER"));
    Recorder delegate = new Recorder((method, args) -> ownerGuard);
    Object guard =
        code.guard("test.Tagged", "test.GuardedTagged", delegate, as(code.inWorkspace("VIEWER")));
    assertSame(ownerGuard, GeneratedCode.call(guard, "copy", "ws"));
    assertSame(ownerGuard, GeneratedCode.call(guard, "pick", "ws", 9));
  }

  @Test
  void returnValue_typeVariableInstantiatedAsImplementation_callerGetsClassCastException()
      throws Throwable {
    GeneratedCode code = tagged();
    Object guard = wrapNew(code, "Tagged", "TaggedImpl", code.inWorkspace("VIEWER"));
    java.lang.reflect.Method asImplementation =
        code.load("test.Caller").getMethod("asImplementation", code.load("test.Tagged"));
    java.lang.reflect.InvocationTargetException thrown =
        assertThrows(
            java.lang.reflect.InvocationTargetException.class,
            () -> asImplementation.invoke(null, guard));
    assertTrue(thrown.getCause() instanceof ClassCastException, String.valueOf(thrown.getCause()));
    assertTrue(
        thrown.getCause().getMessage().contains("test.GuardedTagged"),
        thrown.getCause().getMessage());
    assertSame(guard, GeneratedCode.call(guard, "as", "ws", Object.class));
  }

  /**
   * Tagged, whose methods return its subtypes: Special (guarded, so GuardedSpecial exists), Plain
   * (not guarded) and a type variable bounded by Special. SpecialImpl returns {@code which}: 0
   * itself, 1 a new SpecialImpl, 2 a GuardedSpecial, else null.
   */
  private static GeneratedCode subtypes() {
    return GeneratedCode.compile(
        "test.Tagged",
        """
        package test;
        import dev.rolegate.annotations.*;
        @SuppressWarnings("ReturnsGuardedType") // the guard's refusal is under test
        public interface Tagged {
          @RequiresPermission(Permissions.VIEW_THINGS)
          Special special(@WorkspaceId String ws, int which);
          @RequiresPermission(Permissions.VIEW_THINGS)
          Plain plain(@WorkspaceId String ws, int which);
          @RequiresPermission(Permissions.VIEW_THINGS)
          <S extends Special> S narrow(@WorkspaceId String ws, Class<S> type);
          @RequiresPermission(Permissions.DELETE_THINGS)
          String purge(@WorkspaceId String ws);
        }
        """,
        "test.Special",
        """
        package test;
        import dev.rolegate.annotations.*;
        public interface Special extends Tagged, Plain {
          @RequiresPermission(Permissions.VIEW_THINGS)
          String label(@WorkspaceId String ws);
        }
        """,
        "test.Plain",
        """
        package test;
        public interface Plain extends Tagged {}
        """,
        "test.SpecialImpl",
        """
        package test;
        public class SpecialImpl implements Special {
          private Special pick(int which) {
            return which == 0 ? this : which == 1 ? new SpecialImpl()
                : which == 2 ? GuardedSpecial.wrap(new SpecialImpl()) : null;
          }
          public Special special(String ws, int which) { return pick(which); }
          public Plain plain(String ws, int which) { return pick(which); }
          public <S extends Special> S narrow(String ws, Class<S> type) { return type.cast(this); }
          public String purge(String ws) { return "purged"; }
          public String label(String ws) { return "label"; }
        }
        """);
  }

  @Test
  void returnValue_subtypeReturn_implementationRefused_guardOfSubtypeAndNullPass()
      throws Throwable {
    GeneratedCode code = subtypes();
    Object guard = wrapNew(code, "Tagged", "SpecialImpl", code.inWorkspace("VIEWER"));
    assertRefused(
        "Tagged.special returned its implementation or a Special that is not a guard of"
            + " Special, which would reach the caller unguarded: GuardedTagged cannot stand in for a"
            + " Special. Return a guard of Special (GuardedSpecial.wrap(...)) or data instead",
        guard,
        "special",
        "ws",
        0);
    assertThrows(IllegalStateException.class, () -> GeneratedCode.call(guard, "special", "ws", 1));
    Object guarded = GeneratedCode.call(guard, "special", "ws", 2);
    assertSame(code.load("test.GuardedSpecial"), guarded.getClass());
    assertEquals(null, GeneratedCode.call(guard, "special", "ws", 3));
    assertThrows(
        AccessDeniedException.class, () -> GeneratedCode.call(guard, "special", "other-ws", 2));
  }

  @Test
  void returnValue_unguardedSubtypeAndBoundedTypeVariable_everyInstanceRefused() throws Throwable {
    GeneratedCode code = subtypes();
    Object guard = wrapNew(code, "Tagged", "SpecialImpl", code.inWorkspace("VIEWER"));
    assertRefused(
        "Tagged.plain returned its implementation or a Plain that is not a guard of"
            + " Plain, which would reach the caller unguarded: GuardedTagged cannot stand in for a"
            + " Plain. Return a guard of Plain (GuardedPlain.wrap(...), once Plain carries"
            + " @RequiresPermission) or data instead",
        guard,
        "plain",
        "ws",
        0);
    assertThrows(IllegalStateException.class, () -> GeneratedCode.call(guard, "plain", "ws", 1));
    assertThrows(IllegalStateException.class, () -> GeneratedCode.call(guard, "plain", "ws", 2));
    assertEquals(null, GeneratedCode.call(guard, "plain", "ws", 3));
    IllegalStateException narrow =
        assertThrows(
            IllegalStateException.class,
            () -> GeneratedCode.call(guard, "narrow", "ws", code.load("test.SpecialImpl")));
    assertTrue(
        narrow
            .getMessage()
            .startsWith(
                "Tagged.narrow returned its implementation or a"
                    + " Special that is not a guard of Special"),
        narrow.getMessage());
  }

  /**
   * Svc, whose methods return types other than Svc and its supertypes that an implementation can
   * implement too: Runnable, a type variable bounded by it, CharSequence. SvcImpl is a Svc and a
   * Runnable; task's {@code which} picks 0 itself, 1 another SvcImpl, 2 a plain Runnable, else
   * null.
   */
  private static GeneratedCode otherReturns() {
    return GeneratedCode.compile(
        "test.Svc",
        """
        package test;
        import dev.rolegate.annotations.*;
        public interface Svc {
          @RequiresPermission(Permissions.DELETE_THINGS)
          String purge(@WorkspaceId String ws);
          @RequiresPermission(Permissions.VIEW_THINGS)
          Runnable task(@WorkspaceId String ws, int which);
          @RequiresPermission(Permissions.VIEW_THINGS)
          <T extends Runnable> T runner(@WorkspaceId String ws, Class<T> type);
          @RequiresPermission(Permissions.VIEW_THINGS)
          CharSequence label(@WorkspaceId String ws);
        }
        """,
        "test.SvcImpl",
        """
        package test;
        public final class SvcImpl implements Svc, Runnable {
          public String purge(String ws) { return "purged"; }
          public Runnable task(String ws, int which) {
            return which == 0 ? this : which == 1 ? new SvcImpl() : which == 2 ? () -> {} : null;
          }
          public <T extends Runnable> T runner(String ws, Class<T> type) { return type.cast(this); }
          public CharSequence label(String ws) { return new StringBuilder("label"); }
          public void run() {}
        }
        """);
  }

  @Test
  void returnValue_otherInterfaceOfTheImplementation_implementationNeverReachesTheCaller()
      throws Throwable {
    GeneratedCode code = otherReturns();
    Object guard = wrapNew(code, "Svc", "SvcImpl", code.inWorkspace("VIEWER"));
    assertRefused(
        "Svc.task returned its implementation or another Svc as a Runnable, which would"
            + " reach the caller unguarded. Return data or a guard instead",
        guard,
        "task",
        "ws",
        0);
    assertThrows(IllegalStateException.class, () -> GeneratedCode.call(guard, "task", "ws", 1));
    Object plain = GeneratedCode.call(guard, "task", "ws", 2);
    assertFalse(code.load("test.Svc").isInstance(plain));
    assertEquals(null, GeneratedCode.call(guard, "task", "ws", 3));
    assertEquals("label", GeneratedCode.call(guard, "label", "ws").toString());
    assertThrows(AccessDeniedException.class, () -> GeneratedCode.call(guard, "purge", "ws"));
  }

  @Test
  void returnValue_typeVariableBoundedByAnotherInterface_implementationNeverReachesTheCaller()
      throws Throwable {
    GeneratedCode code = otherReturns();
    Object guard = wrapNew(code, "Svc", "SvcImpl", code.inWorkspace("VIEWER"));
    assertRefused(
        "Svc.runner returned its implementation or another Svc as a Runnable, which would"
            + " reach the caller unguarded. Return data or a guard instead",
        guard,
        "runner",
        "ws",
        Runnable.class);
    assertThrows(
        IllegalStateException.class,
        () -> GeneratedCode.call(guard, "runner", "ws", code.load("test.SvcImpl")));
  }

  @Test
  void returnValue_otherObjectOfAnInterfaceOrObjectType_passesUnchanged() throws Throwable {
    GeneratedCode code = tagged();
    Object guard = wrapNew(code, "Tagged", "TaggedImpl", code.inWorkspace("VIEWER"));
    assertEquals("text", GeneratedCode.call(guard, "pick", "ws", 2));
    GeneratedCode other = otherReturns();
    Object svc = wrapNew(other, "Svc", "SvcImpl", other.inWorkspace("VIEWER"));
    Object label = GeneratedCode.call(svc, "label", "ws");
    assertSame(StringBuilder.class, label.getClass());
    Object plain = GeneratedCode.call(svc, "task", "ws", 2);
    assertTrue(plain instanceof Runnable, String.valueOf(plain));
  }
}
