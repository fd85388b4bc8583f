package dev.rolegate.spring.sample;

import java.util.List;
import java.util.stream.Stream;
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
 * HTTP Basic with one user per role, each named after it, password {@code <name>-pw}, and no
 * authorities: Spring Security authenticates and lets every request through; rolegate's guards
 * decide, from the roles the database gives the authenticated name (seeded by {@link Accounts}):
 *
 * <ul>
 *   <li>{@code acct-acme}: {@code owner} OWNER; {@code admin} ADMIN; {@code member} MEMBER; {@code
 *       ws-owner}, {@code developer}, {@code runner}, {@code viewer} MEMBERs with that workspace
 *       role in {@code ws-acme-prod}; {@code acct-acme/worker} a service account, WORKER there;
 *       {@code deployer} a MEMBER with acme's custom role {@code acme-deployer} there;
 *   <li>{@code acct-globex}: {@code globex-owner} OWNER; {@code globex} a MEMBER, DEVELOPER in
 *       {@code ws-globex};
 *   <li>{@code both}: ADMIN of acme and MEMBER of globex.
 * </ul>
 *
 * <p>{@code typo}, {@code contractor} and {@code acct-acme/ci-bot} have passwords but no rows from
 * the seed: they stand for rows another tool writes (the tests write them). Demo users only: never
 * ship plain-text passwords.
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
        Stream.of(
                "owner",
                "admin",
                "member",
                "ws-owner",
                "developer",
                "runner",
                "viewer",
                "deployer",
                "globex-owner",
                "globex",
                "both",
                "typo",
                "contractor",
                // Service accounts: ids in their account's namespace.
                "acct-acme/worker",
                "acct-acme/ci-bot")
            .map(SecurityConfiguration::user)
            .toList());
  }

  private static UserDetails user(String name) {
    return User.withUsername(name).password("{noop}" + name + "-pw").authorities(List.of()).build();
  }
}
