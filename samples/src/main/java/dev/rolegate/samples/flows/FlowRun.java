package dev.rolegate.samples.flows;

/** One run of a flow. */
public record FlowRun(String id, String flowId, String state) {}
