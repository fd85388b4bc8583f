package dev.rolegate.spring;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;

/**
 * Wraps each bean that implements a guarded interface in its generated guard ({@code
 * Guarded<Type>.wrap(bean)}), after every other post-processor, so that an AOP proxy (a
 * transaction, say) sits inside the guard and a denied call never starts it. Fails startup, rather
 * than leave a bean unchecked, when a bean implements two guarded interfaces (a guard covers one),
 * or is an instance of a guarded class but not of its guard (a {@code @Bean} method that returned
 * {@code new Ledger()} instead of {@code new GuardedLedger()}, or a subclass), or when a bean's
 * type is guarded but in no guard index read (a module's index lost when jars were merged).
 */
public class GuardedBeanPostProcessor implements BeanPostProcessor, BeanClassLoaderAware, Ordered {
  private ClassLoader loader = GuardedBeanPostProcessor.class.getClassLoader();
  private volatile GuardRegistry registry;

  @Override
  public void setBeanClassLoader(ClassLoader classLoader) {
    this.loader = classLoader;
  }

  private GuardRegistry registry() {
    GuardRegistry current = registry;
    if (current == null) {
      synchronized (this) {
        if (registry == null) {
          registry = GuardRegistry.load(loader);
        }
        current = registry;
      }
    }
    return current;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
    GuardRegistry guards = registry();
    Class<?> target = AopProxyUtils.ultimateTargetClass(bean);
    try {
      guards.requireIndexed(target);
      guards.requireIndexed(bean.getClass());
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "bean '" + beanName + "' would run unchecked: " + e.getMessage());
    }
    for (GuardRegistry.Entry entry : guards.guardedClasses()) {
      if (entry.guarded().isAssignableFrom(target) && !entry.guard().isAssignableFrom(target)) {
        throw new IllegalStateException(
            "bean '"
                + beanName
                + "' is a "
                + entry.guarded().getName()
                + " (guarded) but not its guard "
                + entry.guard().getName()
                + ": its methods would run unchecked. Declare it as a component (rolegate then"
                + " creates the guard), or create it with new "
                + entry.guard().getSimpleName()
                + "(...) in its @Bean method");
      }
    }
    List<GuardRegistry.Entry> matches =
        guards.guardedInterfaces().stream()
            .filter(entry -> entry.guarded().isInstance(bean))
            .toList();
    if (matches.isEmpty() || matches.stream().anyMatch(entry -> entry.guard().isInstance(bean))) {
      return bean;
    }
    if (matches.size() > 1) {
      throw new IllegalStateException(
          "bean '"
              + beanName
              + "' implements several guarded interfaces ("
              + matches.stream()
                  .map(entry -> entry.guarded().getName())
                  .collect(Collectors.joining(", "))
              + "); a guard implements one, so the others would be lost. Split the bean, one per"
              + " interface");
    }
    return matches.get(0).wrap(bean);
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
