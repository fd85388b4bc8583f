package dev.rolegate.spring;

import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CustomRoles;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.WorkspaceDefaults;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * rolegate in a servlet web application: the filter that binds each request's principal, account
 * and workspace, and 401/403 problem details for rolegate's exceptions. The principal comes from
 * the application's {@link PrincipalResolver} bean if it declares one, else, with Spring Security
 * present, from {@code SecurityContextHolder} through a {@link PrincipalMapper}.
 */
@AutoConfiguration(after = RolegateAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
public class RolegateWebAutoConfiguration {
  /** Answers rolegate's exceptions with problem details. */
  @Bean
  @ConditionalOnMissingBean
  public RolegateExceptionHandler rolegateExceptionHandler() {
    return new RolegateExceptionHandler();
  }

  /** Reads the workspace from the request path ({@code rolegate.web.workspace-path}). */
  @Bean
  @ConditionalOnMissingBean
  public WorkspacePath rolegateWorkspacePath(RolegateProperties properties) {
    return new WorkspacePath(
        properties.getWeb().getWorkspacePath(), properties.getWeb().getWorkspaceVariable());
  }

  /** Reads the account from the request path ({@code rolegate.web.account-path}; empty: none). */
  @Bean
  @ConditionalOnMissingBean
  public AccountPath rolegateAccountPath(RolegateProperties properties) {
    String pattern = properties.getWeb().getAccountPath();
    return pattern == null || pattern.isBlank()
        ? AccountPath.none()
        : new AccountPath(pattern, properties.getWeb().getAccountVariable());
  }

  /** Binds the principal for each request, after Spring Security's filter chain. */
  @Bean
  @ConditionalOnBean(PrincipalResolver.class)
  public FilterRegistrationBean<PrincipalBindingFilter> rolegatePrincipalFilter(
      PrincipalResolver resolver,
      WorkspacePath workspacePath,
      AccountPath accountPath,
      RolegateProperties properties) {
    FilterRegistrationBean<PrincipalBindingFilter> registration =
        new FilterRegistrationBean<>(
            new PrincipalBindingFilter(resolver, workspacePath, accountPath));
    registration.setName("rolegatePrincipalFilter");
    registration.setOrder(properties.getWeb().getFilterOrder());
    return registration;
  }

  /**
   * Carries the request's binding into the {@code Callable}, {@code WebAsyncTask} and {@code
   * StreamingResponseBody} work Spring MVC runs on its async executor.
   */
  @Bean
  public WebMvcConfigurer rolegateAsyncSupport() {
    AsyncPrincipalInterceptor interceptor = new AsyncPrincipalInterceptor();
    return new WebMvcConfigurer() {
      @Override
      public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        configurer.registerCallableInterceptors(interceptor);
      }
    };
  }

  /**
   * Refuses a request whose handler mapping matched an account or workspace other than the bound
   * one (see {@link MatchedPathInterceptor}).
   */
  @Bean
  @ConditionalOnBean(PrincipalResolver.class)
  public WebMvcConfigurer rolegateMatchedPathCheck(
      WorkspacePath workspacePath, AccountPath accountPath) {
    MatchedPathInterceptor check =
        new MatchedPathInterceptor(workspacePath.variable(), accountPath.variable());
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(check).order(Ordered.HIGHEST_PRECEDENCE);
      }
    };
  }

  /** With Spring Security's web support: rolegate's answer to an unauthenticated request. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.security.web.AuthenticationEntryPoint")
  static class SecurityEntryPointConfiguration {
    /**
     * Answers a request that needs authentication and has none with rolegate's 401 problem; a
     * security filter chain uses it through {@code exceptionHandling}.
     */
    @Bean
    @ConditionalOnMissingBean
    RolegateAuthenticationEntryPoint rolegateAuthenticationEntryPoint() {
      return new RolegateAuthenticationEntryPoint();
    }
  }

  /** With Spring Security: the principal from {@code SecurityContextHolder}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(SecurityContextHolder.class)
  static class SecurityPrincipalConfiguration {
    /**
     * The default mapping, with the account directory, the application's {@link WorkspaceDefaults}
     * and {@link CustomRoles} beans if any; declare a {@link PrincipalMapper} bean to replace it.
     */
    @Bean
    @ConditionalOnMissingBean
    PrincipalMapper rolegatePrincipalMapper(
        Matrix matrix,
        AccountDirectory directory,
        RolegateProperties properties,
        ObjectProvider<WorkspaceDefaults> defaults,
        ObjectProvider<CustomRoles> customRoles) {
      String single = properties.getSingleAccount();
      if (single != null && !AccountDirectory.singleAccount(single).equals(directory)) {
        // The forms without an account would make every caller a member of that account, in a
        // directory that knows others.
        throw new IllegalStateException(
            "rolegate.single-account is set, and the application"
                + " declares its own AccountDirectory ("
                + directory.getClass().getName()
                + "): a"
                + " single-account application sets the property alone; with a directory of your own,"
                + " remove the property and name each caller's accounts in its credentials"
                + " (account:<account id>:<ROLE>, or the claim accounts)");
      }
      return new DefaultPrincipalMapper(
          matrix,
          directory,
          properties.getSingleAccount(),
          defaults.getIfUnique(),
          customRoles.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean(PrincipalResolver.class)
    PrincipalResolver rolegatePrincipalResolver(ObjectProvider<PrincipalMapper> mapper) {
      return new SecurityContextPrincipalResolver(mapper.getObject());
    }
  }
}
