package com.acme.orders;

import static com.acme.rbac.Permissions.EDIT_ORDERS;
import static com.acme.rbac.Permissions.VIEW_ORDERS;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.annotations.WorkspaceId;

/** Acme's order service. */
public interface Orders {
  @RequiresPermission(VIEW_ORDERS)
  String show(@WorkspaceId String workspace, String order);

  @RequiresPermission(EDIT_ORDERS)
  String cancel(@WorkspaceId String workspace, String order);
}
