package dev.rolegate.samples;

import static dev.rolegate.samples.SampleData.BLOCK;
import static dev.rolegate.samples.SampleData.BLOCK_SECRET;
import static dev.rolegate.samples.SampleData.WORKSPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.prefect.Permissions;
import dev.rolegate.prefect.WorkspaceRoles;
import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.PrincipalScope;
import dev.rolegate.samples.blocks.Block;
import dev.rolegate.samples.blocks.BlockService;
import dev.rolegate.samples.blocks.BlockSummary;
import dev.rolegate.samples.blocks.GuardedBlockService;
import dev.rolegate.samples.blocks.Secret;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blocks through their guard: secrets are readable only with the permission, and never leak. */
class BlockGuardTest {
  private static final String NEW_SECRET = "new-secret-value-42";

  private final List<String> delegateCalls = new ArrayList<>();
  private BlockService plain;
  private BlockService guarded;

  @BeforeEach
  void setUp() {
    plain = OwnerView.of(SampleData.seeded()).blocks();
    guarded =
        GuardedBlockService.wrap(CallRecorder.recording(BlockService.class, plain, delegateCalls));
  }

  private PrincipalScope as(String role) {
    return CurrentPrincipal.bind(TestPrincipals.inWorkspace(WORKSPACE, role));
  }

  @Test
  void viewerListsBlocksWithoutSecretsButCannotReadThem() {
    try (PrincipalScope scope = as(WorkspaceRoles.VIEWER)) {
      List<BlockSummary> blocks = guarded.list(WORKSPACE);
      assertEquals(1, blocks.size());
      assertFalse(blocks.toString().contains(BLOCK_SECRET), blocks.toString());
      AccessDeniedException denied =
          assertThrows(AccessDeniedException.class, () -> guarded.readSecret(WORKSPACE, BLOCK));
      assertTrue(
          denied.getMessage().contains(Permissions.VIEW_SECRET_BLOCK_DATA), denied.getMessage());
      assertFalse(denied.getMessage().contains(BLOCK_SECRET), denied.getMessage());
    }
    assertEquals(List.of("list"), delegateCalls);
  }

  @Test
  void developerReadsTheSecret() {
    try (PrincipalScope scope = as(WorkspaceRoles.DEVELOPER)) {
      assertEquals(BLOCK_SECRET, guarded.readSecret(WORKSPACE, BLOCK).reveal());
    }
  }

  @Test
  void deniedUpdateLeaksNeitherTheOldNorTheNewSecretAndChangesNothing() {
    try (PrincipalScope scope = as(WorkspaceRoles.RUNNER)) {
      AccessDeniedException denied =
          assertThrows(
              AccessDeniedException.class,
              () -> guarded.update(WORKSPACE, BLOCK, Secret.of(NEW_SECRET)));
      String everything = denied.getMessage() + " " + denied;
      assertFalse(everything.contains(NEW_SECRET), everything);
      assertFalse(everything.contains(BLOCK_SECRET), everything);
      assertTrue(everything.contains(Permissions.MANAGE_BLOCKS), everything);
    }
    assertTrue(delegateCalls.isEmpty());
    assertEquals(BLOCK_SECRET, plain.readSecret(WORKSPACE, BLOCK).reveal(), "unchanged");
  }

  @Test
  void secretsNeverShowInText() {
    Secret secret = Secret.of(NEW_SECRET);
    Block block = new Block("b", "aws-credentials", "prod", secret);
    assertFalse(secret.toString().contains(NEW_SECRET));
    assertFalse(block.toString().contains(NEW_SECRET), block.toString());
    assertEquals(NEW_SECRET, secret.reveal());
  }

  @Test
  void developerManagesBlocks() {
    try (PrincipalScope scope = as(WorkspaceRoles.DEVELOPER)) {
      BlockSummary created = guarded.create(WORKSPACE, "slack", "alerts", Secret.of(NEW_SECRET));
      assertEquals(NEW_SECRET, guarded.readSecret(WORKSPACE, created.id()).reveal());
      assertTrue(guarded.delete(WORKSPACE, created.id()));
    }
    assertEquals(1, plain.list(WORKSPACE).size());
  }
}
