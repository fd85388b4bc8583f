package dev.rolegate.samples.blocks;

/** A stored block with its secret data; its {@code toString()} shows the secret redacted. */
public record Block(String id, String type, String name, Secret data) {
  /** Returns the block without its secret data. */
  public BlockSummary summary() {
    return new BlockSummary(id, type, name);
  }
}
