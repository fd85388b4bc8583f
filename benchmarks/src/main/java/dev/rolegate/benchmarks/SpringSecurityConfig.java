package dev.rolegate.benchmarks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * A real Spring Security method-security context: {@code @EnableMethodSecurity} with {@code
 * securedEnabled}, the two guarded services as beans (proxied by Spring), and the permission
 * evaluator behind {@code hasPermission}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(securedEnabled = true)
public class SpringSecurityConfig {
  /** Returns the handler answering {@code hasPermission} with the workspace evaluator. */
  @Bean
  static MethodSecurityExpressionHandler methodSecurityExpressionHandler() {
    DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
    handler.setPermissionEvaluator(new WorkspacePermissionEvaluator());
    return handler;
  }

  /** Returns the {@code @Secured} service. */
  @Bean
  DeploymentApi securedDeployments() {
    return new SpringSecuredDeployments(new CountingDeployments());
  }

  /** Returns the {@code @PreAuthorize} service. */
  @Bean
  DeploymentApi preAuthorizeDeployments() {
    return new SpringPreAuthorizeDeployments(new CountingDeployments());
  }
}
