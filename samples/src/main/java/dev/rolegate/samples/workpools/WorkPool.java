package dev.rolegate.samples.workpools;

/** A work pool: where workers pick up scheduled flow runs. */
public record WorkPool(String name, String type, boolean paused) {}
