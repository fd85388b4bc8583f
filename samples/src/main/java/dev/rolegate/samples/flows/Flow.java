package dev.rolegate.samples.flows;

/** A flow: the Python function Prefect orchestrates. */
public record Flow(String id, String name) {}
