package dev.rolegate.samples.notifications;

/**
 * Hands out the notification-policy service, only ever behind its generated guard: the in-memory
 * implementation is package-private, so no caller outside this package can hold it unchecked (see
 * docs/SECURITY.md, and the samples' {@code GuardedImplementationsTest}).
 */
public final class Notifications {
  private Notifications() {}

  /**
   * Returns a new, empty in-memory notification-policy service behind {@link
   * GuardedNotificationPolicyService}, which checks the principal bound to the calling thread.
   */
  public static NotificationPolicyService inMemory() {
    return GuardedNotificationPolicyService.wrap(new InMemoryNotificationPolicyService());
  }
}
