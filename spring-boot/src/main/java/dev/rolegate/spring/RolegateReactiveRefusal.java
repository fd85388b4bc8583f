package dev.rolegate.spring;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.web.context.reactive.ConfigurableReactiveWebEnvironment;
import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Refuses a reactive (WebFlux) application at startup. rolegate binds the principal to the calling
 * thread ({@code CurrentPrincipal.bind}); a reactive request hops between threads and keeps no such
 * binding, so its guarded calls would answer 401, or be decided for whichever principal another
 * request left on the thread. Failing before any bean exists says so instead.
 *
 * <p>The application is reactive when its context is a {@link ReactiveWebApplicationContext} (or
 * its environment a reactive one), as Spring Boot decides for an application with WebFlux and
 * without Spring MVC; an MVC application that also uses WebFlux's client is a servlet application.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RolegateReactiveRefusal.OnReactiveWebApplication.class)
class RolegateReactiveRefusal {
  /** What startup fails with. */
  static final String MESSAGE =
      "rolegate does not support reactive (WebFlux) applications: it binds the principal to the"
          + " calling thread (CurrentPrincipal.bind), which a reactive request does not keep, so"
          + " guarded calls would answer 401 or be decided for another request's principal. Run"
          + " the application on Spring MVC (spring-boot-starter-webmvc; virtual threads keep"
          + " blocking calls cheap), or remove rolegate-spring-boot";

  /** Fails the context's refresh before any bean is created. */
  @Bean
  static BeanFactoryPostProcessor rolegateRefusesReactiveApplications() {
    return beanFactory -> {
      throw new IllegalStateException(MESSAGE);
    };
  }

  /** Matches a reactive web application context. */
  static final class OnReactiveWebApplication implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return context.getEnvironment() instanceof ConfigurableReactiveWebEnvironment
          || context.getResourceLoader() instanceof ReactiveWebApplicationContext;
    }
  }
}
