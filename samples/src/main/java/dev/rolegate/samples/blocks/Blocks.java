package dev.rolegate.samples.blocks;

/**
 * Hands out the block service, only ever behind its generated guard: the in-memory implementation
 * is package-private, so no caller outside this package can hold it unchecked (see
 * docs/SECURITY.md, and the samples' {@code GuardedImplementationsTest}).
 */
public final class Blocks {
  private Blocks() {}

  /**
   * Returns a new, empty in-memory block service behind {@link GuardedBlockService}, which checks
   * the principal bound to the calling thread.
   */
  public static BlockService inMemory() {
    return GuardedBlockService.wrap(new InMemoryBlockService());
  }
}
