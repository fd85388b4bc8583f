/** Acme's roles and permissions, compiled from acme.md beside this package's classes. */
@PermissionMatrix("acme.md")
package com.acme.rbac;

import dev.rolegate.annotations.PermissionMatrix;
