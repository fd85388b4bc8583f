package dev.rolegate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.DecisionListener;
import dev.rolegate.runtime.Decisions;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.spring.fixtures.DeploymentApi;
import dev.rolegate.spring.fixtures.RecordingDeployments;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * Decisions counted in Micrometer, composed with the application's listeners; and the configuration
 * metadata of the {@code rolegate.*} properties.
 */
class DecisionMetricsTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  RolegateAutoConfiguration.class, RolegateMetricsAutoConfiguration.class))
          .withPropertyValues("rolegate.single-account=acme")
          .withBean(RecordingDeployments.class);

  /** The runner with a meter registry. */
  private final ApplicationContextRunner metered =
      runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

  /** Another test's cached context may have installed its listener: set aside meanwhile. */
  private DecisionListener outside;

  @BeforeEach
  void setAsideListener() {
    outside = Decisions.listener();
    Decisions.setListener(null);
  }

  @AfterEach
  void restoreListener() {
    Decisions.setListener(outside);
  }

  @Test
  void decisions_areCountedPerOutcomeOperationAndPermission_neverByIds() {
    metered.run(
        context -> {
          DeploymentApi api = context.getBean(DeploymentApi.class);
          try (PrincipalScope scope = CurrentPrincipal.bind(Principals.in(WorkspaceRoles.VIEWER))) {
            api.list("ws-1");
            api.list("ws-1");
            assertThatThrownBy(() -> api.delete("ws-1", "d-1"))
                .isInstanceOf(AccessDeniedException.class);
          }
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          assertThat(count(registry, "allowed", "DeploymentApi.list", "VIEW_DEPLOYMENTS"))
              .isEqualTo(2.0);
          assertThat(count(registry, "denied", "DeploymentApi.delete", "DELETE_DEPLOYMENTS"))
              .isEqualTo(1.0);
          java.util.Collection<Meter> meters = registry.find(DecisionMetrics.METER).meters();
          assertThat(meters).hasSize(2);
          for (Meter meter : meters) {
            assertThat(meter.getId().getTags())
                .extracting(tag -> tag.getKey())
                .containsExactlyInAnyOrder("outcome", "operation", "permission");
            assertThat(meter.getId().getTags())
                .extracting(tag -> tag.getValue())
                .doesNotContain("ws-1", "acme", Principals.in(WorkspaceRoles.VIEWER).id());
          }
        });
    assertThat(Decisions.listener()).as("removed when the context closes").isNull();
  }

  @Test
  void listenerAlreadyInstalled_andListenerBeans_stillSeeEveryDecision_andTheOldOneIsBackAfter() {
    List<String> seen = new ArrayList<>();
    DecisionListener before = recording("before", seen);
    Decisions.setListener(before);
    metered
        .withBean("auditListener", DecisionListener.class, () -> recording("bean", seen))
        .run(
            context -> {
              assertThat(Decisions.listener()).isInstanceOf(DecisionMetrics.class);
              assertOneListSeenAndCounted(context, seen);
            });
    assertThat(Decisions.listener()).isSameAs(before);
  }

  @Test
  void aListenerThatThrows_takesNothingFromTheCounterOrTheOtherListeners() {
    List<String> seen = new ArrayList<>();
    DecisionListener before = recording("before", seen);
    Decisions.setListener(before);
    metered
        .withBean(
            "brokenListener",
            DecisionListener.class,
            () ->
                decision -> {
                  throw new IllegalStateException("broken");
                })
        .withBean("auditListener", DecisionListener.class, () -> recording("bean", seen))
        .run(context -> assertOneListSeenAndCounted(context, seen));
    assertThat(Decisions.listener()).isSameAs(before);
  }

  @Test
  void noMeterRegistry_orDisabled_installsNothing() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(DecisionMetrics.class);
          assertThat(Decisions.listener()).isNull();
        });
    metered
        .withPropertyValues("rolegate.metrics.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean(DecisionMetrics.class);
              assertThat(Decisions.listener()).isNull();
            });
  }

  @Test
  void configurationMetadata_describesEveryRolegateProperty() throws Exception {
    String metadata;
    try (InputStream in =
        RolegateProperties.class
            .getClassLoader()
            .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated by spring-boot-configuration-processor").isNotNull();
      metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String property :
        List.of(
            "rolegate.single-account",
            "rolegate.guards.enabled",
            "rolegate.metrics.enabled",
            "rolegate.web.workspace-path",
            "rolegate.web.workspace-variable",
            "rolegate.web.account-path",
            "rolegate.web.account-variable",
            "rolegate.web.filter-order")) {
      assertThat(metadata).contains("\"name\": \"" + property + "\"");
    }
    assertThat(metadata)
        .contains(
            "\"defaultValue\": \"\\/api\\/accounts\\/{account}\\/workspaces\\/{workspace}\\/**\"")
        .contains(
            "Whether beans of guarded types are created as, or wrapped in, their generated"
                + " guard.");
  }

  /** Returns a listener adding {@code name} and each decision's operation to {@code seen}. */
  private static DecisionListener recording(String name, List<String> seen) {
    return decision -> seen.add(name + " " + decision.operation());
  }

  /**
   * Lists ws-1 as a workspace viewer; asserts that the listener bean, then the listener installed
   * before the context, saw it, and that it was counted once.
   */
  private static void assertOneListSeenAndCounted(ApplicationContext context, List<String> seen) {
    try (PrincipalScope scope = CurrentPrincipal.bind(Principals.in(WorkspaceRoles.VIEWER))) {
      context.getBean(DeploymentApi.class).list("ws-1");
    }
    assertThat(seen).containsExactly("bean DeploymentApi.list", "before DeploymentApi.list");
    assertThat(
            count(
                context.getBean(MeterRegistry.class),
                "allowed",
                "DeploymentApi.list",
                "VIEW_DEPLOYMENTS"))
        .isEqualTo(1.0);
  }

  private static double count(
      MeterRegistry registry, String outcome, String operation, String permission) {
    Counter counter =
        registry
            .find(DecisionMetrics.METER)
            .tag("outcome", outcome)
            .tag("operation", operation)
            .tag("permission", permission)
            .counter();
    assertThat(counter).as(outcome + " " + operation + " " + permission).isNotNull();
    return counter.count();
  }
}
