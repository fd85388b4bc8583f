/** The billing module's roles and permissions, compiled from billing.md. */
@PermissionMatrix("billing.md")
package com.acme.billing.rbac;

import dev.rolegate.annotations.PermissionMatrix;
