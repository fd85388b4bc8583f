package dev.rolegate.benchmarks;

import dev.rolegate.runtime.AccessDeniedException;
import java.util.List;
import java.util.Map;

/**
 * The baseline: what a careful engineer writes by hand. The principal comes from a {@code
 * ThreadLocal}, its role mask in the target workspace from a map, then one bit test.
 */
public final class HandWrittenGuard implements DeploymentApi {
  /** A hand-rolled principal: id and role mask per workspace. */
  public record Caller(String id, Map<String, Long> masks) {}

  /** The thread's current caller. */
  public static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

  static final long VIEW_DEPLOYMENTS = 1L << 5;
  static final long DELETE_DEPLOYMENTS = 1L << 8;

  private final DeploymentApi delegate;

  public HandWrittenGuard(DeploymentApi delegate) {
    this.delegate = delegate;
  }

  private static void check(String workspace, long bit, String operation) {
    Caller caller = CURRENT.get();
    if (caller == null) {
      throw new SecurityException("no caller");
    }
    Long mask = workspace == null ? null : caller.masks().get(workspace);
    if (mask == null || (mask & bit) == 0) {
      throw new AccessDeniedException(caller.id() + " may not call " + operation + " in " + workspace,
          caller.id(), operation, List.of(operation), workspace, null);
    }
  }

  @Override
  public int count(String workspace) {
    check(workspace, VIEW_DEPLOYMENTS, "count");
    return delegate.count(workspace);
  }

  @Override
  public int delete(String workspace, int id) {
    check(workspace, DELETE_DEPLOYMENTS, "delete");
    return delegate.delete(workspace, id);
  }
}
