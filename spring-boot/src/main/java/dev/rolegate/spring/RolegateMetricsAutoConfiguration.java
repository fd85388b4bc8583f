package dev.rolegate.spring;

import dev.rolegate.runtime.DecisionListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Counts guards' decisions ({@link DecisionMetrics}) when Micrometer and a {@link MeterRegistry}
 * are present, unless {@code rolegate.metrics.enabled=false}.
 */
@AutoConfiguration(
    after = RolegateAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
    })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(
    name = "rolegate.metrics.enabled",
    havingValue = "true",
    matchIfMissing = true)
public class RolegateMetricsAutoConfiguration {
  /** Counts decisions as {@code rolegate.decisions}, then calls the application's listeners. */
  @Bean
  @ConditionalOnMissingBean
  public DecisionMetrics rolegateDecisionMetrics(
      MeterRegistry registry, ObjectProvider<DecisionListener> listeners) {
    return new DecisionMetrics(registry, listeners);
  }
}
