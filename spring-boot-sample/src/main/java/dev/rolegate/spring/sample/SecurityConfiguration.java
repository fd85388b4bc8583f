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
 * authorities ({@code account:<account-id>:<ROLE>}, {@code workspace:<id>:<ROLE>}) through the
 * starter's default mapping. Demo users only: never ship plain-text passwords.
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
        user("owner", "account:acct-acme:OWNER"),
        user("admin", "account:acct-acme:ADMIN"),
        user("member", "account:acct-acme:MEMBER"),
        user("ws-owner", "account:acct-acme:MEMBER", "workspace:ws-acme-prod:OWNER"),
        user("developer", "account:acct-acme:MEMBER", "workspace:ws-acme-prod:DEVELOPER"),
        user("runner", "account:acct-acme:MEMBER", "workspace:ws-acme-prod:RUNNER"),
        user("viewer", "account:acct-acme:MEMBER", "workspace:ws-acme-prod:VIEWER"),
        user(
            "worker",
            "principal:service-account",
            "account:acct-acme:MEMBER",
            "workspace:ws-acme-prod:WORKER"),
        // A role name the matrix lacks (names are case-sensitive): refused with 401, never allowed.
        user("typo", "account:acct-acme:MEMBER", "workspace:ws-acme-prod:Developer"),
        // A member of globex only, developer in its workspace.
        user("globex", "account:acct-globex:MEMBER", "workspace:ws-globex:DEVELOPER"),
        // One person in both accounts: ADMIN of acme, MEMBER of globex.
        user("both", "account:acct-acme:ADMIN", "account:acct-globex:MEMBER"),
        // acme's custom role in acme's workspace.
        user("deployer", "account:acct-acme:MEMBER", "workspace:ws-acme-prod:acme-deployer"),
        // acme's custom role in globex's workspace: a principal that cannot exist (401).
        user(
            "contractor",
            "account:acct-acme:MEMBER",
            "account:acct-globex:MEMBER",
            "workspace:ws-globex:acme-deployer"),
        // A service account of acme with a role in globex's workspace: cannot exist either (401).
        user(
            "ci-bot",
            "principal:service-account",
            "account:acct-acme:MEMBER",
            "workspace:ws-globex:DEVELOPER"));
  }

  private static UserDetails user(String name, String... authorities) {
    return User.withUsername(name)
        .password("{noop}" + name + "-pw")
        .authorities(authorities)
        .build();
  }
}
