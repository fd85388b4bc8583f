package dev.rolegate.processor.internal.base;

/** Qualified names of the annotations the processor reads. */
public final class Names {
  public static final String REQUIRES_PERMISSION = "dev.rolegate.annotations.RequiresPermission";
  public static final String UNGUARDED = "dev.rolegate.annotations.Unguarded";
  public static final String WORKSPACE_ID = "dev.rolegate.annotations.WorkspaceId";
  public static final String BOUND_WORKSPACE = "dev.rolegate.annotations.BoundWorkspace";
  public static final String ACCOUNT_ID = "dev.rolegate.annotations.AccountId";
  public static final String BOUND_ACCOUNT = "dev.rolegate.annotations.BoundAccount";
  public static final String PERMISSION_MATRIX = "dev.rolegate.annotations.PermissionMatrix";

  /** The marker on every type rolegate generates. */
  public static final String GENERATED = "dev.rolegate.runtime.internal.RolegateGenerated";

  private Names() {}
}
