package dev.rolegate.samples.blocks;

/** What anyone who may view blocks sees of a block: no secret data. */
public record BlockSummary(String id, String type, String name) {}
