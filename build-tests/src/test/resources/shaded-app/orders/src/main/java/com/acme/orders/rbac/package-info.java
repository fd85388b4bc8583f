/** The orders module's roles and permissions, compiled from orders.md. */
@PermissionMatrix("orders.md")
package com.acme.orders.rbac;

import dev.rolegate.annotations.PermissionMatrix;
