package dev.rolegate.spring;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/** The actuator endpoint {@code rolegate} (the access report), when actuator is present. */
@AutoConfiguration
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
public class RolegateActuatorAutoConfiguration {
  /**
   * Serves the class path's access reports; expose it with
   * management.endpoints.web.exposure.include.
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnAvailableEndpoint
  public AccessReportEndpoint rolegateAccessReportEndpoint(ApplicationContext context) {
    ClassLoader loader = context.getClassLoader();
    return new AccessReportEndpoint(
        loader != null ? loader : AccessReportEndpoint.class.getClassLoader());
  }
}
