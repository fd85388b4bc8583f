package dev.rolegate.samples.blocks;

import static dev.rolegate.test.AuthorizationMatrix.WORKSPACE;

import dev.rolegate.test.AuthorizationMatrix;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every method of {@link BlockService} (secret block data included) through its generated guard, as
 * every role of the bundled matrix: allowed or denied exactly as the compiled matrix says.
 */
class BlockAuthorizationTest {
  private static BlockService seeded() {
    InMemoryBlockService impl = new InMemoryBlockService();
    impl.create(WORKSPACE, "aws-credentials", "prod", Secret.of("s3cr3t"));
    return impl;
  }

  @TestFactory
  Stream<DynamicTest> blockServiceFollowsTheMatrix() {
    return AuthorizationMatrix.of(BlockService.class)
        .implementations(BlockAuthorizationTest::seeded)
        .guard((delegate, source) -> GuardedBlockService.wrap(delegate, source))
        .call("list", s -> s.list(WORKSPACE))
        .call("readSecret", s -> s.readSecret(WORKSPACE, "block-1"))
        .call("create", s -> s.create(WORKSPACE, "slack-webhook", "alerts", Secret.of("hook")))
        .call("update", s -> s.update(WORKSPACE, "block-1", Secret.of("rotated")))
        .call("delete", s -> s.delete(WORKSPACE, "block-1"))
        .tests();
  }
}
