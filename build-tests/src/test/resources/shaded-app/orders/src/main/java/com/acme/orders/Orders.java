package com.acme.orders;

import static com.acme.orders.rbac.Permissions.EDIT_ORDERS;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.annotations.WorkspaceId;

/** The orders module's service. */
public interface Orders {
  @RequiresPermission(EDIT_ORDERS)
  String edit(@WorkspaceId String workspace, String order);
}
