package dev.rolegate.spring;

import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.Matrix;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * rolegate's core auto-configuration: the matrix, the account directory, and guarded beans (unless
 * {@code rolegate.guards.enabled=false}) found through the processor's guard index; a reactive
 * application is refused ({@link RolegateReactiveRefusal}).
 */
@AutoConfiguration
@EnableConfigurationProperties(RolegateProperties.class)
@Import(RolegateReactiveRefusal.class)
public class RolegateAutoConfiguration {
  /**
   * The single compiled matrix on the class path; declare a {@link Matrix} bean to choose another.
   */
  @Bean
  @ConditionalOnMissingBean
  public Matrix rolegateMatrix() {
    return Matrix.load();
  }

  /**
   * The directory of a single-account application, {@code AccountDirectory.singleAccount} of {@code
   * rolegate.single-account}; declare an {@link AccountDirectory} bean to use your own. With
   * neither, startup fails: every principal needs to know which account each workspace is in.
   */
  @Bean
  @ConditionalOnMissingBean
  public AccountDirectory rolegateAccountDirectory(RolegateProperties properties) {
    String account = properties.getSingleAccount();
    if (account == null) {
      throw new IllegalStateException(
          "rolegate needs an AccountDirectory, which says the account"
              + " of each workspace: declare a bean of type dev.rolegate.runtime.AccountDirectory"
              + " (an InMemoryAccountDirectory, or one over your data), or, in an application with one"
              + " account, set the property rolegate.single-account=<account id>");
    }
    try {
      return AccountDirectory.singleAccount(account);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("rolegate.single-account: " + e.getMessage(), e);
    }
  }

  /**
   * Carries the submitting thread's binding into tasks of the executors Spring Boot builds
   * ({@code @Async} methods, Spring MVC's async requests); Spring Boot composes it with the
   * application's own {@code TaskDecorator} beans.
   */
  @Bean
  @ConditionalOnMissingBean
  public PrincipalTaskDecorator rolegateTaskDecorator() {
    return new PrincipalTaskDecorator();
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
