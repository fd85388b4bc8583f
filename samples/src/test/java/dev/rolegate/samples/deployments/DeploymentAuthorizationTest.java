package dev.rolegate.samples.deployments;

import static dev.rolegate.test.AuthorizationMatrix.WORKSPACE;

import dev.rolegate.test.AuthorizationMatrix;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every method of {@link DeploymentService} through its generated guard, as every workspace and
 * account role of the bundled matrix and as nobody: allowed or denied exactly as the compiled
 * matrix says (rolegate-test's {@link AuthorizationMatrix}; no expectation is written here). In
 * this package to reach the package-private implementation, seeded directly for each case so that
 * an allowed call does real work.
 */
class DeploymentAuthorizationTest {
  private static final Deployment NIGHTLY = new Deployment("d-1", "nightly", "f-1", "pool-1");

  private static DeploymentService seeded() {
    InMemoryDeploymentService impl = new InMemoryDeploymentService();
    impl.create(WORKSPACE, NIGHTLY);
    impl.run(WORKSPACE, NIGHTLY.id());
    return impl;
  }

  @TestFactory
  Stream<DynamicTest> deploymentServiceFollowsTheMatrix() {
    return AuthorizationMatrix.of(DeploymentService.class)
        .implementations(DeploymentAuthorizationTest::seeded)
        .guard((delegate, source) -> GuardedDeploymentService.wrap(delegate, source))
        .call("ping", DeploymentService::ping)
        .call("list", s -> s.list(WORKSPACE))
        .call("read", s -> s.read(WORKSPACE, "d-1"))
        .call("run", s -> s.run(WORKSPACE, "d-1"))
        .call("runOnPool", s -> s.runOnPool(WORKSPACE, "d-1", "pool-2"))
        .call("cancelRun", s -> s.cancelRun(WORKSPACE, "run-1"))
        .call("create", s -> s.create(WORKSPACE, new Deployment("d-2", "hourly", "f-1", "pool-1")))
        .call("update", s -> s.update(WORKSPACE, new Deployment("d-1", "renamed", "f-1", "pool-1")))
        .call("delete", s -> s.delete(WORKSPACE, "d-1"))
        .tests();
  }
}
