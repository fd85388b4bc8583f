package dev.rolegate.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.runtime.UnauthenticatedException;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Compiles guarded classes and calls the generated subclass guards: constructors mirrored, each
 * guarded method checked before {@code super} runs, self-invocation checked too.
 */
class ClassGuardTest {
  @Test
  void constructors_mirroredWithVarargsTypeParametersExceptionsAndAccess() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Ledger",
            """
        package test;
        import dev.rolegate.annotations.*;
        public class Ledger {
          final String made;
          public Ledger() { made = "none"; }
          public Ledger(String name, int... sizes) { made = name + sizes.length; }
          protected Ledger(long seed) throws java.io.IOException {
            if (seed < 0) throw new java.io.IOException("negative seed");
            made = "seed" + seed;
          }
          <T extends CharSequence> Ledger(T name, boolean upper) { made = name + "/" + upper; }
          private Ledger(Object hidden) { made = "hidden"; }
          @RequiresPermission(Permissions.VIEW_THINGS)
          public String made(@WorkspaceId String ws) { return made; }
        }
        """);
    Class<?> guard = code.load("test.GuardedLedger");
    assertSame(code.load("test.Ledger"), guard.getSuperclass());
    assertTrue(Modifier.isFinal(guard.getModifiers()) && Modifier.isPublic(guard.getModifiers()));
    assertEquals(4, guard.getDeclaredConstructors().length);
    Constructor<?> varargs = guard.getConstructor(String.class, int[].class);
    assertTrue(varargs.isVarArgs());
    Constructor<?> seeded = guard.getDeclaredConstructor(long.class);
    assertTrue(Modifier.isProtected(seeded.getModifiers()));
    assertEquals(List.of(IOException.class), List.of(seeded.getExceptionTypes()));
    Constructor<?> generic = guard.getDeclaredConstructor(CharSequence.class, boolean.class);
    assertEquals(1, generic.getTypeParameters().length);
    assertEquals(
        0, generic.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.PRIVATE));
    Principal viewer = code.inWorkspace("VIEWER");
    assertEquals("none", as(viewer, create(guard), "made", "ws"));
    assertEquals("ab2", as(viewer, create(guard, "ab", new int[] {1, 2}), "made", "ws"));
    assertEquals("seed7", as(viewer, create(guard, 7L), "made", "ws"));
    assertEquals("x/true", as(viewer, create(guard, "x", true), "made", "ws"));
    IOException thrown = assertThrows(IOException.class, () -> create(guard, -1L));
    assertEquals("negative seed", thrown.getMessage());
  }

  @Test
  void guardedMethod_allowedDeniedUnauthenticated_bodyRunsOnlyWhenAllowed() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Ledger",
            """
        package test;
        import dev.rolegate.annotations.*;
        public class Ledger {
          public final java.util.List<String> ran = new java.util.ArrayList<>();
          @RequiresPermission(Permissions.EDIT_THINGS)
          public String post(@WorkspaceId String ws, String entry) {
            ran.add(entry);
            return "posted " + entry;
          }
        }
        """);
    Object ledger = create(code.load("test.GuardedLedger"));
    assertEquals("posted a", as(code.inWorkspace("EDITOR"), ledger, "post", "ws", "a"));
    AccessDeniedException denied =
        assertThrows(
            AccessDeniedException.class,
            () -> as(code.inWorkspace("VIEWER"), ledger, "post", "ws", "b"));
    assertTrue(denied.getMessage().contains("Ledger.post"), denied.getMessage());
    assertTrue(denied.getMessage().contains("EDIT_THINGS"), denied.getMessage());
    assertThrows(
        AccessDeniedException.class,
        () -> as(code.inWorkspace("EDITOR"), ledger, "post", "other-ws", "c"));
    assertThrows(
        UnauthenticatedException.class, () -> GeneratedCode.call(ledger, "post", "ws", "d"));
    assertEquals(List.of("a"), ledger.getClass().getField("ran").get(ledger));
  }

  @Test
  void inheritedDefaultMethod_checkedAsItsMostSpecificDeclaration() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Base",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Base {
          @RequiresPermission(Permissions.VIEW_THINGS)
          default String purge(@WorkspaceId String ws) { return "base"; }
        }
        """,
            "test.Stricter",
            """
        package test;
        import dev.rolegate.annotations.*;
        public interface Stricter extends Base {
          @Override
          @RequiresPermission(Permissions.DELETE_THINGS)
          default String purge(@WorkspaceId String ws) { return "stricter"; }
        }
        """,
            "test.Ledger",
            """
        package test;
        import dev.rolegate.annotations.*;
        public class Ledger implements Base, Stricter {
          @RequiresPermission(Permissions.VIEW_THINGS)
          public String look(@WorkspaceId String ws) { return "look"; }
        }
        """);
    Object ledger = create(code.load("test.GuardedLedger"));
    assertEquals("look", as(code.inWorkspace("VIEWER"), ledger, "look", "ws"));
    AccessDeniedException denied =
        assertThrows(
            AccessDeniedException.class,
            () -> as(code.inWorkspace("VIEWER"), ledger, "purge", "ws"));
    assertTrue(denied.getMessage().contains("DELETE_THINGS"), denied.getMessage());
    assertEquals("stricter", as(code.inWorkspace("OWNER"), ledger, "purge", "ws"));
  }

  @Test
  void selfInvocation_innerGuardedCallCheckedToo() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Ledger",
            """
        package test;
        import dev.rolegate.annotations.*;
        public class Ledger {
          public final java.util.List<String> ran = new java.util.ArrayList<>();
          // The test wants the inner call denied for EDITOR: [UncoveredGuardedCall] says so too.
          @SuppressWarnings("UncoveredGuardedCall")
          @RequiresPermission(Permissions.EDIT_THINGS)
          public void close(@WorkspaceId String ws) {
            ran.add("close");
            this.purge(ws);
            ran.add("closed");
          }
          @RequiresPermission(Permissions.DELETE_THINGS)
          public void purge(@WorkspaceId String ws) { ran.add("purge"); }
        }
        """);
    Class<?> guard = code.load("test.GuardedLedger");
    Object asEditor = create(guard);
    AccessDeniedException denied =
        assertThrows(
            AccessDeniedException.class,
            () -> as(code.inWorkspace("EDITOR"), asEditor, "close", "ws"));
    assertTrue(denied.getMessage().contains("Ledger.purge"), denied.getMessage());
    assertTrue(denied.getMessage().contains("DELETE_THINGS"), denied.getMessage());
    assertEquals(List.of("close"), guard.getField("ran").get(asEditor));
    Object asOwner = create(guard);
    as(code.inWorkspace("OWNER"), asOwner, "close", "ws");
    assertEquals(List.of("close", "purge", "closed"), guard.getField("ran").get(asOwner));
    Object unguarded = create(code.load("test.Ledger"));
    GeneratedCode.call(unguarded, "close", "ws");
    assertEquals(List.of("close", "purge", "closed"), guard.getField("ran").get(unguarded));
  }

  @Test
  void genericClass_typeVariablesCarriedThrough_returnsOfEveryShape() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Repo",
            """
        package test;
        import dev.rolegate.annotations.*;
        import java.util.*;
        public class Repo<K extends Comparable<K>, V> {
          private final Map<K, V> items = new TreeMap<>();
          public Repo(Map<K, V> initial) { items.putAll(initial); }
          @RequiresPermission(Permissions.VIEW_THINGS)
          public V get(@WorkspaceId String ws, K key) { return items.get(key); }
          @RequiresPermission(Permissions.EDIT_THINGS)
          public <R extends V> R put(@WorkspaceId String ws, K key, R value) { items.put(key, value); return value; }
          @RequiresPermission(Permissions.VIEW_THINGS)
          public synchronized int size(@WorkspaceId String ws) { return items.size(); }
          @RequiresPermission(Permissions.VIEW_THINGS)
          public Object[] keys(@WorkspaceId String ws) { return items.keySet().toArray(); }
          @RequiresPermission(Permissions.EDIT_THINGS)
          public void clear(@WorkspaceId String ws) { items.clear(); }
        }
        """);
    Class<?> guard = code.load("test.GuardedRepo");
    assertEquals(2, guard.getTypeParameters().length);
    ParameterizedType superclass = (ParameterizedType) guard.getGenericSuperclass();
    assertEquals("[K, V]", Arrays.toString(superclass.getActualTypeArguments()));
    Object repo = create(guard, Map.of("k1", "v1"));
    Principal viewer = code.inWorkspace("VIEWER");
    assertEquals("v1", as(viewer, repo, "get", "ws", "k1"));
    assertEquals(1, as(viewer, repo, "size", "ws"));
    assertArrayEquals(new Object[] {"k1"}, (Object[]) as(viewer, repo, "keys", "ws"));
    assertThrows(AccessDeniedException.class, () -> as(viewer, repo, "put", "ws", "k2", "v2"));
    assertThrows(AccessDeniedException.class, () -> as(viewer, repo, "clear", "ws"));
    assertEquals(1, as(viewer, repo, "size", "ws"));
    assertEquals("v2", as(code.inWorkspace("EDITOR"), repo, "put", "ws", "k2", "v2"));
    assertEquals(null, as(code.inWorkspace("EDITOR"), repo, "clear", "ws"));
    assertEquals(0, as(viewer, repo, "size", "ws"));
    assertFalse(Modifier.isSynchronized(guard.getMethod("size", String.class).getModifiers()));
  }

  @Test
  void typeLevelDefault_overriddenPerMethod_objectMethodsExempt() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Catalog",
            """
        package test;
        import dev.rolegate.annotations.*;
        @RequiresPermission(Permissions.VIEW_THINGS)
        public class Catalog {
          public String list(@WorkspaceId String ws) { return "list"; }
          @RequiresPermission(Permissions.DELETE_THINGS)
          public String drop(@WorkspaceId String ws) { return "drop"; }
          @RequiresPermission(Permissions.EDIT_ACCOUNT)
          @BoundAccount
          public String billing() { return "billing"; }
          @Unguarded(reason = "health check")
          public String ping() { return "pong"; }
          @Override public String toString() { return "a catalog"; }
          @Override public int hashCode() { return 42; }
        }
        """);
    Object catalog = create(code.load("test.GuardedCatalog"));
    Principal viewer = code.inWorkspace("VIEWER");
    assertEquals("list", as(viewer, catalog, "list", "ws"));
    assertThrows(AccessDeniedException.class, () -> as(viewer, catalog, "drop", "ws"));
    assertThrows(AccessDeniedException.class, () -> as(viewer, catalog, "billing"));
    Principal admin =
        Principal.user("root")
            .matrix(code.matrix())
            .directory(GeneratedCode.ACME)
            .accountRole("ADMIN")
            .build();
    assertEquals("billing", as(admin, catalog, "billing"));
    assertEquals("drop", as(admin, catalog, "drop", "ws"));
    assertEquals("pong", GeneratedCode.call(catalog, "ping"));
    assertEquals("a catalog", catalog.toString());
    assertEquals(42, catalog.hashCode());
    assertThrows(
        NoSuchMethodException.class, () -> catalog.getClass().getDeclaredMethod("toString"));
  }

  @Test
  void protectedAndPackagePrivateMethods_overriddenWithTheirAccessAndChecked() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Vault",
            """
        package test;
        import dev.rolegate.annotations.*;
        public class Vault {
          @RequiresPermission(Permissions.VIEW_SECRETS)
          protected String secret(@WorkspaceId String ws) { return "s3cret"; }
          @RequiresPermission(Permissions.VIEW_THINGS)
          String peek(@WorkspaceId String ws) { return "peek"; }
        }
        """);
    Class<?> guard = code.load("test.GuardedVault");
    Method secret = guard.getDeclaredMethod("secret", String.class);
    Method peek = guard.getDeclaredMethod("peek", String.class);
    assertTrue(Modifier.isProtected(secret.getModifiers()));
    assertEquals(
        0, peek.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.PRIVATE));
    secret.setAccessible(true);
    peek.setAccessible(true);
    Object vault = create(guard);
    assertThrows(
        AccessDeniedException.class, () -> invokeAs(code.inWorkspace("EDITOR"), secret, vault));
    assertEquals("s3cret", invokeAs(code.inWorkspace("OWNER"), secret, vault));
    assertEquals("peek", invokeAs(code.inWorkspace("VIEWER"), peek, vault));
    assertThrows(UnauthenticatedException.class, () -> invokeAs(null, peek, vault));
  }

  @Test
  void inheritedSuperclassMethods_checkedWithOwnDeclaringOrGuardedTypeDefault() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Plain",
                """
        package test;
        public class Plain {
          public String describe(@dev.rolegate.annotations.WorkspaceId String ws) { return "plain"; }
        }
        """,
            "test.Base",
                """
        package test;
        import dev.rolegate.annotations.*;
        @RequiresPermission(Permissions.EDIT_THINGS)
        public class Base<T> extends Plain {
          @RequiresPermission(Permissions.DELETE_THINGS)
          public String purge(@WorkspaceId String ws, T what) { return "purged " + what; }
          public String label(@WorkspaceId String ws) { return "label"; }
        }
        """,
            "test.Shelf",
                """
        package test;
        import dev.rolegate.annotations.*;
        @RequiresPermission(Permissions.VIEW_THINGS)
        public class Shelf extends Base<String> {
          public String look(@WorkspaceId String ws) { return "look"; }
        }
        """);
    Object shelf = create(code.load("test.GuardedShelf"));
    Principal viewer = code.inWorkspace("VIEWER");
    assertEquals("look", as(viewer, shelf, "look", "ws"));
    assertEquals("plain", as(viewer, shelf, "describe", "ws"));
    assertThrows(AccessDeniedException.class, () -> as(viewer, shelf, "label", "ws"));
    Principal editor = code.inWorkspace("EDITOR");
    assertEquals("label", as(editor, shelf, "label", "ws"));
    AccessDeniedException denied =
        assertThrows(AccessDeniedException.class, () -> as(editor, shelf, "purge", "ws", "x"));
    assertTrue(denied.getMessage().contains("Base.purge"), denied.getMessage());
    assertEquals("purged x", as(code.inWorkspace("OWNER"), shelf, "purge", "ws", "x"));
    assertEquals(
        String.class,
        shelf
            .getClass()
            .getDeclaredMethod("purge", String.class, String.class)
            .getParameterTypes()[1]);
    code.load("test.GuardedBase");
  }

  @Test
  void carrierBoundWorkspaceAccountOnlyAndInterfaceDefault_checkedAsInInterfaceGuards()
      throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.ThingRef",
                """
        package test;
        public record ThingRef(@dev.rolegate.annotations.WorkspaceId String workspace, String id) {}
        """,
            "test.Greeting",
                """
        package test;
        import dev.rolegate.annotations.*;
        public interface Greeting {
          @RequiresPermission(Permissions.VIEW_THINGS)
          default String greet(@WorkspaceId String ws) { return "hello " + ws; }
        }
        """,
            "test.Desk",
                """
        package test;
        import dev.rolegate.annotations.*;
        public class Desk implements Greeting {
          @RequiresPermission(Permissions.EDIT_ACCOUNT)
          @BoundAccount
          public String billing() { return "billing"; }
          @RequiresPermission(Permissions.VIEW_THINGS)
          @BoundWorkspace
          public String here() { return "here"; }
          @RequiresPermission(Permissions.EDIT_THINGS)
          public String edit(@WorkspaceId ThingRef ref) { return "edited " + ref.id(); }
        }
        """);
    Object desk = create(code.load("test.GuardedDesk"));
    Object ref =
        code.load("test.ThingRef")
            .getConstructor(String.class, String.class)
            .newInstance("ws", "t1");
    Principal editor = code.inWorkspace("EDITOR");
    assertEquals("edited t1", as(editor, desk, "edit", ref));
    assertThrows(
        AccessDeniedException.class, () -> as(code.inWorkspace("VIEWER"), desk, "edit", ref));
    assertThrows(AccessDeniedException.class, () -> as(editor, desk, "edit", new Object[] {null}));
    assertThrows(AccessDeniedException.class, () -> as(editor, desk, "billing"));
    assertEquals("hello ws", as(editor, desk, "greet", "ws"));
    assertThrows(AccessDeniedException.class, () -> as(editor, desk, "greet", "other"));
    assertThrows(AccessDeniedException.class, () -> as(editor, desk, "here"));
    try (PrincipalScope scope = CurrentPrincipal.bind(editor, "ws")) {
      assertEquals("here", GeneratedCode.call(desk, "here"));
    }
  }

  @Test
  void checkedExceptionFromBody_passesThroughUnchanged_denialThrowsFirst() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Outer",
            """
        package test;
        import dev.rolegate.annotations.*;
        public class Outer {
          public static class Store {
            public int saves;
            @RequiresPermission(Permissions.EDIT_THINGS)
            public void save(@WorkspaceId String ws) throws java.io.IOException {
              saves++;
              throw new java.io.IOException("disk full");
            }
          }
        }
        """);
    Class<?> guard = code.load("test.GuardedOuter_Store");
    assertSame(code.load("test.Outer$Store"), guard.getSuperclass());
    assertEquals(
        List.of(IOException.class),
        List.of(guard.getMethod("save", String.class).getExceptionTypes()));
    Object store = create(guard);
    IOException thrown =
        assertThrows(IOException.class, () -> as(code.inWorkspace("EDITOR"), store, "save", "ws"));
    assertEquals("disk full", thrown.getMessage());
    Throwable denied =
        assertThrows(Throwable.class, () -> as(code.inWorkspace("VIEWER"), store, "save", "ws"));
    assertInstanceOf(AccessDeniedException.class, denied);
    assertEquals(1, guard.getField("saves").get(store));
  }

  @Test
  void namesClashingWithInheritedTypesAndParameters_guardCompilesAndWorks() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Clash",
            """
        package test;
        import dev.rolegate.annotations.*;
        public class Clash {
          public static class Requirement {}
          public static class CurrentPrincipal {}
          @RequiresPermission(Permissions.VIEW_THINGS)
          public String m(@WorkspaceId String SOURCE, String VIEW_THINGS, Requirement r) {
            return SOURCE + "," + VIEW_THINGS;
          }
        }
        """);
    Object clash = create(code.load("test.GuardedClash"));
    assertEquals("ws,v", as(code.inWorkspace("VIEWER"), clash, "m", "ws", "v", null));
    assertThrows(
        AccessDeniedException.class,
        () -> as(code.inWorkspace("VIEWER"), clash, "m", "other", "v", null));
  }

  @Test
  void cloneReturningNewInstance_permitted_guardThrowsInsteadOfReturningIt() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Store",
            """
        package test;
        import dev.rolegate.annotations.*;
        public class Store implements Cloneable {
          public static final java.util.List<Store> made = new java.util.ArrayList<>();
          @SuppressWarnings("ReturnsGuardedType") // the guard's check is under test
          @RequiresPermission(Permissions.EDIT_ACCOUNT)
          @BoundAccount
          @Override public Store clone() { Store copy = new Store(); made.add(copy); return copy; }
          @RequiresPermission(Permissions.EDIT_ACCOUNT)
          @BoundAccount
          public String secret() { return "s3cret"; }
        }
        """);
    Object store = create(code.load("test.GuardedStore"));
    Principal member =
        Principal.user("m").matrix(code.matrix()).directory(GeneratedCode.ACME).build();
    assertThrows(AccessDeniedException.class, () -> as(member, store, "clone"));
    assertEquals(List.of(), code.load("test.Store").getField("made").get(null));
    Principal admin =
        Principal.user("root")
            .matrix(code.matrix())
            .directory(GeneratedCode.ACME)
            .accountRole("ADMIN")
            .build();
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> as(admin, store, "clone"));
    assertEquals(
        "Store.clone returned a Store that is not a GuardedStore, which would reach the"
            + " caller unguarded. Create instances with new GuardedStore(...), never new Store(...),"
            + " or return this",
        refused.getMessage());
    assertEquals(1, ((List<?>) code.load("test.Store").getField("made").get(null)).size());
  }

  @Test
  void cloneThroughSuperClone_returnsAGuardedCopy_laterCallChecked() throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Store",
            """
        package test;
        import dev.rolegate.annotations.*;
        public class Store implements Cloneable {
          public String label = "original";
          @SuppressWarnings("ReturnsGuardedType") // super.clone() copies the guard
          @RequiresPermission(Permissions.VIEW_ACCOUNT)
          @BoundAccount
          @Override public Store clone() throws CloneNotSupportedException {
            return (Store) super.clone();
          }
          @RequiresPermission(Permissions.EDIT_ACCOUNT)
          @BoundAccount
          public String secret() { return label; }
        }
        """);
    Class<?> guard = code.load("test.GuardedStore");
    Object store = create(guard);
    Principal member =
        Principal.user("m").matrix(code.matrix()).directory(GeneratedCode.ACME).build();
    Object copy = as(member, store, "clone");
    assertSame(guard, copy.getClass());
    assertFalse(copy == store);
    assertThrows(AccessDeniedException.class, () -> as(member, copy, "secret"));
    Principal admin =
        Principal.user("root")
            .matrix(code.matrix())
            .directory(GeneratedCode.ACME)
            .accountRole("ADMIN")
            .build();
    assertEquals("original", as(admin, copy, "secret"));
  }

  @Test
  void classMethodsReturningTheClass_thisAndGuardsPass_newInstanceNeverReachesTheCaller()
      throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Store",
            """
        package test;
        import dev.rolegate.annotations.*;
        @SuppressWarnings("ReturnsGuardedType") // the guard's check is under test
        @RequiresPermission(Permissions.VIEW_ACCOUNT)
        @BoundAccount
        public class Store {
          public Store copy() { return new Store(); }
          public Store fluent() { return this; }
          public Store fresh() { return new GuardedStore(); }
          public Object pick(int which) { return which == 0 ? this : which == 1 ? new Store() : "text"; }
          public <T extends Store> T narrow(Class<T> type) { return type.cast(new Store()); }
          @RequiresPermission(Permissions.EDIT_ACCOUNT)
          @BoundAccount
          public String secret() { return "s3cret"; }
        }
        """);
    Class<?> guard = code.load("test.GuardedStore");
    Object store = create(guard);
    Principal member =
        Principal.user("m").matrix(code.matrix()).directory(GeneratedCode.ACME).build();
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> as(member, store, "copy"));
    assertTrue(
        refused
            .getMessage()
            .startsWith("Store.copy returned a Store that is not a" + " GuardedStore"),
        refused.getMessage());
    assertTrue(refused.getMessage().contains("new GuardedStore(...)"), refused.getMessage());
    Object fluent = as(member, store, "fluent");
    assertSame(store, fluent);
    assertThrows(AccessDeniedException.class, () -> as(member, fluent, "secret"));
    Object fresh = as(member, store, "fresh");
    assertSame(guard, fresh.getClass());
    assertThrows(AccessDeniedException.class, () -> as(member, fresh, "secret"));
    assertSame(store, as(member, store, "pick", 0));
    assertThrows(IllegalStateException.class, () -> as(member, store, "pick", 1));
    assertEquals("text", as(member, store, "pick", 2));
    assertThrows(
        IllegalStateException.class, () -> as(member, store, "narrow", code.load("test.Store")));
  }

  @Test
  void subclassReturn_unguardedInstanceNeverReachesTheCaller_guardOfSubclassAndNullPass()
      throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Store",
            """
        package test;
        import dev.rolegate.annotations.*;
        @SuppressWarnings("ReturnsGuardedType") // the guard's refusal is under test
        @RequiresPermission(Permissions.VIEW_ACCOUNT)
        @BoundAccount
        public class Store {
          public SpecialStore special(int which) {
            return which == 0 ? new SpecialStore() : which == 1 ? new GuardedSpecialStore() : null;
          }
          public Plain plain() { return new Plain(); }
          @RequiresPermission(Permissions.EDIT_ACCOUNT)
          @BoundAccount
          public String secret() { return "s3cret"; }
        }
        """,
            "test.SpecialStore",
            """
        package test;
        import dev.rolegate.annotations.*;
        public class SpecialStore extends Store {
          @RequiresPermission(Permissions.VIEW_ACCOUNT)
          @BoundAccount
          public String label() { return "special"; }
        }
        """,
            "test.Plain",
            """
        package test;
        public class Plain extends Store {}
        """);
    Object store = create(code.load("test.GuardedStore"));
    Principal member =
        Principal.user("m").matrix(code.matrix()).directory(GeneratedCode.ACME).build();
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> as(member, store, "special", 0));
    assertEquals(
        "Store.special returned a SpecialStore that is not a guard of SpecialStore, which"
            + " would reach the caller unguarded: GuardedStore cannot stand in for a SpecialStore."
            + " Return a guard of SpecialStore (new GuardedSpecialStore(...)) or data instead",
        refused.getMessage());
    Object guarded = as(member, store, "special", 1);
    assertSame(code.load("test.GuardedSpecialStore"), guarded.getClass());
    assertThrows(AccessDeniedException.class, () -> as(member, guarded, "secret"));
    assertEquals(null, as(member, store, "special", 2));
    IllegalStateException plain =
        assertThrows(IllegalStateException.class, () -> as(member, store, "plain"));
    assertTrue(
        plain
            .getMessage()
            .endsWith(
                "(new GuardedPlain(...), once Plain carries"
                    + " @RequiresPermission) or data instead"),
        plain.getMessage());
  }

  @Test
  void otherInterfaceReturn_instanceOfTheClassNeverReachesTheCaller_otherObjectsPass()
      throws Throwable {
    GeneratedCode code =
        GeneratedCode.compile(
            "test.Store",
            """
        package test;
        import dev.rolegate.annotations.*;
        @RequiresPermission(Permissions.VIEW_ACCOUNT)
        @BoundAccount
        public class Store {
          public Runnable task(int which) {
            return which == 0 ? new RunnableStore() : which == 1 ? () -> {} : null;
          }
          public <T extends Runnable> T runner(Class<T> type) {
            return type.cast(new RunnableStore());
          }
          @RequiresPermission(Permissions.EDIT_ACCOUNT)
          @BoundAccount
          public String secret() { return "s3cret"; }
        }
        """,
            "test.RunnableStore",
            """
        package test;
        public class RunnableStore extends Store implements Runnable {
          @Override public void run() {}
        }
        """);
    Object store = create(code.load("test.GuardedStore"));
    Principal member =
        Principal.user("m").matrix(code.matrix()).directory(GeneratedCode.ACME).build();
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> as(member, store, "task", 0));
    assertEquals(
        "Store.task returned a Store as a Runnable, which would reach the caller"
            + " unguarded. Return data or a guard instead",
        refused.getMessage());
    assertTrue(as(member, store, "task", 1) instanceof Runnable);
    assertEquals(null, as(member, store, "task", 2));
    IllegalStateException runner =
        assertThrows(
            IllegalStateException.class, () -> as(member, store, "runner", Runnable.class));
    assertTrue(
        runner.getMessage().startsWith("Store.runner returned a Store as a Runnable"),
        runner.getMessage());
  }

  /** Creates an instance of {@code type} with the declared constructor taking {@code args}. */
  private static Object create(Class<?> type, Object... args) throws Throwable {
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (constructor.getParameterCount() == args.length && accepts(constructor, args)) {
        constructor.setAccessible(true);
        try {
          return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
    throw new AssertionError("no constructor of " + type + " for " + Arrays.toString(args));
  }

  private static boolean accepts(Constructor<?> constructor, Object[] args) {
    Class<?>[] types = constructor.getParameterTypes();
    for (int i = 0; i < args.length; i++) {
      Class<?> type = types[i].isPrimitive() ? boxed(types[i]) : types[i];
      if (args[i] != null && !type.isInstance(args[i])) {
        return false;
      }
    }
    return true;
  }

  private static Class<?> boxed(Class<?> primitive) {
    return primitive == long.class
        ? Long.class
        : primitive == boolean.class
            ? Boolean.class
            : primitive == int.class ? Integer.class : primitive;
  }

  /** Calls public {@code method} on {@code target} with {@code principal} bound, in acme. */
  private static Object as(Principal principal, Object target, String method, Object... args)
      throws Throwable {
    try (PrincipalScope scope = CurrentPrincipal.bind(principal, "acme", null)) {
      return GeneratedCode.call(target, method, args);
    }
  }

  /**
   * Invokes {@code method} on {@code target} with {@code principal} bound in acme (none when null).
   */
  private static Object invokeAs(Principal principal, Method method, Object target)
      throws Throwable {
    try (PrincipalScope scope =
        principal == null ? null : CurrentPrincipal.bind(principal, "acme", null)) {
      return method.invoke(target, "ws");
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
