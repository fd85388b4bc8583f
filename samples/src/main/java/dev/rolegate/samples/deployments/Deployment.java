package dev.rolegate.samples.deployments;

/** A deployment: a flow with its schedule and the work pool that runs it. */
public record Deployment(String id, String name, String flowId, String workPool) {}
