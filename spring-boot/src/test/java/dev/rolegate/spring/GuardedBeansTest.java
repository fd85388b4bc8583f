package dev.rolegate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.runtime.UnauthenticatedException;
import dev.rolegate.spring.fixtures.AuditApi;
import dev.rolegate.spring.fixtures.DeploymentApi;
import dev.rolegate.spring.fixtures.DeploymentsAndFlows;
import dev.rolegate.spring.fixtures.GuardedDeploymentApi;
import dev.rolegate.spring.fixtures.GuardedLedger;
import dev.rolegate.spring.fixtures.GuardedTransactionalAudit;
import dev.rolegate.spring.fixtures.Ledger;
import dev.rolegate.spring.fixtures.LedgerStore;
import dev.rolegate.spring.fixtures.RecordingDeployments;
import dev.rolegate.spring.fixtures.RecordingTransactionManager;
import dev.rolegate.spring.fixtures.TransactionalAudit;
import dev.rolegate.spring.fixtures.TransactionalCounter;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.PriorityOrdered;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/** Beans of guarded types are created as, or wrapped in, their generated guards. */
class GuardedBeansTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(RolegateAutoConfiguration.class))
          .withPropertyValues("rolegate.single-account=acme");

  @Test
  void interfaceBean_isWrappedInItsGuard_andChecked() {
    runner
        .withBean(RecordingDeployments.class)
        .run(
            context -> {
              DeploymentApi api = context.getBean(DeploymentApi.class);
              assertThat(api).isInstanceOf(GuardedDeploymentApi.class);
              assertThatThrownBy(() -> api.list("ws-1"))
                  .isInstanceOf(UnauthenticatedException.class);
              try (PrincipalScope scope =
                  CurrentPrincipal.bind(Principals.in(WorkspaceRoles.VIEWER))) {
                assertThat(api.list("ws-1")).containsExactly("d-1");
                assertThatThrownBy(() -> api.delete("ws-1", "d-1"))
                    .isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> api.list("ws-2"))
                    .isInstanceOf(AccessDeniedException.class);
              }
            });
  }

  @Test
  void classBean_isCreatedAsItsGuard_withConstructorInjection_andSelfInvocationChecked() {
    runner
        .withBean(LedgerStore.class)
        .withBean(Ledger.class)
        .run(
            context -> {
              Ledger ledger = context.getBean(Ledger.class);
              assertThat(ledger).isExactlyInstanceOf(GuardedLedger.class);
              assertThat(ledger.store()).isSameAs(context.getBean(LedgerStore.class));
              try (PrincipalScope scope =
                  CurrentPrincipal.bind(Principals.in(WorkspaceRoles.VIEWER))) {
                assertThat(ledger.count("ws-1")).isEqualTo(3);
                // reset needs VIEW_FLOWS (held) and calls clear, which needs DELETE_FLOWS (not
                // held).
                assertThatThrownBy(() -> ledger.reset("ws-1"))
                    .isInstanceOf(AccessDeniedException.class)
                    .satisfies(
                        e ->
                            assertThat(((AccessDeniedException) e).operation())
                                .isEqualTo("Ledger.clear"));
                assertThat(ledger.count("ws-1")).isEqualTo(3);
              }
              try (PrincipalScope scope =
                  CurrentPrincipal.bind(Principals.in(WorkspaceRoles.DEVELOPER))) {
                ledger.reset("ws-1");
                assertThat(ledger.count("ws-1")).isZero();
              }
            });
  }

  @Test
  void disabled_leavesBeansAsTheyAre() {
    runner
        .withPropertyValues("rolegate.guards.enabled=false")
        .withBean(RecordingDeployments.class)
        .withBean(LedgerStore.class)
        .withBean(Ledger.class)
        .run(
            context -> {
              assertThat(context.getBean(DeploymentApi.class))
                  .isExactlyInstanceOf(RecordingDeployments.class);
              assertThat(context.getBean(Ledger.class)).isExactlyInstanceOf(Ledger.class);
              assertThat(context.getBean(Ledger.class).count("ws-1")).isEqualTo(3);
            });
  }

  @Test
  void guardedClassFromFactoryMethod_failsStartup() {
    runner
        .withUserConfiguration(RawLedgerConfiguration.class)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessageContaining(
                      "bean 'ledger' is a dev.rolegate.spring.fixtures.Ledger (guarded) but not its"
                          + " guard")
                  .hasMessageContaining("new GuardedLedger(...)");
            });
  }

  /**
   * Guarded ({@link GuardedGuardedBeansTest_MergedAwayApi} stands for its generated guard) but in
   * no module index: what a shaded jar holds when another module's index overwrote the one listing
   * it.
   */
  public interface MergedAwayApi {
    String list(String workspace);
  }

  /** A bean of {@link MergedAwayApi}. */
  static class MergedAway implements MergedAwayApi {
    @Override
    public String list(String workspace) {
      return "listed";
    }
  }

  @Test
  void beanOfAGuardedTypeInNoIndex_failsStartup() {
    runner
        .withBean(MergedAway.class)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .hasStackTraceContaining(
                      "bean 'guardedBeansTest.MergedAway' would run unchecked: "
                          + MergedAwayApi.class.getName()
                          + " is guarded by ");
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessageStartingWith(
                      MergedAwayApi.class.getName()
                          + " is guarded by "
                          + GuardedGuardedBeansTest_MergedAwayApi.class.getName()
                          + " (from "
                          + GuardedGuardedBeansTest_MergedAwayApi.class
                              .getProtectionDomain()
                              .getCodeSource()
                              .getLocation()
                          + ") but in no guard index read (")
                  .hasMessageContaining(
                      "an AppendingTransformer for META-INF/rolegate/guard-index");
            });
  }

  @Test
  void prototypeBeanOfAGuardedTypeInNoIndex_failsEveryTimeItIsCreated() {
    runner
        .withBean(
            "mergedAway", MergedAway.class, MergedAway::new, bean -> bean.setScope("prototype"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              // Created on demand, twice: never once unwrapped after the first failure.
              for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> context.getBean(MergedAway.class))
                    .rootCause()
                    .hasMessageContaining("but in no guard index read (");
              }
            });
  }

  @Test
  void guardedClassFromFactoryMethodReturningTheGuard_isAccepted() {
    runner
        .withUserConfiguration(GuardLedgerConfiguration.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(Ledger.class)).isInstanceOf(GuardedLedger.class);
            });
  }

  @Test
  void beanWithTwoGuardedInterfaces_failsStartup() {
    runner
        .withBean(DeploymentsAndFlows.class)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessageContaining("implements several guarded interfaces")
                  .hasMessageContaining("DeploymentApi")
                  .hasMessageContaining("FlowApi");
            });
  }

  @Test
  void guardedAndTransactionalInterfaceBean_keepsBoth_andDenialStartsNoTransaction() {
    RecordingDeployments target = new RecordingDeployments();
    runner
        .withUserConfiguration(TransactionConfiguration.class)
        .withBean(RecordingDeployments.class, () -> target)
        .run(
            context -> {
              DeploymentApi api = context.getBean(DeploymentApi.class);
              RecordingTransactionManager transactions =
                  context.getBean(RecordingTransactionManager.class);
              assertThat(api).isInstanceOf(GuardedDeploymentApi.class);
              try (PrincipalScope scope =
                  CurrentPrincipal.bind(Principals.in(WorkspaceRoles.VIEWER))) {
                assertThat(api.list("ws-1")).containsExactly("d-1");
                assertThatThrownBy(() -> api.delete("ws-1", "d-1"))
                    .isInstanceOf(AccessDeniedException.class);
              }
              assertThat(target.calls).containsExactly("list ws-1 tx=true");
              assertThat(transactions.events).containsExactly("begin", "commit");
            });
  }

  @Test
  void guardedAndTransactionalClassBean_keepsBoth_throughItsInterface() {
    runner
        .withUserConfiguration(TransactionConfiguration.class)
        .withBean(TransactionalAudit.class)
        .run(
            context -> {
              AuditApi audit = context.getBean(AuditApi.class);
              assertThat(AopUtils.isAopProxy(audit)).isTrue();
              Object target =
                  ((org.springframework.aop.framework.Advised) audit).getTargetSource().getTarget();
              assertThat(target).isExactlyInstanceOf(GuardedTransactionalAudit.class);
              RecordingTransactionManager transactions =
                  context.getBean(RecordingTransactionManager.class);
              try (PrincipalScope scope =
                  CurrentPrincipal.bind(Principals.in(WorkspaceRoles.DEVELOPER))) {
                assertThat(audit.record("ws-1", "created")).isEqualTo("created");
              }
              try (PrincipalScope scope =
                  CurrentPrincipal.bind(Principals.in(WorkspaceRoles.VIEWER))) {
                assertThatThrownBy(() -> audit.record("ws-1", "denied"))
                    .isInstanceOf(AccessDeniedException.class);
              }
              assertThat(((TransactionalAudit) target).calls).containsExactly("created tx=true");
              // The proxy sits outside this guard: the denied call began a transaction and rolled
              // it back.
              assertThat(transactions.events)
                  .containsExactly("begin", "commit", "begin", "rollback");
            });
  }

  @Test
  void guardedAndTransactionalClassWithoutInterface_failsStartup_neverRunsUnguarded() {
    runner
        .withUserConfiguration(TransactionConfiguration.class)
        .withBean(TransactionalCounter.class)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .hasStackTraceContaining("GuardedTransactionalCounter")
                  .hasStackTraceContaining("final");
            });
  }

  @Test
  void interfaceBeanCreatedByABeanFactoryPostProcessor_failsStartup_namingTheBeanAndTheFix() {
    runner
        .withBean("deployments", RecordingDeployments.class)
        .withUserConfiguration(EagerFactoryPostProcessorConfiguration.class)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .isInstanceOf(IllegalStateException.class)
                  .hasMessageContaining(
                      "bean 'deployments' (dev.rolegate.spring.fixtures.RecordingDeployments) is a"
                          + " dev.rolegate.spring.fixtures.DeploymentApi (guarded) but not its"
                          + " guard dev.rolegate.spring.fixtures.GuardedDeploymentApi")
                  .hasMessageContaining("not eligible for getting processed by all")
                  .hasMessageContaining("ObjectProvider<DeploymentApi> or @Lazy");
            });
  }

  @Test
  void interfaceBeanInjectedIntoAPriorityOrderedBeanPostProcessor_failsStartup() {
    runner
        .withBean("deployments", RecordingDeployments.class)
        .withUserConfiguration(EagerPostProcessorConfiguration.class)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .isInstanceOf(IllegalStateException.class)
                  .hasMessageContaining("bean 'deployments'")
                  .hasMessageContaining("created before rolegate's post-processor was registered");
            });
  }

  @Test
  void interfaceBeanInjectedLazilyIntoABeanPostProcessor_isWrapped() {
    runner
        .withBean("deployments", RecordingDeployments.class)
        .withUserConfiguration(LazyPostProcessorConfiguration.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(DeploymentApi.class))
                  .isInstanceOf(GuardedDeploymentApi.class);
            });
  }

  /** Creates the deployments bean while bean factories are post-processed: before any BPP. */
  @Configuration(proxyBeanMethods = false)
  static class EagerFactoryPostProcessorConfiguration {
    @Bean
    static BeanFactoryPostProcessor eagerDeployments() {
      return factory -> factory.getBean(DeploymentApi.class);
    }
  }

  /** A post-processor registered before rolegate's, which needs the deployments bean. */
  @Configuration(proxyBeanMethods = false)
  static class EagerPostProcessorConfiguration {
    @Bean
    static EagerPostProcessor eagerPostProcessor(DeploymentApi deployments) {
      return new EagerPostProcessor(deployments);
    }
  }

  /** A post-processor that holds a guarded bean. */
  static class EagerPostProcessor implements BeanPostProcessor, PriorityOrdered {
    final DeploymentApi deployments;

    EagerPostProcessor(DeploymentApi deployments) {
      this.deployments = deployments;
    }

    @Override
    public int getOrder() {
      return 0;
    }
  }

  /** The same post-processor, given the deployments lazily. */
  @Configuration(proxyBeanMethods = false)
  static class LazyPostProcessorConfiguration {
    @Bean
    static BeanPostProcessor lazyPostProcessor(ObjectProvider<DeploymentApi> deployments) {
      return new BeanPostProcessor() {};
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class RawLedgerConfiguration {
    @Bean
    Ledger ledger() {
      return new Ledger(new LedgerStore());
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class GuardLedgerConfiguration {
    @Bean
    Ledger ledger() {
      return new GuardedLedger(new LedgerStore());
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableTransactionManagement(proxyTargetClass = true)
  static class TransactionConfiguration {
    @Bean
    RecordingTransactionManager transactionManager() {
      return new RecordingTransactionManager();
    }
  }
}
