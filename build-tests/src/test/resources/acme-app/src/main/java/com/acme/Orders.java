package com.acme;

import static com.acme.rbac.Permissions.EDIT_ORDERS;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.annotations.WorkspaceId;

/** Acme's order service. */
public interface Orders {
  @RequiresPermission(EDIT_ORDERS)
  String edit(@WorkspaceId String workspace, String order);
}
