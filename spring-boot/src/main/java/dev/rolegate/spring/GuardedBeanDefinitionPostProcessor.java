package dev.rolegate.spring;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Creates beans of a guarded class as its generated {@code Guarded<Type>} subclass: the bean
 * definition's class is changed before any bean exists, so Spring calls the guard's constructor
 * (constructor injection keeps working) and a method calling another guarded method of the same
 * bean is checked too. A guard is final, so a bean of a guarded class that Spring must proxy (for
 * {@code @Transactional}, say) is proxied through its interfaces; one without interfaces cannot be
 * proxied and fails at startup.
 */
public class GuardedBeanDefinitionPostProcessor implements BeanFactoryPostProcessor, Ordered {
  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory)
      throws BeansException {
    ClassLoader loader = beanFactory.getBeanClassLoader();
    GuardRegistry registry =
        GuardRegistry.load(
            loader != null ? loader : GuardedBeanDefinitionPostProcessor.class.getClassLoader());
    boolean changed = false;
    for (String name : beanFactory.getBeanDefinitionNames()) {
      BeanDefinition definition = beanFactory.getBeanDefinition(name);
      String className = definition.getBeanClassName();
      if (className == null || definition.getFactoryMethodName() != null) {
        continue; // a factory method's product is checked by GuardedBeanPostProcessor
      }
      GuardRegistry.Entry entry = registry.guardedClass(className).orElse(null);
      if (entry == null) {
        continue;
      }
      if (!(definition instanceof AbstractBeanDefinition abstractDefinition)) {
        throw new IllegalStateException(
            "bean '"
                + name
                + "' of guarded class "
                + className
                + " has a bean definition rolegate cannot change ("
                + definition.getClass().getName()
                + ")");
      }
      abstractDefinition.setBeanClass(entry.guard());
      // A proxy cannot subclass the final guard: ask Spring (7.0+) for an interface-based one.
      if (ClassUtils.getAllInterfacesForClass(entry.guard()).length > 0
          && definition.getAttribute(AutoProxyUtils.EXPOSED_INTERFACES_ATTRIBUTE) == null) {
        definition.setAttribute(
            AutoProxyUtils.EXPOSED_INTERFACES_ATTRIBUTE,
            AutoProxyUtils.ALL_INTERFACES_ATTRIBUTE_VALUE);
      }
      changed = true;
    }
    if (changed) {
      beanFactory.clearMetadataCache();
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
