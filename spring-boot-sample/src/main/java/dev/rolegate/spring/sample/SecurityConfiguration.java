package dev.rolegate.spring.sample;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic with one user per role, each named after it, password {@code <name>-pw}. Spring
 * Security authenticates and lets every request through; rolegate's guards decide, from the
 * authorities ({@code account:<ROLE>}, {@code workspace:<id>:<ROLE>}) through the starter's default
 * mapping. Demo users only: never ship plain-text passwords.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
  @Bean
  SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .httpBasic(Customizer.withDefaults())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  @Bean
  InMemoryUserDetailsManager users() {
    return new InMemoryUserDetailsManager(
        user("owner", "account:OWNER"),
        user("admin", "account:ADMIN"),
        user("member"),
        user("ws-owner", "workspace:ws-prod:OWNER"),
        user("developer", "workspace:ws-prod:DEVELOPER"),
        user("runner", "workspace:ws-prod:RUNNER"),
        user("viewer", "workspace:ws-prod:VIEWER"),
        user("worker", "principal:service-account", "workspace:ws-prod:WORKER"),
        // A role name the matrix lacks (names are case-sensitive): refused with 401, never allowed.
        user("typo", "workspace:ws-prod:Developer"));
  }

  private static UserDetails user(String name, String... authorities) {
    return User.withUsername(name)
        .password("{noop}" + name + "-pw")
        .authorities(authorities)
        .build();
  }
}
