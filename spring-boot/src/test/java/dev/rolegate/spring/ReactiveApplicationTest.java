package dev.rolegate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolegate.spring.fixtures.DeploymentApi;
import dev.rolegate.spring.fixtures.RecordingDeployments;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** A reactive application is refused at startup; servlet and plain applications are not. */
class ReactiveApplicationTest {
  private static final AutoConfigurations ROLEGATE =
      AutoConfigurations.of(
          RolegateAutoConfiguration.class,
          RolegateWebAutoConfiguration.class,
          RolegateActuatorAutoConfiguration.class);

  @Test
  void reactiveApplication_failsStartup_sayingWhyAndWhatToDo() {
    new ReactiveWebApplicationContextRunner()
        .withConfiguration(ROLEGATE)
        .withPropertyValues("rolegate.single-account=acme")
        .withBean(RecordingDeployments.class)
        .run(
            context -> {
              assertThat(context).hasFailed();
              // Thrown by the context's refresh itself, before any bean is created.
              assertThat(context.getStartupFailure())
                  .isInstanceOf(IllegalStateException.class)
                  .hasMessage(
                      "rolegate does not support reactive (WebFlux) applications: it binds the"
                          + " principal to the calling thread (CurrentPrincipal.bind), which a"
                          + " reactive request does not keep, so guarded calls would answer 401 or"
                          + " be decided for another request's principal. Run the application on"
                          + " Spring MVC (spring-boot-starter-webmvc; virtual threads keep blocking"
                          + " calls cheap), or remove rolegate-spring-boot");
            });
  }

  @Test
  void reactiveApplication_isRefusedEvenWithGuardsDisabled() {
    new ReactiveWebApplicationContextRunner()
        .withConfiguration(ROLEGATE)
        .withPropertyValues("rolegate.single-account=acme", "rolegate.guards.enabled=false")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .hasMessageStartingWith("rolegate does not support reactive (WebFlux)");
            });
  }

  @Test
  void servletAndPlainApplications_start() {
    new WebApplicationContextRunner()
        .withConfiguration(ROLEGATE)
        .withPropertyValues("rolegate.single-account=acme")
        .withBean(RecordingDeployments.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean("rolegateRefusesReactiveApplications");
              assertThat(context.getBean(DeploymentApi.class).getClass().getSimpleName())
                  .isEqualTo("GuardedDeploymentApi");
            });
    new ApplicationContextRunner()
        .withConfiguration(ROLEGATE)
        .withPropertyValues("rolegate.single-account=acme")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean("rolegateRefusesReactiveApplications");
            });
  }
}
