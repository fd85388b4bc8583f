package dev.rolegate.processor.internal.diff;

import java.util.List;

/**
 * A guarded method from an access report: the service type that declares it, its operation as the
 * report names it, and its requirement ({@code any}: one of {@code permissions} suffices; else all
 * are needed).
 */
public record GuardedOperation(
    String type, String operation, boolean any, List<String> permissions) {
  public GuardedOperation {
    permissions = List.copyOf(permissions);
  }
}
