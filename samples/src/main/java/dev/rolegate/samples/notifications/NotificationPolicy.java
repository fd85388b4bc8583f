package dev.rolegate.samples.notifications;

/** A notification policy: tell {@code channel} when a flow run enters {@code state}. */
public record NotificationPolicy(String id, String state, String channel) {}
