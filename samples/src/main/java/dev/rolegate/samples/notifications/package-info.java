/** Notification policies. */
package dev.rolegate.samples.notifications;
