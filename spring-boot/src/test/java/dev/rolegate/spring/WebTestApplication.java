package dev.rolegate.spring;

import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.InMemoryAccountDirectory;
import dev.rolegate.runtime.Principal;
import dev.rolegate.spring.fixtures.AccountApi;
import dev.rolegate.spring.fixtures.DeploymentApi;
import dev.rolegate.spring.fixtures.Ledger;
import dev.rolegate.spring.fixtures.LedgerStore;
import dev.rolegate.spring.fixtures.RecordingAccounts;
import dev.rolegate.spring.fixtures.RecordingDeployments;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small application for the MockMvc tests: Spring Security lets everyone in; rolegate decides.
 * Two accounts: acme (workspaces ws-1, ws-2, ws-9) and globex (ws-g).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({
  WebTestApplication.Api.class,
  RecordingDeployments.class,
  RecordingAccounts.class,
  LedgerStore.class,
  Ledger.class
})
class WebTestApplication {
  @Bean
  AccountDirectory accounts() {
    return new InMemoryAccountDirectory().add("acme", "ws-1", "ws-2", "ws-9").add("globex", "ws-g");
  }

  @Bean
  SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .httpBasic(Customizer.withDefaults())
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @RestController
  static class Api {
    private final DeploymentApi deployments;
    private final AccountApi accounts;
    private final Ledger ledger;

    Api(DeploymentApi deployments, AccountApi accounts, Ledger ledger) {
      this.deployments = deployments;
      this.accounts = accounts;
      this.ledger = ledger;
    }

    @GetMapping("/api/accounts/{account}/members")
    List<String> members() {
      return accounts.members();
    }

    @PutMapping("/api/accounts/{account}/name")
    String rename(@PathVariable String account, @RequestParam String name) {
      return accounts.rename(account, name);
    }

    @GetMapping("/api/accounts/{account}/whoami")
    String whoamiInAccount() {
      return whoami();
    }

    @GetMapping("/api/accounts/{account}/workspaces/{workspace}/deployments")
    List<String> list(@PathVariable String workspace) {
      return deployments.list(workspace);
    }

    @DeleteMapping("/api/accounts/{account}/workspaces/{workspace}/deployments/{id}")
    boolean delete(@PathVariable String workspace, @PathVariable String id) {
      return deployments.delete(workspace, id);
    }

    @GetMapping("/api/accounts/{account}/workspaces/{workspace}/ledger")
    int ledgerHere() {
      return ledger.countHere();
    }

    @GetMapping("/api/ledger")
    int ledgerNowhere() {
      return ledger.countHere();
    }

    @GetMapping("/api/accounts/{account}/workspaces/{workspace}/whoami")
    String whoami() {
      return CurrentPrincipal.get().map(Principal::id).orElse("nobody")
          + "@"
          + CurrentPrincipal.account().orElse("no-account")
          + "/"
          + CurrentPrincipal.workspace().orElse("nowhere");
    }

    @GetMapping("/api/accounts/{account}/workspaces/{workspace}/boom")
    String boom() {
      throw new IllegalStateException(
          "boom for " + CurrentPrincipal.get().map(Principal::id).orElse("nobody"));
    }
  }
}
