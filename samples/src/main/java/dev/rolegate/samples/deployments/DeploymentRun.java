package dev.rolegate.samples.deployments;

/** A flow run created from a deployment, waiting for a worker of {@code workPool}. */
public record DeploymentRun(String id, String deploymentId, String workPool, String state) {}
