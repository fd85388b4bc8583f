package dev.rolegate.spring;

import dev.rolegate.runtime.Matrix;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * rolegate's core auto-configuration: the matrix, and guarded beans (unless {@code
 * rolegate.guards.enabled=false}) found through the processor's guard index.
 */
@AutoConfiguration
@EnableConfigurationProperties(RolegateProperties.class)
public class RolegateAutoConfiguration {
  /**
   * The single compiled matrix on the class path; declare a {@link Matrix} bean to choose another.
   */
  @Bean
  @ConditionalOnMissingBean
  public Matrix rolegateMatrix() {
    return Matrix.load();
  }

  /** Creates beans of guarded classes as their guards. */
  @Bean
  @ConditionalOnProperty(
      name = "rolegate.guards.enabled",
      havingValue = "true",
      matchIfMissing = true)
  public static GuardedBeanDefinitionPostProcessor rolegateGuardedBeanDefinitions() {
    return new GuardedBeanDefinitionPostProcessor();
  }

  /** Wraps beans of guarded interfaces in their guards. */
  @Bean
  @ConditionalOnProperty(
      name = "rolegate.guards.enabled",
      havingValue = "true",
      matchIfMissing = true)
  public static GuardedBeanPostProcessor rolegateGuardedBeans() {
    return new GuardedBeanPostProcessor();
  }
}
