package dev.rolegate.samples.workpools;

/** A scheduled flow run waiting in a work pool for a worker. */
public record WorkItem(String id, String pool, String deploymentId) {}
