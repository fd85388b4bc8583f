package com.acme.billing;

import static com.acme.billing.rbac.Permissions.PAY_INVOICES;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.annotations.WorkspaceId;

/** The billing module's service. */
public interface Invoices {
  @RequiresPermission(PAY_INVOICES)
  String pay(@WorkspaceId String workspace, String invoice);
}
