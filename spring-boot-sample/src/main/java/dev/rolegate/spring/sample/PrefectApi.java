package dev.rolegate.spring.sample;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP API, in Prefect's shape {@code /api/accounts/{account}/workspaces/{workspace}/...} and
 * {@code /api/accounts/{account}/...}. It checks nothing itself: the starter binds the path's
 * account and workspace (and refuses a workspace outside the path's account), the guarded services
 * check, and the starter turns their denials into 401 and 403 problem details.
 */
@RestController
@RequestMapping("/api")
public class PrefectApi {
  private final DeploymentCatalog deployments;
  private final Blocks blocks;
  private final AccountSettings settings;

  /** Creates the API over the (guarded) services. */
  public PrefectApi(DeploymentCatalog deployments, Blocks blocks, AccountSettings settings) {
    this.deployments = deployments;
    this.blocks = blocks;
    this.settings = settings;
  }

  @GetMapping("/ping")
  String ping() {
    return deployments.ping();
  }

  @GetMapping("/accounts/{account}/workspaces/{workspace}/deployments")
  List<Deployment> listDeployments(@PathVariable String workspace) {
    return deployments.list(workspace);
  }

  @PostMapping("/accounts/{account}/workspaces/{workspace}/deployments/{id}/runs")
  Map<String, String> runDeployment(@PathVariable String workspace, @PathVariable String id) {
    return Map.of("run", deployments.run(workspace, id));
  }

  @PutMapping("/accounts/{account}/workspaces/{workspace}/deployments/{id}")
  Deployment saveDeployment(
      @PathVariable String workspace, @PathVariable String id, @RequestParam String name) {
    return deployments.save(workspace, new Deployment(id, name));
  }

  @DeleteMapping("/accounts/{account}/workspaces/{workspace}/deployments/{id}")
  Map<String, Boolean> deleteDeployment(@PathVariable String workspace, @PathVariable String id) {
    return Map.of("deleted", deployments.delete(workspace, id));
  }

  @GetMapping("/accounts/{account}/workspaces/{workspace}/blocks")
  List<String> listBlocks() {
    return blocks.names();
  }

  /** The same list without a workspace in the path: always denied, nothing to check it against. */
  @GetMapping("/accounts/{account}/blocks")
  List<String> listBlocksNowhere() {
    return blocks.names();
  }

  @GetMapping("/accounts/{account}/workspaces/{workspace}/blocks/{name}/secret")
  Map<String, String> readSecret(@PathVariable String name) {
    return Map.of("value", String.valueOf(blocks.secret(name)));
  }

  @PutMapping("/accounts/{account}/workspaces/{workspace}/blocks/{name}")
  Map<String, String> putBlock(@PathVariable String name, @RequestParam String value) {
    blocks.put(name, value);
    return Map.of("saved", name);
  }

  @GetMapping("/accounts/{account}/settings")
  Map<String, String> accountSettings() {
    return Map.of("name", settings.name());
  }

  @PutMapping("/accounts/{account}/settings")
  Map<String, String> renameAccount(@RequestParam String name) {
    return Map.of("name", settings.rename(name));
  }
}
