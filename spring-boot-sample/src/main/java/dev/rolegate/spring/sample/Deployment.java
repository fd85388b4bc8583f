package dev.rolegate.spring.sample;

/** A deployment of a workspace. */
public record Deployment(String id, String name) {}
