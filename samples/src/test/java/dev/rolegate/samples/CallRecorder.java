package dev.rolegate.samples;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Test delegates that record which of their methods were called, to prove that a guard did or did
 * not reach its delegate.
 */
final class CallRecorder {
  private CallRecorder() {}

  /** Returns an implementation of {@code type} that records each call and does nothing. */
  static <T> T noOp(Class<T> type, List<String> calls) {
    return proxy(type, calls, null);
  }

  /** Returns an implementation of {@code type} that records each call, then forwards it. */
  static <T> T recording(Class<T> type, T delegate, List<String> calls) {
    return proxy(type, calls, delegate);
  }

  private static <T> T proxy(Class<T> type, List<String> calls, T delegate) {
    Object proxy =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return objectMethod(self, method, args, type);
              }
              calls.add(method.getName());
              return delegate == null
                  ? zero(method.getReturnType())
                  : forward(delegate, method, args);
            });
    return type.cast(proxy);
  }

  private static Object forward(Object delegate, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Object objectMethod(Object self, Method method, Object[] args, Class<?> type) {
    return switch (method.getName()) {
      case "equals" -> self == args[0];
      case "hashCode" -> System.identityHashCode(self);
      default -> "recorder of " + type.getSimpleName();
    };
  }

  private static Object zero(Class<?> returnType) {
    if (returnType == boolean.class) {
      return false;
    }
    if (returnType == int.class) {
      return 0;
    }
    if (returnType == long.class) {
      return 0L;
    }
    return null;
  }
}
