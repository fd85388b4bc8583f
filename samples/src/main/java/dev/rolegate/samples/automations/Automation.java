package dev.rolegate.samples.automations;

/** An automation: when {@code trigger} fires, do {@code action}. */
public record Automation(String id, String name, String trigger, String action) {}
