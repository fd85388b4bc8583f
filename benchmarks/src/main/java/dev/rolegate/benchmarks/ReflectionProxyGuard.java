package dev.rolegate.benchmarks;

import dev.rolegate.benchmarks.HandWritten.Rule;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link java.lang.reflect.Proxy} guard doing the hand-written check: the rule for the called
 * method comes from a map built once, the workspace is the first argument, then the same bit test
 * as {@link HandWrittenGuard}, then a reflective call of the delegate.
 */
final class ReflectionProxyGuard implements InvocationHandler {
  private final DeploymentApi delegate;
  private final Map<Method, Rule> rules;

  private ReflectionProxyGuard(DeploymentApi delegate, Map<Method, Rule> rules) {
    this.delegate = delegate;
    this.rules = rules;
  }

  /** Returns {@code delegate} behind a JDK proxy that checks each call. */
  static DeploymentApi wrap(DeploymentApi delegate) {
    Map<Method, Rule> rules = new HashMap<>();
    try {
      rules.put(DeploymentApi.class.getMethod("count", String.class), HandWrittenGuard.COUNT);
      rules.put(
          DeploymentApi.class.getMethod("delete", String.class, int.class),
          HandWrittenGuard.DELETE);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
    return (DeploymentApi)
        Proxy.newProxyInstance(
            DeploymentApi.class.getClassLoader(),
            new Class<?>[] {DeploymentApi.class},
            new ReflectionProxyGuard(delegate, rules));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    Rule rule = rules.get(method);
    if (rule == null) {
      return method.invoke(delegate, args);
    }
    HandWritten.checkMask((String) args[0], rule);
    try {
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
