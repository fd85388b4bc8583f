package dev.rolegate.spring;

import dev.rolegate.jdbc.AccountAdministration;
import dev.rolegate.jdbc.JdbcAdministration;
import dev.rolegate.jdbc.JdbcMembershipStore;
import dev.rolegate.jdbc.WorkspaceAdministration;
import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.Matrix;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Memberships in a database through rolegate-jdbc: active with {@link JdbcMembershipStore} on the
 * class path, a {@link DataSource} bean, and {@code rolegate.jdbc.enabled} not {@code false}.
 * Provides the schema migration ({@code rolegate.jdbc.migrate}), the store over the application's
 * {@link Matrix}, the store's {@link AccountDirectory}, the guarded {@link AccountAdministration}
 * and {@link WorkspaceAdministration}, and, in a servlet application with Spring Security, a {@link
 * PrincipalResolver} that reads each request's principal from the database ({@link
 * JdbcPrincipalResolver}) and problem details for {@code MembershipException}. Each bean backs off
 * when the application declares one of its type.
 */
@AutoConfiguration(
    before = {RolegateAutoConfiguration.class, RolegateWebAutoConfiguration.class},
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(JdbcMembershipStore.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "rolegate.jdbc.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RolegateProperties.class)
public class RolegateJdbcAutoConfiguration {
  /**
   * Migrates rolegate's schema at startup ({@code rolegate.jdbc.migrate}, default true). The
   * migrations keep their own Flyway history table, so they run beside the application's own
   * (Spring Boot's Flyway) without version clashes.
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "rolegate.jdbc.migrate", matchIfMissing = true)
  public RolegateSchemaInitializer rolegateSchemaInitializer(DataSource dataSource) {
    return new RolegateSchemaInitializer(dataSource);
  }

  /** The store over the application's DataSource, reading role names against its matrix. */
  @Bean
  @ConditionalOnMissingBean
  public JdbcMembershipStore rolegateMembershipStore(
      DataSource dataSource, Matrix matrix, ObjectProvider<RolegateSchemaInitializer> schema) {
    // The store is used only once the schema stands: the initializer is created (and has
    // migrated) first.
    schema.ifAvailable(initializer -> {});
    return new JdbcMembershipStore(dataSource, matrix);
  }

  /**
   * The store's directory: the account of each workspace, read from the database. A single-account
   * setting contradicts it and fails startup.
   */
  @Bean
  @ConditionalOnMissingBean
  public AccountDirectory rolegateAccountDirectory(
      JdbcMembershipStore store, RolegateProperties properties) {
    if (properties.getSingleAccount() != null) {
      throw new IllegalStateException(
          "rolegate.single-account is set, and rolegate-jdbc's"
              + " memberships are in use (rolegate-jdbc on the class path and a DataSource bean): the"
              + " database says which account each workspace is in and which accounts each caller is"
              + " a member of. Remove rolegate.single-account, or set rolegate.jdbc.enabled=false to"
              + " take the roles from the credentials");
    }
    return store.directory();
  }

  /** Account administration, behind its guard, acting as the request's bound principal. */
  @Bean
  @ConditionalOnMissingBean
  public AccountAdministration rolegateAccountAdministration(JdbcMembershipStore store) {
    return JdbcAdministration.accounts(store);
  }

  /** Workspace administration, behind its guard, acting as the request's bound principal. */
  @Bean
  @ConditionalOnMissingBean
  public WorkspaceAdministration rolegateWorkspaceAdministration(JdbcMembershipStore store) {
    return JdbcAdministration.workspaces(store);
  }

  /** In a servlet application: problem details for refused membership reads and changes. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(DispatcherServlet.class)
  static class WebConfiguration {
    /** Answers {@code MembershipException} from administration calls with problem details. */
    @Bean
    @ConditionalOnMissingBean
    MembershipExceptionHandler rolegateMembershipExceptionHandler() {
      return new MembershipExceptionHandler();
    }

    /** With Spring Security: the principal named by the authentication, from the database. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SecurityContextHolder.class)
    static class SecurityConfiguration {
      @Bean
      @ConditionalOnMissingBean(PrincipalResolver.class)
      PrincipalResolver rolegatePrincipalResolver(
          JdbcMembershipStore store,
          ObjectProvider<WorkspacePath> workspacePath,
          ObjectProvider<AccountPath> accountPath) {
        return new JdbcPrincipalResolver(store, workspacePath.getObject(), accountPath.getObject());
      }
    }
  }
}
