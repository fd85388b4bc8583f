package dev.rolegate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.rolegate.processor.ServiceShapes.Method;
import dev.rolegate.processor.ServiceShapes.Requirement;
import dev.rolegate.processor.ServiceShapes.Service;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Calls every method of a generated guard of a clean {@link RandomServices} sample, as account
 * ADMIN of acme, the account of every workspace (who holds every permission of {@link
 * TestMatrices#SMALL}, OWNER in every workspace) and as a plain MEMBER (who holds only
 * VIEW_ACCOUNT): each call reaches the delegate exactly when the method's requirement allows the
 * caller, and is otherwise an {@link AccessDeniedException}.
 */
final class GuardCalls {
  private static final List<String> MEMBER_HOLDS = List.of("VIEW_ACCOUNT");

  private final GeneratedCode code;

  GuardCalls(GeneratedCode code) {
    this.code = code;
  }

  /** Calls each method {@code service}'s guard implements, as ADMIN then as MEMBER. */
  void checkEveryMethod(Service service, String input) throws ReflectiveOperationException {
    Class<?> type = code.load(service.binaryName());
    java.lang.reflect.Method wrap =
        code.load(service.guardName()).getDeclaredMethod("wrap", type, PrincipalSource.class);
    wrap.setAccessible(true);
    Map<String, Method> shapes = service.reachable();
    for (String role : List.of("ADMIN", "MEMBER")) {
      List<String> calls = new ArrayList<>();
      Object delegate =
          Proxy.newProxyInstance(
              type.getClassLoader(),
              new Class<?>[] {type},
              (proxy, method, args) -> {
                calls.add(key(method));
                return zero(method.getReturnType());
              });
      Object guard = wrap.invoke(null, delegate, source(role));
      for (java.lang.reflect.Method method : type.getMethods()) {
        if (Modifier.isStatic(method.getModifiers())) {
          continue;
        }
        Method shape = shapes.get(key(method));
        assertNotNull(shape, "no shape for " + method + "\n" + input);
        Requirement requirement = shape.expected.orElseThrow();
        boolean allowed = role.equals("ADMIN") || requirement.allows(MEMBER_HOLDS);
        calls.clear();
        String what =
            role
                + " calling "
                + service.qualifiedName()
                + "."
                + key(method)
                + " ("
                + requirement
                + ")\n"
                + input;
        method.setAccessible(true);
        try {
          method.invoke(guard, arguments(method, shape));
          assertEquals(allowed, true, "allowed: " + what);
        } catch (InvocationTargetException e) {
          if (!(e.getCause() instanceof AccessDeniedException) || allowed) {
            throw new AssertionError("unexpected failure: " + what, e.getCause());
          }
        }
        assertEquals(allowed ? List.of(key(method)) : List.of(), calls, "delegate calls: " + what);
      }
    }
  }

  private PrincipalSource source(String accountRole) {
    Principal principal =
        Principal.user(accountRole.toLowerCase(java.util.Locale.ROOT))
            .matrix(code.matrix())
            .directory(GeneratedCode.ACME)
            .accountRole(accountRole)
            .build();
    return new PrincipalSource() {
      @Override
      public Principal current() {
        return principal;
      }

      @Override
      public String currentWorkspace() {
        return "ws";
      }

      @Override
      public String currentAccount() {
        return "acme";
      }
    };
  }

  private Object[] arguments(java.lang.reflect.Method method, Method shape)
      throws ReflectiveOperationException {
    Class<?>[] types = method.getParameterTypes();
    Object[] arguments = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      String annotation = shape.parameters.get(i).annotation();
      arguments[i] =
          annotation.contains("@WorkspaceId")
              ? workspaceId(types[i])
              : annotation.contains("@AccountId") ? "acme" : zero(types[i]);
    }
    return arguments;
  }

  private Object workspaceId(Class<?> type) throws ReflectiveOperationException {
    if (type == String.class) {
      return "ws";
    }
    if (type == UUID.class) {
      return UUID.randomUUID();
    }
    return type.getConstructor(String.class, String.class).newInstance("ws", "id");
  }

  private static String key(java.lang.reflect.Method method) {
    return method.getName() + "/" + method.getParameterCount();
  }

  private static Object zero(Class<?> type) {
    if (!type.isPrimitive() || type == void.class) {
      return null;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == char.class) {
      return '\0';
    }
    return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0);
  }
}
